import type { Session } from "../../../db/schema";

/** Remaining session time for the idle-warning dialog: seconds until the idle and the absolute end. */
export interface SessionStatus {
  idleExpiresInSeconds: number;
  expiresInSeconds: number;
}

/** Returns the remaining time of a session relative to `now`, in whole seconds. */
export function sessionStatus(session: Session, now: Date): SessionStatus {
  const secondsUntil = (instant: Date) => Math.max(0, Math.floor((instant.getTime() - now.getTime()) / 1000));
  return {
    idleExpiresInSeconds: secondsUntil(session.idleExpiresAt),
    expiresInSeconds: secondsUntil(session.expiresAt),
  };
}

/** The idle-warning dialog opens this long before the session would end, in seconds. */
export const IDLE_WARNING_SECONDS = 120;
