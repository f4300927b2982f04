import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { practices } from "./practices";

export const AUDIT_ACTOR_TYPES = ["client", "staff", "system", "anonymous"] as const;

/**
 * Append-only audit trail in the spirit of NEN 7513: who did what to which record, when, in which
 * practice. Never holds a token, a code, an email body or an answer.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    actorType: text("actor_type", { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    /** Stable dotted action name, such as `auth.sign_in.succeeded`. */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** JSON object with non-secret details (a reason code, a channel). */
    detail: text("detail"),
    ipAddress: text("ip_address"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    index("audit_events_practice_time").on(table.practiceId, table.createdAt),
    index("audit_events_actor").on(table.practiceId, table.actorType, table.actorId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
