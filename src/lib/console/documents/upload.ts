import { documents } from "../../../../db/schema";
import { auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";
import { newId } from "../../db/client";
import { documentKind } from "../../documents/kind";
import { newStorageKey } from "../../files/r2";
import { type PeekedBody, peekBody } from "./body-stream";
import { cleanFileName } from "./file-name";
import { detectFileType, FILE_TYPES, type FileTypeId } from "./file-types";
import { HEAD_BYTES, type InspectedFile, UploadInspector, type UploadRejection } from "./inspect";
import { MAX_DOCUMENT_BYTES } from "./limits";
import { deleteStoredObject, putStream, putStreamOfUnknownLength } from "./r2-upload";

/** An upload's bytes as they arrive: the body and, when the request declared it, its length. */
export interface UploadSource {
  fileName: string;
  body: ReadableStream<Uint8Array>;
  /** Exact size in bytes, or null when only the end of the stream shows it (a multipart form). */
  length: number | null;
}

/** A file that passed the checks and is in R2, not yet recorded in D1. */
export interface StoredFile extends InspectedFile {
  storageKey: string;
  fileName: string;
}

export type StoreResult = { ok: true; file: StoredFile } | { ok: false; rejection: UploadRejection };

/**
 * Streams an upload into R2 under a new opaque key while checking it (`UploadInspector`): the
 * type from the first bytes, the size limit, SHA-256. A rejected or broken-off upload stores
 * nothing and returns why.
 */
export async function storeUploadedFile(source: UploadSource): Promise<StoreResult> {
  const name = cleanFileName(source.fileName);
  if (!name.ok) {
    await source.body.cancel().catch(() => undefined);
    return { ok: false, rejection: { ok: false, reason: name.reason } };
  }
  if (source.length !== null && source.length > MAX_DOCUMENT_BYTES) {
    await source.body.cancel().catch(() => undefined);
    return { ok: false, rejection: { ok: false, reason: "too_large" } };
  }

  // The type is decided before any byte is written to R2, so most rejections never start a write.
  let peeked: PeekedBody;
  try {
    peeked = await peekBody(source.body, HEAD_BYTES);
  } catch (error) {
    console.warn("[documents] upload broke off before its type was known", error);
    return { ok: false, rejection: { ok: false, reason: "interrupted" } };
  }
  const detection = detectFileType(peeked.head.subarray(0, HEAD_BYTES), name.fileName);
  if (!detection.ok) {
    await peeked.body.cancel().catch(() => undefined);
    return { ok: false, rejection: detection };
  }

  const storageKey = newStorageKey("documents");
  const inspector = new UploadInspector(name.fileName, MAX_DOCUMENT_BYTES);
  // A failed pipe shows up as the failed write to R2 below, so its own promise only needs a handler.
  const piping = peeked.body.pipeTo(inspector.stream.writable).catch(() => undefined);
  const checked = inspector.stream.readable;
  try {
    if (source.length === null) await putStreamOfUnknownLength(storageKey, checked);
    else await putStream(storageKey, checked, source.length);
  } catch (error) {
    await piping;
    await deleteStoredObject(storageKey).catch(() => undefined);
    if (inspector.rejection) return { ok: false, rejection: inspector.rejection };
    console.warn(`[documents] upload broke off key=${storageKey}`, error);
    return { ok: false, rejection: { ok: false, reason: "interrupted" } };
  }

  // The ZIP check at the end rejects without failing the write, so its object is deleted here.
  if (!inspector.result) {
    await deleteStoredObject(storageKey);
    return { ok: false, rejection: inspector.rejection ?? { ok: false, reason: "interrupted" } };
  }
  return { ok: true, file: { ...inspector.result, storageKey, fileName: name.fileName } };
}

export interface RecordContext {
  practiceId: string;
  clientId: string;
  staffId: string;
  ipAddress: string;
  now: Date;
  /** Share with the client at once. */
  share: boolean;
  /** Ask the client to confirm they read it. */
  requestAcknowledgement: boolean;
}

export function contentTypeOf(type: FileTypeId): string {
  return FILE_TYPES[type].contentType;
}

/**
 * Records a stored file as a document of the client, with its audit events, in one D1 batch.
 * When D1 fails, the R2 object is deleted again so no unreferenced bytes stay behind.
 */
export async function recordUploadedDocument(db: Database, context: RecordContext, file: StoredFile): Promise<string> {
  const id = newId();
  const contentType = contentTypeOf(file.type);
  const kind = documentKind(contentType);
  const audit = (action: "document.uploaded" | "document.shared" | "document.acknowledgement_requested") =>
    auditEventStatement(db, {
      practiceId: context.practiceId,
      actorType: "staff",
      actorId: context.staffId,
      action,
      targetType: "document",
      targetId: id,
      detail: action === "document.uploaded" ? { size_bytes: file.sizeBytes, content_type: contentType } : undefined,
      ipAddress: context.ipAddress,
      at: context.now,
    });

  const insert = db.insert(documents).values({
    id,
    practiceId: context.practiceId,
    clientId: context.clientId,
    storageKey: file.storageKey,
    fileName: file.fileName,
    contentType,
    kind,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    uploadedBy: context.staffId,
    uploadedAt: context.now,
    sharedBy: context.share ? context.staffId : null,
    sharedAt: context.share ? context.now : null,
    acknowledgementRequestedAt: context.requestAcknowledgement ? context.now : null,
  });

  try {
    const audits = [
      audit("document.uploaded"),
      ...(context.share ? [audit("document.shared")] : []),
      ...(context.requestAcknowledgement ? [audit("document.acknowledgement_requested")] : []),
    ];
    await db.batch([insert, ...audits]);
  } catch (error) {
    await deleteStoredObject(file.storageKey).catch(() => undefined);
    throw error;
  }

  console.info(
    `[documents] uploaded practice=${context.practiceId} client=${context.clientId} document=${id} bytes=${file.sizeBytes}`,
  );
  return id;
}
