import { and, eq, sql } from "drizzle-orm";

import { type Practice, type SubjectType, signInRequests } from "../../../db/schema";
import { auditEventStatement } from "../audit/events";
import { runBatch } from "../db/batch";
import { type Database, newId } from "../db/client";
import { deleteKey, readJson } from "../kv/store";
import { newSessionToken, sessionExpiry } from "./session";
import { type SignInTokenRecord, signInTokenKey } from "./sign-in-request";
import { findSubjectById } from "./subjects";
import { hashCode, hashesEqual, hashSecret } from "./tokens";

/** Code attempts accepted per sign-in request, right or wrong. */
export const MAX_CODE_ATTEMPTS = 5;

export type LinkState =
  | { status: "valid"; requestId: string; email: string }
  | { status: "expired"; email: string }
  | { status: "used"; email: string }
  | { status: "unknown" };

/**
 * Reads what a link token points at without changing anything, for the confirm page a GET shows.
 * Mail scanners open links too, so this never consumes the token or creates a session.
 */
export async function inspectSignInLink(
  db: Database,
  kv: KVNamespace,
  input: { practice: Practice; subjectType: SubjectType; token: string; now: Date },
): Promise<LinkState> {
  const tokenHash = hashSecret(input.token);

  // KV finds the request by primary key while the token is young; D1 stays the authority, and a
  // KV miss (expired record, or not yet replicated to this location) falls back to the hash index.
  const record = await readJson<SignInTokenRecord>(signInTokenKey(tokenHash), kv);
  const condition = record ? eq(signInRequests.id, record.requestId) : eq(signInRequests.tokenHash, tokenHash);
  const request = await db.select().from(signInRequests).where(condition).get();
  if (!request || request.tokenHash !== tokenHash) return { status: "unknown" };
  if (request.practiceId !== input.practice.id || request.subjectType !== input.subjectType)
    return { status: "unknown" };

  const subject = await findSubjectById(db, request.practiceId, request.subjectType, request.subjectId);
  if (!subject) return { status: "unknown" };

  if (request.consumedAt || request.revokedAt) return { status: "used", email: subject.email };
  if (input.now.getTime() >= request.expiresAt.getTime()) return { status: "expired", email: subject.email };
  return { status: "valid", requestId: request.id, email: subject.email };
}

export type RedemptionFailure = "invalid_link" | "expired" | "used" | "wrong_code" | "attempts_exhausted";

export type Redemption =
  | { ok: true; sessionToken: string; sessionExpiresAt: Date; subjectId: string; returnTo: string | null }
  | { ok: false; reason: RedemptionFailure };

interface RedeemContext {
  practice: Practice;
  subjectType: SubjectType;
  ipAddress: string;
  now: Date;
}

/** SQL condition that the request's subject may still sign in (portal access, not archived, active). */
function subjectMaySignIn(subjectType: SubjectType, practiceId: string) {
  return subjectType === "client"
    ? sql`subject_id IN (SELECT id FROM clients WHERE practice_id = ${practiceId} AND portal_access = 1 AND archived_at IS NULL)`
    : sql`subject_id IN (SELECT id FROM staff_members WHERE practice_id = ${practiceId} AND active = 1)`;
}

/**
 * Consumes one sign-in request and creates its session in a single D1 batch (one transaction).
 * The first statement is the atomic conditional write that decides single use: of two racing
 * redemptions only one finds `consumed_at IS NULL`, and only that one's session id is recorded,
 * which the following statements select on. A successful redemption revokes the subject's other
 * outstanding requests in the same batch.
 */
