import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import { documents, staffMembers } from "../../../../db/schema";
import type { Database } from "../../db/client";

/** Documents listed per client in the console; a client with more is not expected. */
export const CLIENT_DOCUMENT_LIST_LIMIT = 500;

const uploader = alias(staffMembers, "uploader");
const sharer = alias(staffMembers, "sharer");

/** Columns with distinct names, because D1 returns joined rows as objects keyed by column name. */
const staffDocumentColumns = {
  id: documents.id,
  storageKey: documents.storageKey,
  fileName: documents.fileName,
  contentType: documents.contentType,
  kind: documents.kind,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  uploadedAt: documents.uploadedAt,
  uploaderName: uploader.name,
  sharedAt: documents.sharedAt,
  sharerName: sharer.name,
  unsharedAt: documents.unsharedAt,
  acknowledgementRequestedAt: documents.acknowledgementRequestedAt,
  acknowledgedAt: documents.acknowledgedAt,
  firstViewedAt: documents.firstViewedAt,
  firstDownloadedAt: documents.firstDownloadedAt,
};

/** A document as the practice console shows it, with the names of who uploaded and shared it. */
export interface StaffDocument {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  kind: "pdf" | "image" | "word" | "excel" | "other";
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploaderName: string | null;
  sharedAt: Date | null;
  sharerName: string | null;
  unsharedAt: Date | null;
  acknowledgementRequestedAt: Date | null;
  acknowledgedAt: Date | null;
  firstViewedAt: Date | null;
  firstDownloadedAt: Date | null;
}

function staffDocumentsQuery(db: Database, practiceId: string, clientId: string, documentId?: string) {
  return db
    .select(staffDocumentColumns)
    .from(documents)
    .leftJoin(uploader, eq(uploader.id, documents.uploadedBy))
    .leftJoin(sharer, eq(sharer.id, documents.sharedBy))
    .where(
      and(
        eq(documents.practiceId, practiceId),
        eq(documents.clientId, clientId),
        documentId === undefined ? undefined : eq(documents.id, documentId),
      ),
    );
}

/** Returns every document of the client, shared or not, newest upload first. */
export async function listClientDocumentsForStaff(
  db: Database,
  practiceId: string,
  clientId: string,
): Promise<StaffDocument[]> {
  return staffDocumentsQuery(db, practiceId, clientId)
    .orderBy(desc(documents.uploadedAt), desc(documents.id))
    .limit(CLIENT_DOCUMENT_LIST_LIMIT);
}

/** Finds one document of the client in the practice; another client's or practice's id gives null. */
export async function findClientDocumentForStaff(
  db: Database,
  scope: { practiceId: string; clientId: string; documentId: string },
): Promise<StaffDocument | null> {
  const row = await staffDocumentsQuery(db, scope.practiceId, scope.clientId, scope.documentId).get();
  return row ?? null;
}
