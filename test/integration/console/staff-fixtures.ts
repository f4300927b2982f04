import { env } from "cloudflare:workers";

import { type Permission, SYSTEM_ROLES, type SystemRoleKey } from "../../../src/lib/console/permissions";
import { rows } from "../support/database";
import { createPractice, createStaffMember } from "../support/fixtures";

/** Returns a short random suffix for fixture ids. */
function uniqueSuffix(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 12);
}

/** Stores a role with its permissions and returns its id; `systemKey` makes it a system role. */
export async function createRole(
  practiceId: string,
  options: { name?: string; permissions: readonly Permission[]; systemKey?: SystemRoleKey },
): Promise<string> {
  const roleId = `role_${uniqueSuffix()}`;
  await env.DB.batch([
    env.DB.prepare("INSERT INTO roles (id, practice_id, name, system_key, created_at) VALUES (?, ?, ?, ?, ?)").bind(
      roleId,
      practiceId,
      options.name ?? `Rol ${roleId}`,
      options.systemKey ?? null,
      Date.now(),
    ),
    ...options.permissions.map((permission) =>
      env.DB.prepare("INSERT INTO role_permissions (role_id, practice_id, permission) VALUES (?, ?, ?)").bind(
        roleId,
        practiceId,
        permission,
      ),
    ),
  ]);
  return roleId;
}

/** Gives a practice the three system roles with the statements `npm run practice:create` runs. */
export async function createSystemRoles(practiceId: string): Promise<Record<SystemRoleKey, string>> {
  const ids = {} as Record<SystemRoleKey, string>;
  for (const key of Object.keys(SYSTEM_ROLES) as SystemRoleKey[]) {
    const role = SYSTEM_ROLES[key];
    ids[key] = await createRole(practiceId, { name: role.name.nl, permissions: role.permissions, systemKey: key });
  }
  return ids;
}

export async function grantRoles(practiceId: string, staffId: string, roleIds: readonly string[]): Promise<void> {
  if (roleIds.length === 0) return;
  await env.DB.batch(
    roleIds.map((roleId) =>
      env.DB.prepare("INSERT INTO staff_roles (staff_id, role_id, practice_id) VALUES (?, ?, ?)").bind(
        staffId,
        roleId,
        practiceId,
      ),
    ),
  );
}

/** Stores a staff member holding `roleIds`. */
export async function createStaffWithRoles(
  practiceId: string,
  roleIds: readonly string[],
  overrides: Parameters<typeof createStaffMember>[1] = {},
) {
  const staff = await createStaffMember(practiceId, overrides);
  await grantRoles(practiceId, staff.id, roleIds);
  return staff;
}

/** Creates a practice as `npm run practice:create` does: the system roles and one admin. */
export async function createPracticeWithAdmin(overrides: Parameters<typeof createPractice>[0] = {}) {
  const practice = await createPractice(overrides);
  const roles = await createSystemRoles(practice.id);
  const admin = await createStaffWithRoles(practice.id, [roles.admin], { name: "Eva Mulder" });
  return { practice, roles, admin };
}

/** Returns the role ids a staff member holds, sorted. */
export async function staffRoleIds(staffId: string): Promise<string[]> {
  const grants = await rows<{ role_id: string }>(
    "SELECT role_id FROM staff_roles WHERE staff_id = ? ORDER BY role_id",
    staffId,
  );
  return grants.map((grant) => grant.role_id);
}

/** Returns the audit events of one action in a practice, oldest first. */
export async function auditEvents(practiceId: string, action: string) {
  return rows<{ actor_id: string | null; target_id: string | null; detail: string | null }>(
    "SELECT actor_id, target_id, detail FROM audit_events WHERE practice_id = ? AND action = ? ORDER BY created_at, rowid",
    practiceId,
    action,
  );
}