async function consumeRequest(
  db: Database,
  match: { column: "token_hash" | "id"; value: string },
  context: RedeemContext,
): Promise<Redemption> {
  const { practice, subjectType, now } = context;
  const nowMs = now.getTime();
  const session = newSessionToken();
  const { idleExpiresAt, expiresAt } = sessionExpiry(practice, subjectType, now);
  const matchColumn = sql.identifier(match.column);

  const [consumed] = await runBatch<{ id: string; subject_id: string; return_to: string | null }>(db, [
    sql`
      UPDATE sign_in_requests
      SET consumed_at = ${nowMs}, consumed_session_id = ${session.id}
      WHERE ${matchColumn} = ${match.value}
        AND practice_id = ${practice.id}
        AND subject_type = ${subjectType}
        AND consumed_at IS NULL
        AND revoked_at IS NULL
        AND expires_at > ${nowMs}
        AND ${subjectMaySignIn(subjectType, practice.id)}
      RETURNING id, subject_id, return_to
    `,
    sql`
      INSERT INTO sessions (id, practice_id, subject_type, subject_id, created_at, idle_expires_at, expires_at)
      SELECT ${session.id}, practice_id, subject_type, subject_id, ${nowMs}, ${idleExpiresAt.getTime()}, ${expiresAt.getTime()}
      FROM sign_in_requests WHERE consumed_session_id = ${session.id}
    `,
    sql`
      UPDATE sign_in_requests SET revoked_at = ${nowMs}
      WHERE practice_id = ${practice.id}
        AND subject_type = ${subjectType}
        AND subject_id = (SELECT subject_id FROM sign_in_requests WHERE consumed_session_id = ${session.id})
        AND consumed_at IS NULL
        AND revoked_at IS NULL
    `,
    sql`
      INSERT INTO audit_events (id, practice_id, actor_type, actor_id, action, target_type, target_id, detail, ip_address, created_at)
      SELECT ${newId()}, practice_id, subject_type, subject_id, 'auth.sign_in.succeeded', 'sign_in_request', id,
        ${JSON.stringify({ channel: match.column === "token_hash" ? "link" : "code" })}, ${context.ipAddress}, ${nowMs}
      FROM sign_in_requests WHERE consumed_session_id = ${session.id}
    `,
  ]);

  const row = consumed?.results[0];
  if (!row) return { ok: false, reason: "used" };

  console.info(`[auth] signed in practice=${practice.id} ${subjectType}=${row.subject_id}`);
  return {
    ok: true,
    sessionToken: session.token,
    sessionExpiresAt: expiresAt,
    subjectId: row.subject_id,
    returnTo: row.return_to,
  };
}

async function recordFailure(
  db: Database,
  context: RedeemContext,
  reason: RedemptionFailure,
  channel: "link" | "code",
  subjectId: string | null,
) {
  await auditEventStatement(db, {
    practiceId: context.practice.id,
    actorType: subjectId ? context.subjectType : "anonymous",
    actorId: subjectId,
    action: "auth.sign_in.failed",
    detail: { reason, channel },
    ipAddress: context.ipAddress,
    at: context.now,
  });
}

/** Redeems a link token (the confirm page's POST); exactly one of any number of racing calls wins. */
export async function redeemSignInLink(
  db: Database,
  kv: KVNamespace,
  context: RedeemContext & { token: string },
): Promise<Redemption> {
  const tokenHash = hashSecret(context.token);
  const result = await consumeRequest(db, { column: "token_hash", value: tokenHash }, context);
  if (result.ok) {
    await deleteKey(signInTokenKey(tokenHash), kv);
    return result;
  }

  const request = await db
    .select()
    .from(signInRequests)
    .where(and(eq(signInRequests.tokenHash, tokenHash), eq(signInRequests.practiceId, context.practice.id)))
    .get();
  const reason: RedemptionFailure = !request
    ? "invalid_link"
    : request.consumedAt || request.revokedAt
      ? "used"
      : context.now.getTime() >= request.expiresAt.getTime()
        ? "expired"
        : "invalid_link";
  await recordFailure(db, context, reason, "link", request?.subjectId ?? null);
  return { ok: false, reason };
}

/**
 * Redeems the 6-digit code typed in the browser that asked for it. Every attempt is counted by
 * an atomic increment before the code is compared, so at most 5 attempts are ever checked.
 */
export async function redeemSignInCode(
  db: Database,
  context: RedeemContext & { requestCookie: string; code: string },
): Promise<Redemption> {
  const requestId = hashSecret(context.requestCookie);
  const nowMs = context.now.getTime();

  const attempts = await db.all<{ code_hash: string; subject_id: string }>(sql`
    UPDATE sign_in_requests SET code_attempts = code_attempts + 1
    WHERE id = ${requestId}
      AND practice_id = ${context.practice.id}
      AND subject_type = ${context.subjectType}
      AND consumed_at IS NULL
      AND revoked_at IS NULL
      AND expires_at > ${nowMs}
      AND code_attempts < ${MAX_CODE_ATTEMPTS}
    RETURNING code_hash, subject_id
  `);
  const attempt = attempts[0];
  if (!attempt) {
    await recordFailure(db, context, "attempts_exhausted", "code", null);
    return { ok: false, reason: "attempts_exhausted" };
  }

  if (!hashesEqual(hashCode(requestId, context.code), attempt.code_hash)) {
    await recordFailure(db, context, "wrong_code", "code", attempt.subject_id);
    return { ok: false, reason: "wrong_code" };
  }

  const result = await consumeRequest(db, { column: "id", value: requestId }, context);
  if (!result.ok) await recordFailure(db, context, result.reason, "code", attempt.subject_id);
  return result;
}
