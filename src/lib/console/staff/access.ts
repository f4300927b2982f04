import { and, eq, sql } from "drizzle-orm";

import { staffMembers, staffRoles } from "../../../../db/schema";
import { runBatch } from "../../db/batch";
import { type Database, newId } from "../../db/client";
import { adminRoleId, permissionsOfRoles, type RoleSummary } from "../roles/roles";
import { type StaffActor, staffAuditStatement } from "./actor";
import { areKnownRoles } from "./invite-form";
import type { StaffMemberWithRoles } from "./staff-members";

export type AccessError = "roles_invalid" | "self_manage" | "self_deactivate" | "last_admin";

export type AccessResult = { ok: true; changed: boolean } | { ok: false; error: AccessError };

/**
 * SQL condition that the practice keeps an active admin (a holder of the Admin system role) other
 * than `staffId`. The statements that could take the last admin away repeat this check inside
 * their batch, so two admins removing each other at the same moment cannot both succeed.
 */
function otherActiveAdminExists(practiceId: string, adminId: string, staffId: string) {
  return sql`EXISTS (
    SELECT 1 FROM staff_roles
    JOIN staff_members ON staff_members.id = staff_roles.staff_id
    WHERE staff_roles.practice_id = ${practiceId} AND staff_roles.role_id = ${adminId}
      AND staff_members.active = 1 AND staff_members.id <> ${staffId}
  )`;
}

async function hasOtherActiveAdmin(db: Database, practiceId: string, adminId: string, staffId: string) {
  const [row] = await db.all<{ found: number }>(
    sql`SELECT ${otherActiveAdminExists(practiceId, adminId, staffId)} AS found`,
  );
  return row?.found === 1;
}

/**
 * Replaces the roles of a staff member and records `staff.roles_changed` with the roles added and
 * removed. A staff member cannot take away their own `staff.manage`, and the Admin role of the
 * practice's last active admin is never removed.
 */
export async function changeStaffRoles(
  db: Database,
  actor: StaffActor,
  allRoles: RoleSummary[],
  member: StaffMemberWithRoles,
  roleIds: string[],
): Promise<AccessResult> {
  if (!areKnownRoles(roleIds, allRoles)) return { ok: false, error: "roles_invalid" };

  const added = roleIds.filter((roleId) => !member.roleIds.includes(roleId));
  const removed = member.roleIds.filter((roleId) => !roleIds.includes(roleId));
  if (added.length === 0 && removed.length === 0) return { ok: true, changed: false };

  const practiceId = member.practiceId;
  const self = member.id === actor.staff.member.id;
  if (self && !permissionsOfRoles(allRoles, roleIds).has("staff.manage")) return { ok: false, error: "self_manage" };

  const adminId = adminRoleId(allRoles);
  const removesAdmin = adminId !== null && member.active && removed.includes(adminId);
  if (removesAdmin && !(await hasOtherActiveAdmin(db, practiceId, adminId, member.id))) {
    return { ok: false, error: "last_admin" };
  }

  const kept = sql.join(
    roleIds.map((roleId) => sql`${roleId}`),
    sql`, `,
  );
  const adminGuard = adminId
    ? sql`AND (role_id <> ${adminId} OR ${otherActiveAdminExists(practiceId, adminId, member.id)})`
    : sql``;
  await runBatch(db, [
    staffAuditStatement(
      db,
      actor,
      "staff.roles_changed",
      { type: "staff_member", id: member.id },
      { added: added.join(","), removed: removed.join(",") },
    ),
    sql`
      DELETE FROM staff_roles
      WHERE staff_id = ${member.id} AND practice_id = ${practiceId} AND role_id NOT IN (${kept}) ${adminGuard}
    `,
    ...added.map((roleId) =>
      db.insert(staffRoles).values({ staffId: member.id, roleId, practiceId }).onConflictDoNothing(),
    ),
  ]);
  console.info(`[console] staff roles changed practice=${practiceId} staff=${member.id} by=${actor.staff.member.id}`);
  return { ok: true, changed: true };
}

/**
 * Deactivates a staff member: in one batch they become inactive, their sessions end, their
 * unused sign-in links and codes are revoked and `staff.deactivated` is recorded. Staff members
 * cannot deactivate themselves, and the practice's last active admin is never deactivated.
 */
export async function deactivateStaffMember(
  db: Database,
  actor: StaffActor,
  allRoles: RoleSummary[],
  member: StaffMemberWithRoles,
): Promise<AccessResult> {
  if (member.id === actor.staff.member.id) return { ok: false, error: "self_deactivate" };
  if (!member.active) return { ok: true, changed: false };

  const practiceId = member.practiceId;
  const adminId = adminRoleId(allRoles);
  const isAdmin = adminId !== null && member.roleIds.includes(adminId);
  if (isAdmin && !(await hasOtherActiveAdmin(db, practiceId, adminId, member.id))) {
    return { ok: false, error: "last_admin" };
  }

  const nowMs = actor.now.getTime();
  const keepsAdmin = adminId
    ? sql`AND (NOT EXISTS (SELECT 1 FROM staff_roles WHERE staff_id = ${member.id} AND role_id = ${adminId})
        OR ${otherActiveAdminExists(practiceId, adminId, member.id)})`
    : sql``;
  const deactivated = sql`EXISTS (SELECT 1 FROM staff_members WHERE id = ${member.id} AND practice_id = ${practiceId} AND active = 0)`;
  const [, updated] = await runBatch(db, [
    sql`
      INSERT INTO audit_events (id, practice_id, actor_type, actor_id, action, target_type, target_id, ip_address, created_at)
      SELECT ${newId()}, practice_id, 'staff', ${actor.staff.member.id}, 'staff.deactivated', 'staff_member', id,
        ${actor.ipAddress}, ${nowMs}
      FROM staff_members WHERE id = ${member.id} AND practice_id = ${practiceId} AND active = 1 ${keepsAdmin}
    `,
    sql`
      UPDATE staff_members SET active = 0
      WHERE id = ${member.id} AND practice_id = ${practiceId} AND active = 1 ${keepsAdmin}
      RETURNING id
    `,
    sql`
      DELETE FROM sessions
      WHERE practice_id = ${practiceId} AND subject_type = 'staff' AND subject_id = ${member.id} AND ${deactivated}
    `,
    sql`
      UPDATE sign_in_requests SET revoked_at = ${nowMs}
      WHERE practice_id = ${practiceId} AND subject_type = 'staff' AND subject_id = ${member.id}
        AND consumed_at IS NULL AND revoked_at IS NULL AND ${deactivated}
    `,
  ]);
  if ((updated?.results.length ?? 0) === 0) return { ok: false, error: "last_admin" };

  console.info(`[console] staff deactivated practice=${practiceId} staff=${member.id} by=${actor.staff.member.id}`);
  return { ok: true, changed: true };
}

/** Lets a deactivated staff member sign in again and records `staff.reactivated`. */
export async function reactivateStaffMember(
  db: Database,
  actor: StaffActor,
  member: StaffMemberWithRoles,
): Promise<AccessResult> {
  if (member.active) return { ok: true, changed: false };

  await db.batch([
    db
      .update(staffMembers)
      .set({ active: true })
      .where(and(eq(staffMembers.id, member.id), eq(staffMembers.practiceId, member.practiceId))),
    staffAuditStatement(db, actor, "staff.reactivated", { type: "staff_member", id: member.id }),
  ]);
  console.info(
    `[console] staff reactivated practice=${member.practiceId} staff=${member.id} by=${actor.staff.member.id}`,
  );
  return { ok: true, changed: true };
}
