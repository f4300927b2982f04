import { and, eq, isNotNull, isNull, or, type SQL } from "drizzle-orm";

import { documents } from "../../../../db/schema";
import { type AuditAction, auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";

/** The changes a staff member with `documents.expose` can make to a client's document. */
export const DOCUMENT_ACTIONS = ["share", "unshare", "request_acknowledgement"] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

export function isDocumentAction(value: unknown): value is DocumentAction {
  return typeof value === "string" && (DOCUMENT_ACTIONS as readonly string[]).includes(value);
}

export interface DocumentActionInput {
  practiceId: string;
  clientId: string;
  documentId: string;
  staffId: string;
  ipAddress: string;
  now: Date;
}

/** `changed` when the row moved to the new state, `unchanged` when it already was there. */
export type DocumentActionResult = "changed" | "unchanged" | "not_found";

const AUDIT_ACTION: Record<DocumentAction, AuditAction> = {
  share: "document.shared",
  unshare: "document.unshared",
  request_acknowledgement: "document.acknowledgement_requested",
};

function change(
  action: DocumentAction,
  input: DocumentActionInput,
): { set: Partial<typeof documents.$inferInsert>; when: SQL | undefined } {
  switch (action) {
    case "share":
      // Sharing again after an unshare starts a new share: the date shown is the new one.
      return {
        set: { sharedAt: input.now, sharedBy: input.staffId, unsharedAt: null },
        when: or(isNull(documents.sharedAt), isNotNull(documents.unsharedAt)),
      };
    case "unshare":
      return {
        set: { unsharedAt: input.now },
        when: and(isNotNull(documents.sharedAt), isNull(documents.unsharedAt)),
      };
    case "request_acknowledgement":
      return { set: { acknowledgementRequestedAt: input.now }, when: isNull(documents.acknowledgementRequestedAt) };
  }
}

/**
 * Shares, unshares or requests acknowledgement of one document of the client. The update only
 * applies from a state where the action makes sense, so a repeated click changes nothing and
 * writes no audit event. Unsharing takes effect at once: every client read checks `unshared_at`.
 */
export async function applyDocumentAction(
  db: Database,
  action: DocumentAction,
  input: DocumentActionInput,
): Promise<DocumentActionResult> {
  const ownDocument = and(
    eq(documents.id, input.documentId),
    eq(documents.practiceId, input.practiceId),
    eq(documents.clientId, input.clientId),
  );
  const { set, when } = change(action, input);

  const updated = await db.update(documents).set(set).where(and(ownDocument, when)).returning({ id: documents.id });

  if (updated.length === 0) {
    const exists = await db.select({ id: documents.id }).from(documents).where(ownDocument).get();
    return exists ? "unchanged" : "not_found";
  }

  await auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "staff",
    actorId: input.staffId,
    action: AUDIT_ACTION[action],
    targetType: "document",
    targetId: input.documentId,
    ipAddress: input.ipAddress,
    at: input.now,
  });
  return "changed";
}
