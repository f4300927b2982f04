import { and, eq } from "drizzle-orm";

import { type StaffMember, staffMembers, staffRoles } from "../../../../db/schema";
import type { Database } from "../../db/client";

/** A staff member with the ids of the roles they hold. */
export interface StaffMemberWithRoles extends StaffMember {
  roleIds: string[];
}

/** Lists every staff member of the practice with their roles: active members first, then by name. */
export async function listStaffMembers(db: Database, practiceId: string): Promise<StaffMemberWithRoles[]> {
  const [members, grants] = await db.batch([
    db.select().from(staffMembers).where(eq(staffMembers.practiceId, practiceId)),
    db
      .select({ staffId: staffRoles.staffId, roleId: staffRoles.roleId })
      .from(staffRoles)
      .where(eq(staffRoles.practiceId, practiceId)),
  ]);

  return members
    .map((member) => ({
      ...member,
      roleIds: grants.filter((grant) => grant.staffId === member.id).map((grant) => grant.roleId),
    }))
    .sort(
      (first, second) => Number(second.active) - Number(first.active) || first.name.localeCompare(second.name, "nl"),
    );
}

/** Finds a staff member of the practice with their roles; another practice's id gives null, like a missing one. */
export async function findStaffMember(
  db: Database,
  practiceId: string,
  staffId: string,
): Promise<StaffMemberWithRoles | null> {
  const [members, grants] = await db.batch([
    db
      .select()
      .from(staffMembers)
      .where(and(eq(staffMembers.id, staffId), eq(staffMembers.practiceId, practiceId))),
    db
      .select({ roleId: staffRoles.roleId })
      .from(staffRoles)
      .where(and(eq(staffRoles.staffId, staffId), eq(staffRoles.practiceId, practiceId))),
  ]);

  const member = members[0];
  if (!member) return null;
  return { ...member, roleIds: grants.map((grant) => grant.roleId) };
}
