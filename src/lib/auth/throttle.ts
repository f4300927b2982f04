import { sql } from "drizzle-orm";

import { runBatch } from "../db/batch";
import type { Database } from "../db/client";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../time/clock";
import { hashSecret } from "./tokens";

/** A fixed-window limit: at most `max` requests per `windowMs`. */
export interface ThrottleLimit {
  max: number;
  windowMs: number;
}

export const SIGN_IN_LIMIT_PER_ADDRESS: ThrottleLimit = { max: 5, windowMs: MS_PER_HOUR };
export const SIGN_IN_LIMIT_PER_IP: ThrottleLimit = { max: 30, windowMs: 10 * MS_PER_MINUTE };

/** Counters older than the longest window are useless and are deleted as new requests come in. */
const COUNTER_RETENTION_MS = MS_PER_HOUR;

/**
 * Returns the statement that counts one request against `key` and returns the count in the current
 * window. The upsert is one atomic D1 write, so concurrent isolates never lose a count.
 */
function countStatement(practiceId: string, key: string, limit: ThrottleLimit, now: Date) {
  const nowMs = now.getTime();
  const windowStartCutoffMs = nowMs - limit.windowMs;

  return sql`
    INSERT INTO throttle_counters (key, practice_id, window_started_at, count)
    VALUES (${key}, ${practiceId}, ${nowMs}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN window_started_at <= ${windowStartCutoffMs} THEN 1 ELSE count + 1 END,
      window_started_at = CASE WHEN window_started_at <= ${windowStartCutoffMs} THEN ${nowMs} ELSE window_started_at END
    RETURNING count
  `;
}

export interface SignInThrottleResult {
  allowed: boolean;
  addressCount: number;
  ipCount: number;
}

/**
 * Counts a sign-in request for an email address and an IP address, and decides whether it may
 * send an email. Keys hold hashes of the addresses, never the addresses themselves.
 */
export async function countSignInRequest(
  db: Database,
  input: { practiceId: string; email: string; ipAddress: string; now: Date },
): Promise<SignInThrottleResult> {
  const addressKey = `sign-in:address:${hashSecret(`${input.practiceId}:${input.email}`)}`;
  const ipKey = `sign-in:ip:${hashSecret(`${input.practiceId}:${input.ipAddress}`)}`;

  const [addressResult, ipResult] = await runBatch<{ count: number }>(db, [
    countStatement(input.practiceId, addressKey, SIGN_IN_LIMIT_PER_ADDRESS, input.now),
    countStatement(input.practiceId, ipKey, SIGN_IN_LIMIT_PER_IP, input.now),
    sql`DELETE FROM throttle_counters WHERE window_started_at < ${input.now.getTime() - COUNTER_RETENTION_MS}`,
  ]);

  const addressCount = addressResult?.results[0]?.count ?? Number.POSITIVE_INFINITY;
  const ipCount = ipResult?.results[0]?.count ?? Number.POSITIVE_INFINITY;
  return {
    allowed: addressCount <= SIGN_IN_LIMIT_PER_ADDRESS.max && ipCount <= SIGN_IN_LIMIT_PER_IP.max,
    addressCount,
    ipCount,
  };
}
