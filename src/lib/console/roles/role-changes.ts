import { and, eq, isNull } from "drizzle-orm";

import { rolePermissions, roles, staffRoles } from "../../../../db/schema";
import { type BatchStatement, runBatch } from "../../db/batch";
import { type Database, newId } from "../../db/client";
import type { Permission } from "../permissions";
import { type StaffActor, staffAuditStatement } from "../staff/actor";
import { findStaffMember } from "../staff/staff-members";
import { isUniqueViolation } from "../staff/unique-violation";
import { permissionsOfRoles, type RoleSummary } from "./roles";

export type RoleChangeError = "system_role" | "self_manage" | "name_taken";

export type RoleChangeResult = { ok: true; roleId: string; changed: boolean } | { ok: false; error: RoleChangeError };

/**
 * Returns whether the actor would keep `staff.manage` if `roleId` granted `permissions` (or, with
 * null, were deleted). Staff managers cannot lock themselves out of staff management by editing
 * a role they hold.
 */
async function actorKeepsStaffManage(
  db: Database,
  actor: StaffActor,
  allRoles: RoleSummary[],
  roleId: string,
  permissions: Permission[] | null,
): Promise<boolean> {
  const self = await findStaffMember(db, actor.staff.member.practiceId, actor.staff.member.id);
  const heldRoleIds = self?.roleIds ?? [];
  if (!heldRoleIds.includes(roleId)) return true;

  const rolesAfter = allRoles.flatMap((role) => {
    if (role.id !== roleId) return [role];
    return permissions === null ? [] : [{ ...role, permissions }];
  });
  return permissionsOfRoles(rolesAfter, heldRoleIds).has("staff.manage");
}

/** Stores a custom role with its permissions and records `role.created` in the same batch. */
export async function createCustomRole(
  db: Database,
  actor: StaffActor,
  input: { name: string; permissions: Permission[] },
): Promise<RoleChangeResult> {
  const practiceId = actor.staff.member.practiceId;
  const roleId = `role_${newId()}`;
  const statements: BatchStatement[] = [
    db.insert(roles).values({ id: roleId, practiceId, name: input.name, systemKey: null, createdAt: actor.now }),
    ...input.permissions.map((permission) => db.insert(rolePermissions).values({ roleId, practiceId, permission })),
    staffAuditStatement(
      db,
      actor,
      "role.created",
      { type: "role", id: roleId },
      { permissions: input.permissions.join(",") },
    ),
  ];

  try {
    await runBatch(db, statements);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "name_taken" };
    throw error;
  }
  console.info(`[console] role created practice=${practiceId} role=${roleId} staff=${actor.staff.member.id}`);
  return { ok: true, roleId, changed: true };
}

/**
 * Renames a custom role and replaces its permissions, recording `role.updated` with the name
 * change and the permissions added and removed. System roles are never changed.
 */
export async function updateCustomRole(
  db: Database,
  actor: StaffActor,
  allRoles: RoleSummary[],
  role: RoleSummary,
  input: { name: string; permissions: Permission[] },
): Promise<RoleChangeResult> {
  if (role.systemKey) return { ok: false, error: "system_role" };

  const added = input.permissions.filter((permission) => !role.permissions.includes(permission));
  const removed = role.permissions.filter((permission) => !input.permissions.includes(permission));
  const renamed = input.name !== role.name;
  if (!renamed && added.length === 0 && removed.length === 0) return { ok: true, roleId: role.id, changed: false };
  if (!(await actorKeepsStaffManage(db, actor, allRoles, role.id, input.permissions))) {
    return { ok: false, error: "self_manage" };
  }

  const practiceId = actor.staff.member.practiceId;
  const statements: BatchStatement[] = [
    db
      .update(roles)
      .set({ name: input.name })
      .where(and(eq(roles.id, role.id), eq(roles.practiceId, practiceId), isNull(roles.systemKey))),
    db
      .delete(rolePermissions)
      .where(and(eq(rolePermissions.roleId, role.id), eq(rolePermissions.practiceId, practiceId))),
    ...input.permissions.map((permission) =>
      db.insert(rolePermissions).values({ roleId: role.id, practiceId, permission }),
    ),
    staffAuditStatement(
      db,
      actor,
      "role.updated",
      { type: "role", id: role.id },
      { renamed, added: added.join(","), removed: removed.join(",") },
    ),
  ];

  try {
    await runBatch(db, statements);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "name_taken" };
    throw error;
  }
  console.info(`[console] role updated practice=${practiceId} role=${role.id} staff=${actor.staff.member.id}`);
  return { ok: true, roleId: role.id, changed: true };
}

/**
 * Deletes a custom role, takes it away from every staff member who held it and records
 * `role.deleted`, all in one batch. System roles are never deleted.
 */
export async function deleteCustomRole(
  db: Database,
  actor: StaffActor,
  allRoles: RoleSummary[],
  role: RoleSummary,
): Promise<RoleChangeResult> {
  if (role.systemKey) return { ok: false, error: "system_role" };
  if (!(await actorKeepsStaffManage(db, actor, allRoles, role.id, null))) return { ok: false, error: "self_manage" };

  const practiceId = actor.staff.member.practiceId;
  await runBatch(db, [
    db.delete(staffRoles).where(and(eq(staffRoles.roleId, role.id), eq(staffRoles.practiceId, practiceId))),
    db
      .delete(rolePermissions)
      .where(and(eq(rolePermissions.roleId, role.id), eq(rolePermissions.practiceId, practiceId))),
    db.delete(roles).where(and(eq(roles.id, role.id), eq(roles.practiceId, practiceId), isNull(roles.systemKey))),
    staffAuditStatement(db, actor, "role.deleted", { type: "role", id: role.id }, { members: role.memberCount }),
  ]);
  console.info(`[console] role deleted practice=${practiceId} role=${role.id} staff=${actor.staff.member.id}`);
  return { ok: true, roleId: role.id, changed: true };
}
