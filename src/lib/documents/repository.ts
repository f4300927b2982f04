import { and, desc, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";

import { type DocumentRow, documents } from "../../../db/schema";
import type { Database } from "../db/client";
import { type DocumentCursor, encodeCursor } from "./cursor";

/** Documents per page of the client's list. */
export const DOCUMENT_PAGE_SIZE = 20;

/** The fields the client's lists and pages show. */
export type ClientDocument = Pick<
  DocumentRow,
  | "id"
  | "fileName"
  | "contentType"
  | "kind"
  | "sizeBytes"
  | "sharedAt"
  | "acknowledgementRequestedAt"
  | "acknowledgedAt"
  | "storageKey"
>;

export const clientDocumentColumns = {
  id: documents.id,
  fileName: documents.fileName,
  contentType: documents.contentType,
  kind: documents.kind,
  sizeBytes: documents.sizeBytes,
  sharedAt: documents.sharedAt,
  acknowledgementRequestedAt: documents.acknowledgementRequestedAt,
  acknowledgedAt: documents.acknowledgedAt,
  storageKey: documents.storageKey,
};

/**
 * Condition for documents the client may see right now: theirs, in this practice, shared and not
 * unshared. It matches the partial index `documents_client_shared`, so lists read only the rows
 * they return. Every read of a client's document goes through it.
 */
export function visibleToClient(practiceId: string, clientId: string) {
  return and(
    eq(documents.practiceId, practiceId),
    eq(documents.clientId, clientId),
    isNotNull(documents.sharedAt),
    isNull(documents.unsharedAt),
  );
}

/** Builds the query for the newest shared documents after `cursor`, for lists and the Overview. */
export function sharedDocumentsQuery(
  db: Database,
  input: { practiceId: string; clientId: string; cursor: DocumentCursor | null; limit: number },
) {
  const after = input.cursor
    ? or(
        lt(documents.sharedAt, new Date(input.cursor.sharedAtMs)),
        and(eq(documents.sharedAt, new Date(input.cursor.sharedAtMs)), lt(documents.id, input.cursor.id)),
      )
    : undefined;

  return db
    .select(clientDocumentColumns)
    .from(documents)
    .where(and(visibleToClient(input.practiceId, input.clientId), after))
    .orderBy(desc(documents.sharedAt), desc(documents.id))
    .limit(input.limit);
}

export interface DocumentPage {
  documents: ClientDocument[];
  nextCursor: string | null;
}

/** Returns one page of the client's shared documents, newest share first, with a cursor for the next. */
export async function listSharedDocuments(
  db: Database,
  input: { practiceId: string; clientId: string; cursor: DocumentCursor | null },
): Promise<DocumentPage> {
  const rows = await sharedDocumentsQuery(db, { ...input, limit: DOCUMENT_PAGE_SIZE + 1 });
  const page = rows.slice(0, DOCUMENT_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor =
    rows.length > DOCUMENT_PAGE_SIZE && last?.sharedAt
      ? encodeCursor({ sharedAtMs: last.sharedAt.getTime(), id: last.id })
      : null;
  return { documents: page, nextCursor };
}

/** Returns the count of documents the client can see, for the Overview's shortcut card. */
export function sharedDocumentCountQuery(db: Database, practiceId: string, clientId: string) {
  return db.select({ count: sql<number>`count(*)` }).from(documents).where(visibleToClient(practiceId, clientId));
}

/**
 * Finds one document the client may see. Another client's, another practice's, an unshared and
 * a missing id all give null, so callers answer them with the same 404.
 */
export async function findClientDocument(
  db: Database,
  input: { practiceId: string; clientId: string; documentId: string },
): Promise<ClientDocument | null> {
  const row = await db
    .select(clientDocumentColumns)
    .from(documents)
    .where(and(eq(documents.id, input.documentId), visibleToClient(input.practiceId, input.clientId)))
    .get();
  return row ?? null;
}
