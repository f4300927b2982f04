import { and, eq } from "drizzle-orm";

import { type Practice, type Session, type SubjectType, sessions } from "../../../db/schema";
import type { Database } from "../db/client";
import { MS_PER_MINUTE } from "../time/clock";
import { sessionTimeouts } from "./timeouts";
import { generateToken, hashSecret } from "./tokens";

export type { Session };

/**
 * Activity within this long of the last recorded activity does not write to D1 again, so a
 * burst of page loads costs one write rather than one each.
 */
const IDLE_REFRESH_INTERVAL_MS = MS_PER_MINUTE;

/** Returns the session id stored for a cookie token: the hex SHA-256 of the token. */
export function sessionIdFromToken(token: string): string {
  return hashSecret(token);
}

/** Returns a fresh random session token and its id, for a new session at every sign-in. */
export function newSessionToken(): { token: string; id: string } {
  const token = generateToken();
  return { token, id: sessionIdFromToken(token) };
}

/** Returns the idle and absolute end of a session that starts at `now`. */
export function sessionExpiry(practice: Practice, subjectType: SubjectType, now: Date) {
  const timeouts = sessionTimeouts(practice, subjectType);
  return {
    idleExpiresAt: new Date(now.getTime() + timeouts.idleMs),
    expiresAt: new Date(now.getTime() + timeouts.absoluteMs),
  };
}

export interface ValidateOptions {
  /** Whether this request counts as activity that postpones the idle timeout. */
  touch: boolean;
}

/**
 * Returns the live session behind `token` for this practice and subject type, or null. An
 * expired session (idle or absolute) is deleted. A session of another practice is worthless here.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  practice: Practice,
  subjectType: SubjectType,
  now: Date,
  options: ValidateOptions,
): Promise<Session | null> {
  const session = await db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sessionIdFromToken(token)))
    .get();
  return checkSession(db, session ?? null, practice, subjectType, now, options);
}

/**
 * Decides whether a loaded session row is live for this practice and subject type, with the same
 * rules as `validateSessionToken`: for callers that read the row together with other data.
 */
export async function checkSession(
  db: Database,
  session: Session | null,
  practice: Practice,
  subjectType: SubjectType,
  now: Date,
  options: ValidateOptions,
): Promise<Session | null> {
  if (!session) return null;
  if (session.practiceId !== practice.id || session.subjectType !== subjectType) return null;

  const nowMs = now.getTime();
  if (nowMs >= session.expiresAt.getTime() || nowMs >= session.idleExpiresAt.getTime()) {
    await invalidateSession(db, session.id);
    return null;
  }

  if (!options.touch) return session;

  const { idleMs } = sessionTimeouts(practice, subjectType);
  const refreshedIdleExpiresAt = new Date(Math.min(nowMs + idleMs, session.expiresAt.getTime()));
  if (refreshedIdleExpiresAt.getTime() - session.idleExpiresAt.getTime() < IDLE_REFRESH_INTERVAL_MS) return session;

  await db.update(sessions).set({ idleExpiresAt: refreshedIdleExpiresAt }).where(eq(sessions.id, session.id));
  return { ...session, idleExpiresAt: refreshedIdleExpiresAt };
}

/** Postpones the idle timeout of a live session to `now` plus the idle timeout ("stay signed in"). */
export async function extendSession(db: Database, session: Session, practice: Practice, now: Date): Promise<Session> {
  const { idleMs } = sessionTimeouts(practice, session.subjectType);
  const idleExpiresAt = new Date(Math.min(now.getTime() + idleMs, session.expiresAt.getTime()));

  await db.update(sessions).set({ idleExpiresAt }).where(eq(sessions.id, session.id));
  return { ...session, idleExpiresAt };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of one client or staff member ("sign out on all devices", access revoked). */
export function invalidateSubjectSessionsStatement(
  db: Database,
  practiceId: string,
  subjectType: SubjectType,
  subjectId: string,
) {
  return db
    .delete(sessions)
    .where(
      and(
        eq(sessions.practiceId, practiceId),
        eq(sessions.subjectType, subjectType),
        eq(sessions.subjectId, subjectId),
      ),
    );
}
