import { and, eq, isNull } from "drizzle-orm";

import { type Client, clients, signInRequests } from "../../../../db/schema";
import { invalidateSubjectSessionsStatement } from "../../auth/session";
import { runBatch } from "../../db/batch";
import type { Database } from "../../db/client";
import { clientAuditStatement, type StaffActor } from "./records";

/**
 * Builds the statements that end a client's portal use at once: every session is deleted, so the
 * next page load goes to the sign-in page, and every unused sign-in link and code is revoked.
 */
function endPortalUseStatements(db: Database, actor: StaffActor, client: Client) {
  return [
    invalidateSubjectSessionsStatement(db, client.practiceId, "client", client.id),
    db
      .update(signInRequests)
      .set({ revokedAt: actor.now })
      .where(
        and(
          eq(signInRequests.practiceId, client.practiceId),
          eq(signInRequests.subjectType, "client"),
          eq(signInRequests.subjectId, client.id),
          isNull(signInRequests.consumedAt),
          isNull(signInRequests.revokedAt),
        ),
      ),
  ];
}

function clientRow(client: Client) {
  return and(eq(clients.id, client.id), eq(clients.practiceId, client.practiceId));
}

export type GrantResult = "granted" | "archived";

/** Lets a current client sign in to the portal; an archived client must be restored first. */
export async function grantPortalAccess(db: Database, actor: StaffActor, client: Client): Promise<GrantResult> {
  if (client.archivedAt) return "archived";
  if (client.portalAccess) return "granted";

  await db.batch([
    db.update(clients).set({ portalAccess: true }).where(clientRow(client)),
    clientAuditStatement(db, actor, "portal_access.granted", client.id),
  ]);
  console.info(`[console] portal access granted practice=${client.practiceId} client=${client.id}`);
  return "granted";
}

/**
 * Takes away portal access, ends every session and revokes every outstanding sign-in request in
 * one D1 batch (one transaction) with its audit event. A redemption racing this batch either ran
 * before it (its session is deleted here) or after it (its conditional write requires portal
 * access and finds none).
 */
export async function revokePortalAccess(db: Database, actor: StaffActor, client: Client): Promise<void> {
  await runBatch(db, [
    db.update(clients).set({ portalAccess: false }).where(clientRow(client)),
    ...endPortalUseStatements(db, actor, client),
    clientAuditStatement(db, actor, "portal_access.revoked", client.id),
  ]);
  console.info(`[console] portal access revoked practice=${client.practiceId} client=${client.id}`);
}

/**
 * Archives a client: hidden from the list, unable to sign in (sign-in requires `archived_at` to be
 * null), sessions and unused links ended in the same batch. The data stays.
 */
export async function archiveClient(db: Database, actor: StaffActor, client: Client): Promise<void> {
  await runBatch(db, [
    db
      .update(clients)
      .set({ archivedAt: actor.now })
      .where(and(clientRow(client), isNull(clients.archivedAt))),
    ...endPortalUseStatements(db, actor, client),
    clientAuditStatement(db, actor, "client.archived", client.id),
  ]);
  console.info(`[console] client archived practice=${client.practiceId} client=${client.id}`);
}

/** Shows an archived client in the list again; portal access stays as it was before archiving. */
export async function restoreClient(db: Database, actor: StaffActor, client: Client): Promise<void> {
  if (!client.archivedAt) return;

  await db.batch([
    db.update(clients).set({ archivedAt: null }).where(clientRow(client)),
    clientAuditStatement(db, actor, "client.restored", client.id),
  ]);
  console.info(`[console] client restored practice=${client.practiceId} client=${client.id}`);
}
