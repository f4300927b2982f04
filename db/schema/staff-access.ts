import { integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { clients, staffMembers } from "./people";
import { practices } from "./practices";

/** A named set of permissions in a practice. System roles carry a `systemKey` and cannot be deleted. */
export const roles = sqliteTable(
  "roles",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    name: text("name").notNull(),
    /** `admin`, `practitioner` or `secretary` for the seeded system roles; null for custom roles. */
    systemKey: text("system_key"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    uniqueIndex("roles_practice_name").on(table.practiceId, table.name),
    uniqueIndex("roles_practice_system_key").on(table.practiceId, table.systemKey),
  ],
);

/** The permissions of a role; a staff member's permissions are the union over their roles. */
export const rolePermissions = sqliteTable(
  "role_permissions",
  {
    roleId: text("role_id")
      .notNull()
      .references(() => roles.id),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    permission: text("permission").notNull(),
  },
  (table) => [primaryKey({ columns: [table.roleId, table.permission] })],
);

export const staffRoles = sqliteTable(
  "staff_roles",
  {
    staffId: text("staff_id")
      .notNull()
      .references(() => staffMembers.id),
    roleId: text("role_id")
      .notNull()
      .references(() => roles.id),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.roleId] })],
);

/** Which staff members treat which clients; without `clients.read.all` staff see only these. */
export const clientStaff = sqliteTable(
  "client_staff",
  {
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    staffId: text("staff_id")
      .notNull()
      .references(() => staffMembers.id),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.staffId] })],
);
