import { encodeHexLowerCase } from "@oslojs/encoding";

import { concatBytes } from "./body-stream";
import { type Detection, detectFileType, type FileTypeId, ZIP_TYPES, type ZipTypeId } from "./file-types";
import { checkZipEntries, ZIP_TAIL_BYTES } from "./zip";

// The Workers runtime adds DigestStream to `crypto`; the DOM typings that the islands need do not know it.
const WorkersDigestStream = (crypto as Crypto & { DigestStream: typeof DigestStream }).DigestStream;

/** Bytes held back at the start of an upload until its type is decided; nothing is stored before. */
export const HEAD_BYTES = 8 * 1024;

export type UploadRejection = Extract<Detection, { ok: false }>;

/** Raised inside the upload stream when the bytes are rejected; it aborts the write to R2. */
export class UploadRejectedError extends Error {
  readonly rejection: UploadRejection;

  constructor(rejection: UploadRejection) {
    super(`upload rejected: ${rejection.reason}`);
    this.name = "UploadRejectedError";
    this.rejection = rejection;
  }
}

export interface InspectedFile {
  type: FileTypeId;
  sizeBytes: number;
  /** Hex SHA-256 of every byte that passed through. */
  sha256: string;
}

/** Keeps copies of the last `capacity` bytes of a stream. */
class TailBuffer {
  private pieces: Uint8Array[] = [];
  private length = 0;

  constructor(private readonly capacity: number) {}

  push(chunk: Uint8Array) {
    this.pieces.push(chunk.slice());
    this.length += chunk.byteLength;
    let first = this.pieces[0];
    while (first && this.length - first.byteLength >= this.capacity) {
      this.pieces.shift();
      this.length -= first.byteLength;
      first = this.pieces[0];
    }
  }

  bytes(): Uint8Array {
    const all = concatBytes(this.pieces);
    return all.subarray(Math.max(0, all.byteLength - this.capacity));
  }
}

function isZipType(type: FileTypeId): type is ZipTypeId {
  return (ZIP_TYPES as readonly string[]).includes(type);
}

/**
 * A pass-through stream for an upload's bytes that rejects what must not be stored. It keeps the
 * first `HEAD_BYTES` back until `detectFileType` accepts them, counts bytes against `maxBytes`,
 * hashes everything with SHA-256 as it flows, and for ZIP-based types checks the central
 * directory at the end. A rejection of the type or the size errors the stream, so the R2 write
 * it feeds fails. A damaged ZIP is only found at the end and lets the stream finish. Either way
 * `rejection` contains the reason, and `result` is set only for a file that passed every check.
 */
export class UploadInspector {
  readonly stream: TransformStream<Uint8Array, Uint8Array>;
  rejection: UploadRejection | null = null;
  result: InspectedFile | null = null;

  private readonly digest = new WorkersDigestStream("SHA-256");
  private readonly digestWriter = this.digest.getWriter();
  private headPieces: Uint8Array[] = [];
  private headLength = 0;
  private head: Uint8Array | null = null;
  private type: FileTypeId | null = null;
  private tail: TailBuffer | null = null;
  private total = 0;

  constructor(
    private readonly fileName: string,
    private readonly maxBytes: number,
  ) {
    this.stream = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => this.transform(chunk, controller),
      flush: (controller) => this.flush(controller),
    });
  }

  private reject(rejection: UploadRejection): never {
    this.rejection = rejection;
    throw new UploadRejectedError(rejection);
  }

  private async transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>) {
    this.total += chunk.byteLength;
    if (this.total > this.maxBytes) this.reject({ ok: false, reason: "too_large" });
    await this.digestWriter.write(chunk);

    if (this.type) {
      this.tail?.push(chunk);
      controller.enqueue(chunk);
      return;
    }

    this.headPieces.push(chunk.slice());
    this.headLength += chunk.byteLength;
    if (this.headLength >= HEAD_BYTES) this.decide(controller);
  }

  /** Decides the type from the held-back bytes and releases them downstream. */
  private decide(controller: TransformStreamDefaultController<Uint8Array>) {
    const heldBack = concatBytes(this.headPieces);
    this.headPieces = [];
    this.head = heldBack.subarray(0, HEAD_BYTES);

    const detection = detectFileType(this.head, this.fileName);
    if (!detection.ok) this.reject(detection);

    this.type = detection.type;
    if (isZipType(detection.type)) {
      this.tail = new TailBuffer(ZIP_TAIL_BYTES);
      this.tail.push(heldBack);
    }
    controller.enqueue(heldBack);
  }

  private async flush(controller: TransformStreamDefaultController<Uint8Array>) {
    if (!this.type) this.decide(controller);
    const type = this.type;
    if (!type || !this.head) this.reject({ ok: false, reason: "empty" });

    // NOTE: this rejection lets the stream finish and the caller deletes the object. Aborting a
    // put that reads a FixedLengthStream made workerd log an uncaught "client disconnected" error
    // (local R2 of wrangler 4.164).
    if (isZipType(type) && !checkZipEntries(type, this.head, this.tail?.bytes() ?? new Uint8Array(), this.total)) {
      this.rejection = { ok: false, reason: "damaged_office_file", detected: type };
      await this.digestWriter.close();
      return;
    }

    await this.digestWriter.close();
    const sha256 = encodeHexLowerCase(new Uint8Array(await this.digest.digest));
    this.result = { type, sizeBytes: this.total, sha256 };
  }
}
