import type { Practice, SubjectType } from "../../../db/schema";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../time/clock";

/** Bounds a practice may choose within, in minutes or hours as named. */
export const SIGN_IN_TTL_MINUTES_BOUNDS = { min: 10, max: 120 } as const;
export const IDLE_TIMEOUT_MINUTES_BOUNDS = { min: 5, max: 120 } as const;
export const ABSOLUTE_TIMEOUT_HOURS_BOUNDS = { min: 1, max: 24 } as const;

function clamp(value: number, bounds: { min: number; max: number }): number {
  return Math.min(bounds.max, Math.max(bounds.min, value));
}

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/** Returns the practice's session timeouts for clients or staff, clamped to the allowed bounds. */
export function sessionTimeouts(practice: Practice, subjectType: SubjectType): SessionTimeouts {
  const idleMinutes = subjectType === "client" ? practice.clientIdleTimeoutMinutes : practice.staffIdleTimeoutMinutes;
  const absoluteHours =
    subjectType === "client" ? practice.clientAbsoluteTimeoutHours : practice.staffAbsoluteTimeoutHours;

  return {
    idleMs: clamp(idleMinutes, IDLE_TIMEOUT_MINUTES_BOUNDS) * MS_PER_MINUTE,
    absoluteMs: clamp(absoluteHours, ABSOLUTE_TIMEOUT_HOURS_BOUNDS) * MS_PER_HOUR,
  };
}

/** Returns how long the practice's sign-in links and codes stay valid, in minutes. */
export function signInTtlMinutes(practice: Practice): number {
  return clamp(practice.signInTtlMinutes, SIGN_IN_TTL_MINUTES_BOUNDS);
}
