import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";

import { documents } from "../../../db/schema";
import { auditEventStatement } from "../audit/events";
import { runBatch } from "../db/batch";
import type { Database } from "../db/client";
import { visibleToClient } from "./repository";

interface ClientAction {
  practiceId: string;
  clientId: string;
  documentId: string;
  ipAddress: string;
  now: Date;
}

function auditDocument(db: Database, action: "document.viewed" | "document.downloaded", input: ClientAction) {
  return auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "client",
    actorId: input.clientId,
    action,
    targetType: "document",
    targetId: input.documentId,
    ipAddress: input.ipAddress,
    at: input.now,
  });
}

/** Records that the client opened the document: the first time on the row, every time in the audit log. */
export async function recordDocumentViewed(db: Database, input: ClientAction): Promise<void> {
  await runBatch(db, [
    db
      .update(documents)
      .set({ firstViewedAt: sql`coalesce(${documents.firstViewedAt}, ${input.now.getTime()})` })
      .where(and(eq(documents.id, input.documentId), visibleToClient(input.practiceId, input.clientId))),
    auditDocument(db, "document.viewed", input),
  ]);
}

/** Records a download of the file, like `recordDocumentViewed`. */
export async function recordDocumentDownloaded(db: Database, input: ClientAction): Promise<void> {
  await runBatch(db, [
    db
      .update(documents)
      .set({ firstDownloadedAt: sql`coalesce(${documents.firstDownloadedAt}, ${input.now.getTime()})` })
      .where(and(eq(documents.id, input.documentId), visibleToClient(input.practiceId, input.clientId))),
    auditDocument(db, "document.downloaded", input),
  ]);
}

export type AcknowledgeResult = "acknowledged" | "already_acknowledged" | "not_requested" | "not_found";

/**
 * Records the client's acknowledgement. Idempotent: a second call changes nothing and reports
 * `already_acknowledged`, and the client cannot undo it.
 */
export async function acknowledgeDocument(db: Database, input: ClientAction): Promise<AcknowledgeResult> {
  const updated = await db
    .update(documents)
    .set({ acknowledgedAt: input.now })
    .where(
      and(
        eq(documents.id, input.documentId),
        visibleToClient(input.practiceId, input.clientId),
        isNotNull(documents.acknowledgementRequestedAt),
        isNull(documents.acknowledgedAt),
      ),
    )
    .returning({ id: documents.id });

  if (updated.length > 0) {
    await auditEventStatement(db, {
      practiceId: input.practiceId,
      actorType: "client",
      actorId: input.clientId,
      action: "document.acknowledged",
      targetType: "document",
      targetId: input.documentId,
      ipAddress: input.ipAddress,
      at: input.now,
    });
    return "acknowledged";
  }

  const current = await db
    .select({ requested: documents.acknowledgementRequestedAt, acknowledged: documents.acknowledgedAt })
    .from(documents)
    .where(and(eq(documents.id, input.documentId), visibleToClient(input.practiceId, input.clientId)))
    .get();
  if (!current) return "not_found";
  return current.acknowledged ? "already_acknowledged" : "not_requested";
}
