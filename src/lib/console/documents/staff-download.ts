import { auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";

/**
 * Audits a staff member's download of a client's document. It leaves the client's own first
 * view and download times alone, which record what the client did.
 */
export async function recordStaffDownload(
  db: Database,
  input: { practiceId: string; clientId: string; documentId: string; staffId: string; ipAddress: string; now: Date },
): Promise<void> {
  await auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "staff",
    actorId: input.staffId,
    action: "document.downloaded",
    targetType: "document",
    targetId: input.documentId,
    detail: { client_id: input.clientId },
    ipAddress: input.ipAddress,
    at: input.now,
  });
}
