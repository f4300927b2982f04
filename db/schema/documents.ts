import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

import { clients, staffMembers } from "./people";
import { practices } from "./practices";

export const DOCUMENT_KINDS = ["pdf", "image", "word", "excel", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A file for one client. The bytes live in R2 under `storageKey`, an opaque id that carries no
 * client data; this row holds the metadata and the share state.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    /** R2 object key. */
    storageKey: text("storage_key").notNull().unique(),
    /** File name as uploaded, shown and used for downloads. */
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    /** Size in bytes. */
    sizeBytes: integer("size_bytes").notNull(),
    /** Hex SHA-256 of the bytes. */
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by").references(() => staffMembers.id),
    uploadedAt: integer("uploaded_at", { mode: "timestamp_ms" }).notNull(),
    sharedBy: text("shared_by").references(() => staffMembers.id),
    /** When the document became visible to the client; null while not shared. */
    sharedAt: integer("shared_at", { mode: "timestamp_ms" }),
    /** When a staff member took the document back; it disappears from the portal at once. */
    unsharedAt: integer("unshared_at", { mode: "timestamp_ms" }),
    acknowledgementRequestedAt: integer("acknowledgement_requested_at", { mode: "timestamp_ms" }),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    /** First time the client opened the document in the portal. */
    firstViewedAt: integer("first_viewed_at", { mode: "timestamp_ms" }),
    /** First time the client downloaded the file. */
    firstDownloadedAt: integer("first_downloaded_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    // The client's list: shared and not unshared, newest share first, with the id as tie-breaker
    // for cursor paging. Partial, so rows read per page stay flat however many documents exist.
    index("documents_client_shared")
      .on(table.practiceId, table.clientId, table.sharedAt, table.id)
      .where(sql`${table.sharedAt} IS NOT NULL AND ${table.unsharedAt} IS NULL`),
    index("documents_client").on(table.practiceId, table.clientId),
  ],
);

export type DocumentRow = typeof documents.$inferSelect;
