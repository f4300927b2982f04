import type { UploadRejection } from "./inspect";
import { MAX_DOCUMENT_BYTES, MAX_MULTIPART_OVERHEAD_BYTES } from "./limits";
import { MultipartError, multipartBoundary, readMultipart } from "./multipart";
import { deleteStoredObject } from "./r2-upload";
import { type StoredFile, type StoreResult, storeUploadedFile } from "./upload";

/** Name of the file input of the upload form. */
export const UPLOAD_FILE_FIELD = "file";

/** Limit of the upload form's text fields together, in bytes. */
const MAX_UPLOAD_FIELD_BYTES = 16 * 1024;

export type MultipartUploadResult =
  | { ok: true; file: StoredFile; fields: Map<string, string> }
  | { ok: false; rejection: UploadRejection; fields: Map<string, string> };

/**
 * Stores the file of a plain `multipart/form-data` upload form (the form without JavaScript).
 * The body is read as a stream: the file part flows into R2 while it arrives, and the text
 * fields around it are returned. A body whose Content-Length exceeds the limit is rejected
 * before any byte is read. A file that grows past the limit is rejected while streaming.
 */
export async function storeMultipartUpload(request: Request): Promise<MultipartUploadResult> {
  const noFields = new Map<string, string>();
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary || !request.body)
    return { ok: false, rejection: { ok: false, reason: "missing_file" }, fields: noFields };

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_DOCUMENT_BYTES + MAX_MULTIPART_OVERHEAD_BYTES) {
    return { ok: false, rejection: { ok: false, reason: "too_large" }, fields: noFields };
  }

  const pass = new TransformStream<Uint8Array, Uint8Array>();
  // Set by `onFile` while the body is read; `as` keeps TypeScript from narrowing it to null.
  let storing = null as Promise<StoreResult> | null;
  let fields = noFields;
  let parseError: unknown = null;

  try {
    fields = await readMultipart(request.body, {
      boundary,
      maxFieldBytes: MAX_UPLOAD_FIELD_BYTES,
      onFile: (file) => {
        if (file.fieldName !== UPLOAD_FILE_FIELD || storing || file.fileName === "") return null;
        storing = storeUploadedFile({ fileName: file.fileName, body: pass.readable, length: null });
        return pass.writable;
      },
    });
  } catch (error) {
    parseError = error;
  }

  const stored = storing ? await storing : null;
  if (stored && !stored.ok) return { ok: false, rejection: stored.rejection, fields };
  if (parseError) {
    if (stored?.ok) await deleteStoredObject(stored.file.storageKey).catch(() => undefined);
    if (!(parseError instanceof MultipartError)) console.warn("[documents] multipart upload broke off", parseError);
    return { ok: false, rejection: { ok: false, reason: "interrupted" }, fields };
  }
  if (!stored) return { ok: false, rejection: { ok: false, reason: "missing_file" }, fields };
  return { ok: true, file: stored.file, fields };
}
