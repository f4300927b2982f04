import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { LOCALES } from "../../src/lib/i18n/locales";

/** A tenant: one care practice with its own portal at `{slug}.{PORTAL_DOMAIN}`. */
export const practices = sqliteTable("practices", {
  id: text("id").primaryKey(),
  /** Subdomain label, lower-case letters, digits and hyphens. */
  slug: text("slug").notNull().unique(),
  /** Optional host name of the practice's own domain; links then point there. */
  customHost: text("custom_host").unique(),
  name: text("name").notNull(),
  /** Brand colour as `#rrggbb`. */
  brandColor: text("brand_color").notNull().default("#2f6f5e"),
  /** R2 key of the logo (PNG, JPEG or WebP) shown in the portal header and emails. */
  logoStorageKey: text("logo_storage_key"),
  contactEmail: text("contact_email"),
  contactPhone: text("contact_phone"),
  defaultLocale: text("default_locale", { enum: LOCALES }).notNull().default("nl"),
  /** IANA time zone that decides "today" for due dates and greetings. */
  timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
  /** Lifetime of a client's sign-in link and code, in minutes (10–120). */
  signInTtlMinutes: integer("sign_in_ttl_minutes").notNull().default(30),
  /** Client session idle timeout in minutes (5–120). */
  clientIdleTimeoutMinutes: integer("client_idle_timeout_minutes").notNull().default(30),
  /** Client session absolute lifetime in hours (1–24). */
  clientAbsoluteTimeoutHours: integer("client_absolute_timeout_hours").notNull().default(12),
  /** Staff session idle timeout in minutes (5–120). */
  staffIdleTimeoutMinutes: integer("staff_idle_timeout_minutes").notNull().default(60),
  /** Staff session absolute lifetime in hours (1–24). */
  staffAbsoluteTimeoutHours: integer("staff_absolute_timeout_hours").notNull().default(12),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export type Practice = typeof practices.$inferSelect;
