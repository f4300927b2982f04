import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { LOCALES } from "../../src/lib/i18n/locales";
import { practices } from "./practices";

/** A client (cliënt) of a practice. Email addresses are stored lower-cased and trimmed. */
export const clients = sqliteTable(
  "clients",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    /** Name the client wants to be greeted by; falls back to the first name. */
    preferredName: text("preferred_name"),
    email: text("email").notNull(),
    /** The client's own language choice; null means the practice default. */
    locale: text("locale", { enum: LOCALES }),
    /** Whether the client may sign in to the portal. */
    portalAccess: integer("portal_access", { mode: "boolean" }).notNull().default(false),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("clients_practice_email").on(table.practiceId, table.email)],
);

/** A staff member (practitioner, secretary, admin) of a practice. */
export const staffMembers = sqliteTable(
  "staff_members",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    locale: text("locale", { enum: LOCALES }),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    uniqueIndex("staff_members_practice_email").on(table.practiceId, table.email),
    index("staff_members_active").on(table.practiceId).where(sql`${table.active} = 1`),
  ],
);

export type Client = typeof clients.$inferSelect;
export type StaffMember = typeof staffMembers.$inferSelect;
