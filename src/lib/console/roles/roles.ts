import { eq } from "drizzle-orm";

import { rolePermissions, roles, staffRoles } from "../../../../db/schema";
import type { Database } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import {
  isPermission,
  PERMISSIONS,
  type Permission,
  SYSTEM_ROLE_KEYS,
  SYSTEM_ROLES,
  type SystemRoleKey,
} from "../permissions";

/** A role of a practice with its permissions and how many staff members hold it. */
export interface RoleSummary {
  id: string;
  /** Stored name; system roles show their name from `SYSTEM_ROLES` in the reader's language instead. */
  name: string;
  systemKey: SystemRoleKey | null;
  permissions: Permission[];
  memberCount: number;
}

function isSystemRoleKey(value: string | null): value is SystemRoleKey {
  return value !== null && (SYSTEM_ROLE_KEYS as readonly string[]).includes(value);
}

/** Returns the name to show for a role: a system role's name in `locale`, else the stored name. */
export function roleDisplayName(role: Pick<RoleSummary, "name" | "systemKey">, locale: Locale): string {
  return role.systemKey ? SYSTEM_ROLES[role.systemKey].name[locale] : role.name;
}

function permissionOrder(permission: Permission): number {
  return PERMISSIONS.indexOf(permission);
}

/**
 * Loads every role of the practice in one batch: system roles first in their fixed order, then
 * custom roles by name. Permissions are listed in the order of `PERMISSIONS`.
 */
export async function listRoles(db: Database, practiceId: string): Promise<RoleSummary[]> {
  const [roleRows, grantRows, holderRows] = await db.batch([
    db
      .select({ id: roles.id, name: roles.name, systemKey: roles.systemKey })
      .from(roles)
      .where(eq(roles.practiceId, practiceId)),
    db
      .select({ roleId: rolePermissions.roleId, permission: rolePermissions.permission })
      .from(rolePermissions)
      .where(eq(rolePermissions.practiceId, practiceId)),
    db.select({ roleId: staffRoles.roleId }).from(staffRoles).where(eq(staffRoles.practiceId, practiceId)),
  ]);

  const summaries = roleRows.map((row): RoleSummary => {
    const permissions = grantRows
      .filter((grant) => grant.roleId === row.id)
      .map((grant) => grant.permission)
      .filter(isPermission)
      .sort((first, second) => permissionOrder(first) - permissionOrder(second));
    return {
      id: row.id,
      name: row.name,
      systemKey: isSystemRoleKey(row.systemKey) ? row.systemKey : null,
      permissions,
      memberCount: holderRows.filter((holder) => holder.roleId === row.id).length,
    };
  });

  const systemRank = (role: RoleSummary) =>
    role.systemKey ? SYSTEM_ROLE_KEYS.indexOf(role.systemKey) : SYSTEM_ROLE_KEYS.length;
  return summaries.sort(
    (first, second) => systemRank(first) - systemRank(second) || first.name.localeCompare(second.name, "nl"),
  );
}

/** Returns the union of the permissions of `roleIds`, the way a staff member's permissions add up. */
export function permissionsOfRoles(allRoles: RoleSummary[], roleIds: readonly string[]): Set<Permission> {
  const permissions = new Set<Permission>();
  for (const role of allRoles) {
    if (roleIds.includes(role.id)) for (const permission of role.permissions) permissions.add(permission);
  }
  return permissions;
}

/** Returns the id of the practice's Admin system role, if it has one. */
export function adminRoleId(allRoles: RoleSummary[]): string | null {
  return allRoles.find((role) => role.systemKey === "admin")?.id ?? null;
}
