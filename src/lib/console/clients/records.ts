import { and, eq, ne } from "drizzle-orm";

import { type Client, clientStaff, clients } from "../../../../db/schema";
import { type AuditAction, auditEventStatement } from "../../audit/events";
import { type Database, newId } from "../../db/client";
import type { StaffContext } from "../staff-context";
import type { ClientInput } from "./form";

/** The staff member acting in the console, with what each audit event records about the request. */
export interface StaffActor {
  staff: StaffContext;
  ipAddress: string;
  now: Date;
}

/** Builds the audit event of a staff action on one client. */
export function clientAuditStatement(
  db: Database,
  actor: StaffActor,
  action: AuditAction,
  clientId: string,
  detail?: Record<string, string | number | boolean>,
) {
  return auditEventStatement(db, {
    practiceId: actor.staff.member.practiceId,
    actorType: "staff",
    actorId: actor.staff.member.id,
    action,
    targetType: "client",
    targetId: clientId,
    detail,
    ipAddress: actor.ipAddress,
    at: actor.now,
  });
}

/** Returns whether another client of the practice already uses `email` (stored normalized). */
async function emailTaken(db: Database, practiceId: string, email: string, exceptClientId?: string) {
  const conditions = [eq(clients.practiceId, practiceId), eq(clients.email, email)];
  if (exceptClientId) conditions.push(ne(clients.id, exceptClientId));
  const row = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(...conditions))
    .get();
  return row !== undefined;
}

/** D1 reports a violated unique index in the error message; two requests can pass the check at once. */
function isUniqueViolation(error: unknown): boolean {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  return message.includes("UNIQUE constraint failed");
}

export type SaveClientResult = { ok: true; clientId: string } | { ok: false; reason: "email_taken" };

/**
 * Stores a new client without portal access, assigns them to the creating staff member and
 * records the audit event, in one batch. The assignment lets a practitioner without
 * `clients.read.all` open their own new client.
 */
export async function createClientRecord(
  db: Database,
  actor: StaffActor,
  input: ClientInput,
): Promise<SaveClientResult> {
  const practiceId = actor.staff.member.practiceId;
  if (await emailTaken(db, practiceId, input.email)) return { ok: false, reason: "email_taken" };

  const clientId = newId();
  try {
    await db.batch([
      db.insert(clients).values({ id: clientId, practiceId, ...input, portalAccess: false, createdAt: actor.now }),
      db.insert(clientStaff).values({ clientId, staffId: actor.staff.member.id, practiceId }),
      clientAuditStatement(db, actor, "client.created", clientId),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }

  console.info(`[console] client created practice=${practiceId} client=${clientId} staff=${actor.staff.member.id}`);
  return { ok: true, clientId };
}

/** Names of the fields an edit changed, for the audit detail; never their values. */
function changedFields(client: Client, input: ClientInput): string[] {
  const changes: [string, boolean][] = [
    ["first_name", client.firstName !== input.firstName],
    ["last_name", client.lastName !== input.lastName],
    ["preferred_name", client.preferredName !== input.preferredName],
    ["email", client.email !== input.email],
    ["language", client.locale !== input.locale],
  ];
  return changes.filter(([, changed]) => changed).map(([field]) => field);
}

/** Saves edited details of a visible client and records which fields changed. */
export async function updateClientRecord(
  db: Database,
  actor: StaffActor,
  client: Client,
  input: ClientInput,
): Promise<SaveClientResult> {
  const fields = changedFields(client, input);
  if (fields.length === 0) return { ok: true, clientId: client.id };
  if (fields.includes("email") && (await emailTaken(db, client.practiceId, input.email, client.id))) {
    return { ok: false, reason: "email_taken" };
  }

  try {
    await db.batch([
      db
        .update(clients)
        .set(input)
        .where(and(eq(clients.id, client.id), eq(clients.practiceId, client.practiceId))),
      clientAuditStatement(db, actor, "client.updated", client.id, { fields: fields.join(",") }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
  return { ok: true, clientId: client.id };
}
