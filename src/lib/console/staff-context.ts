import { and, eq, inArray } from "drizzle-orm";

import { rolePermissions, roles, type StaffMember, staffMembers, staffRoles } from "../../../db/schema";
import type { Database } from "../db/client";
import { isPermission, type Permission } from "./permissions";

/** A signed-in staff member with the union of their roles' permissions. */
export interface StaffContext {
  member: StaffMember;
  permissions: Set<Permission>;
  roleIds: string[];
}

/** Loads an active staff member of the practice with their roles and permissions in one batch. */
export async function loadStaffContext(
  db: Database,
  practiceId: string,
  staffId: string,
): Promise<StaffContext | null> {
  const [members, grants] = await db.batch([
    db
      .select()
      .from(staffMembers)
      .where(and(eq(staffMembers.id, staffId), eq(staffMembers.practiceId, practiceId), eq(staffMembers.active, true))),
    db
      .select({ roleId: staffRoles.roleId, permission: rolePermissions.permission })
      .from(staffRoles)
      .leftJoin(rolePermissions, eq(rolePermissions.roleId, staffRoles.roleId))
      .where(and(eq(staffRoles.staffId, staffId), eq(staffRoles.practiceId, practiceId))),
  ]);

  return staffContextFrom(members[0] ?? null, grants);
}

/** Builds the context from a staff row and its role grants, however they were loaded. */
export function staffContextFrom(
  member: StaffMember | null,
  grants: { roleId: string; permission: string | null }[],
): StaffContext | null {
  if (!member?.active) return null;

  const permissions = new Set<Permission>();
  for (const grant of grants) if (isPermission(grant.permission)) permissions.add(grant.permission);
  return { member, permissions, roleIds: [...new Set(grants.map((grant) => grant.roleId))] };
}

/** Returns the ids of the system roles of a practice, by key. */
export async function systemRoleIds(db: Database, practiceId: string, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.practiceId, practiceId), inArray(roles.systemKey, keys)));
  return rows.map((row) => row.id);
}
