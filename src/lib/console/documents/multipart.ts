/**
 * A streaming reader of `multipart/form-data` bodies (RFC 7578) that passes file contents on as
 * they arrive, so a 100 MB upload never sits in memory. Text fields are collected up to a limit.
 */

/** Raised for a body that is not well-formed multipart data or whose fields are too large. */
export class MultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MultipartError";
  }
}

export interface MultipartFile {
  fieldName: string;
  /** The file name as the browser sent it, which may still contain a path. */
  fileName: string;
  contentType: string | null;
}

export interface MultipartOptions {
  boundary: string;
  /** Returns where the bytes of a file part go, or null to skip the part. */
  onFile: (file: MultipartFile) => WritableStream<Uint8Array> | null;
  /** Limit of all text field values together, in bytes. */
  maxFieldBytes: number;
}

/** Maximum size of the header block of one part, in bytes. */
const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = new Uint8Array([0x0d, 0x0a]);
const HEADER_END = new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]);

/** Returns the boundary of a `multipart/form-data` content type, or null for any other type. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = haystack.byteLength - needle.byteLength;
  for (let position = haystack.indexOf(first ?? 0, from); position !== -1 && position <= last; ) {
    let matched = true;
    for (let offset = 1; offset < needle.byteLength; offset += 1) {
      if (haystack[position + offset] !== needle[offset]) {
        matched = false;
        break;
      }
    }
    if (matched) return position;
    position = haystack.indexOf(first ?? 0, position + 1);
  }
  return -1;
}

function join(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.byteLength === 0) return right;
  const joined = new Uint8Array(left.byteLength + right.byteLength);
  joined.set(left);
  joined.set(right, left.byteLength);
  return joined;
}

/** Reads a quoted parameter of Content-Disposition; browsers escape `"`, CR and LF as %22, %0D, %0A. */
function dispositionParameter(header: string, name: string): string | null {
  const match = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, "i").exec(header);
  if (!match) return null;
  return (match[1] ?? "").replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
}

function parseHeaders(bytes: Uint8Array): { name: string; fileName: string | null; contentType: string | null } {
  const lines = new TextDecoder("utf-8").decode(bytes).split("\r\n");
  let disposition: string | null = null;
  let contentType: string | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const headerName = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (headerName === "content-disposition") disposition = value;
    if (headerName === "content-type") contentType = value;
  }

  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) {
    throw new MultipartError("a part has no form-data Content-Disposition");
  }
  const name = dispositionParameter(disposition, "name");
  if (name === null) throw new MultipartError("a part has no field name");
  return { name, fileName: dispositionParameter(disposition, "filename"), contentType };
}

type State = "preamble" | "delimiter" | "headers" | "body" | "done";

/**
 * Reads a multipart body to its end and returns the text fields. Each file part streams into the
 * writable that `onFile` returns, which is closed at the end of the part and aborted when the
 * body breaks off. Write errors of that stream propagate, so a rejected file stops the reading.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array>,
  options: MultipartOptions,
): Promise<Map<string, string>> {
  const delimiter = new TextEncoder().encode(`\r\n--${options.boundary}`);
  const fields = new Map<string, string>();
  let fieldBytes = 0;
  const reader = body.getReader();

  // The body begins with the boundary line itself; a leading CRLF lets one search find every delimiter.
  let buffer: Uint8Array = CRLF;
  // Initialized with `as` so TypeScript does not narrow them to their first value: `step` changes them.
  let state = "preamble" as State;
  let fieldName: string | null = null;
  let fieldChunks: Uint8Array[] = [];
  let fileWriter = null as WritableStreamDefaultWriter<Uint8Array> | null;
  let skipping = false;

  const emit = async (bytes: Uint8Array) => {
    if (bytes.byteLength === 0) return;
    if (fileWriter) {
      await fileWriter.write(bytes);
    } else if (fieldName !== null && !skipping) {
      fieldBytes += bytes.byteLength;
      if (fieldBytes > options.maxFieldBytes) throw new MultipartError("the form fields are too large");
      fieldChunks.push(bytes);
    }
  };

  const endPart = async () => {
    if (fileWriter) {
      await fileWriter.close();
      fileWriter = null;
    } else if (fieldName !== null && !skipping) {
      const value = new TextDecoder("utf-8").decode(fieldChunks.reduce(join, new Uint8Array()));
      if (!fields.has(fieldName)) fields.set(fieldName, value);
    }
    fieldName = null;
    fieldChunks = [];
    skipping = false;
  };

  // Consumes as much of the buffer as the current state allows; returns false when it needs more bytes.
  const step = async (): Promise<boolean> => {
    switch (state) {
      case "preamble":
      case "body": {
        const found = indexOfBytes(buffer, delimiter);
        if (found === -1) {
          const keep = Math.min(buffer.byteLength, delimiter.byteLength - 1);
          if (state === "body") await emit(buffer.subarray(0, buffer.byteLength - keep));
          buffer = buffer.subarray(buffer.byteLength - keep);
          return false;
        }
        if (state === "body") {
          await emit(buffer.subarray(0, found));
          await endPart();
        }
        buffer = buffer.subarray(found + delimiter.byteLength);
        state = "delimiter";
        return true;
      }
      case "delimiter": {
        const lineEnd = indexOfBytes(buffer, CRLF);
        if (buffer.byteLength >= 2 && buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = "done";
          return false;
        }
        if (lineEnd === -1) {
          if (buffer.byteLength > 256) throw new MultipartError("a boundary line is malformed");
          return false;
        }
        if (!/^[ \t]*$/.test(new TextDecoder().decode(buffer.subarray(0, lineEnd)))) {
          throw new MultipartError("a boundary line is malformed");
        }
        buffer = buffer.subarray(lineEnd + 2);
        state = "headers";
        return true;
      }
      case "headers": {
        const end = indexOfBytes(buffer, HEADER_END);
        if (end === -1) {
          if (buffer.byteLength > MAX_HEADER_BYTES) throw new MultipartError("the part headers are too large");
          return false;
        }
        const part = parseHeaders(buffer.subarray(0, end));
        buffer = buffer.subarray(end + HEADER_END.byteLength);
        fieldName = part.name;
        if (part.fileName !== null) {
          const writable = options.onFile({
            fieldName: part.name,
            fileName: part.fileName,
            contentType: part.contentType,
          });
          fileWriter = writable?.getWriter() ?? null;
          skipping = fileWriter === null;
        }
        state = "body";
        return true;
      }
      default:
        return false;
    }
  };

  try {
    for (;;) {
      while (await step()) {
        // Each step consumed part of the buffer; keep going until the state needs more bytes.
      }
      if (state === "done") break;

      const { done, value } = await reader.read();
      if (done) throw new MultipartError("the body ended before the closing boundary");
      buffer = join(buffer, value);
    }
    await reader.cancel().catch(() => undefined);
    return fields;
  } catch (error) {
    await fileWriter?.abort(error).catch(() => undefined);
    await reader.cancel(error).catch(() => undefined);
    throw error;
  }
}
