import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { practices } from "./practices";

export const SUBJECT_TYPES = ["client", "staff"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/**
 * One request for a sign-in email. Its link token and its code redeem the same request, so
 * redeeming either consumes it. Only SHA-256 hashes of the token, code and browser binding are kept.
 */
export const signInRequests = sqliteTable(
  "sign_in_requests",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: text("subject_id").notNull(),
    /** Hex SHA-256 of the link token. */
    tokenHash: text("token_hash").notNull().unique(),
    /** Hex SHA-256 of the request id and the 6-digit code, so equal codes hash differently. */
    codeHash: text("code_hash").notNull(),
    /** Failed and successful code attempts so far; at most 5 are accepted. */
    codeAttempts: integer("code_attempts").notNull().default(0),
    /** Page to return to after signing in: a same-origin path. */
    returnTo: text("return_to"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    consumedAt: integer("consumed_at", { mode: "timestamp_ms" }),
    /** Session created by the redemption; lets one batch consume the request and create the session. */
    consumedSessionId: text("consumed_session_id").unique(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("sign_in_requests_subject").on(table.practiceId, table.subjectType, table.subjectId),
    index("sign_in_requests_expires").on(table.expiresAt),
  ],
);

/** A signed-in browser. The id is the hex SHA-256 of the token in the cookie. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    subjectType: text("subject_type", { enum: SUBJECT_TYPES }).notNull(),
    subjectId: text("subject_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    /** Moment the idle timeout ends; moved forward by activity. */
    idleExpiresAt: integer("idle_expires_at", { mode: "timestamp_ms" }).notNull(),
    /** Absolute end of the session, fixed at sign-in. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    index("sessions_subject").on(table.practiceId, table.subjectType, table.subjectId),
    index("sessions_expires").on(table.expiresAt),
  ],
);

/**
 * Fixed-window request counters for sign-in throttling, shared by every isolate. The key holds a
 * hash of the email address or the IP address, never the address itself.
 */
export const throttleCounters = sqliteTable(
  "throttle_counters",
  {
    key: text("key").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
    count: integer("count").notNull(),
  },
  (table) => [index("throttle_counters_window").on(table.windowStartedAt)],
);

export type SignInRequest = typeof signInRequests.$inferSelect;
export type Session = typeof sessions.$inferSelect;
