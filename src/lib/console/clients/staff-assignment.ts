import { and, asc, eq, notInArray } from "drizzle-orm";

import { type Client, clientStaff, staffMembers } from "../../../../db/schema";
import type { Database } from "../../db/client";
import { clientAuditStatement, type StaffActor } from "./records";

export interface StaffOption {
  id: string;
  name: string;
}

/** Returns the staff assigned to a client and the active staff who could still be assigned, in one batch. */
export async function loadClientStaff(
  db: Database,
  client: Client,
): Promise<{ assigned: StaffOption[]; assignable: StaffOption[] }> {
  const assignedIds = db
    .select({ staffId: clientStaff.staffId })
    .from(clientStaff)
    .where(and(eq(clientStaff.practiceId, client.practiceId), eq(clientStaff.clientId, client.id)));

  const [assigned, assignable] = await db.batch([
    db
      .select({ id: staffMembers.id, name: staffMembers.name })
      .from(clientStaff)
      .innerJoin(staffMembers, eq(staffMembers.id, clientStaff.staffId))
      .where(and(eq(clientStaff.practiceId, client.practiceId), eq(clientStaff.clientId, client.id)))
      .orderBy(asc(staffMembers.name)),
    db
      .select({ id: staffMembers.id, name: staffMembers.name })
      .from(staffMembers)
      .where(
        and(
          eq(staffMembers.practiceId, client.practiceId),
          eq(staffMembers.active, true),
          notInArray(staffMembers.id, assignedIds),
        ),
      )
      .orderBy(asc(staffMembers.name)),
  ]);
  return { assigned, assignable };
}

export type AssignResult = "assigned" | "unknown_staff";

function assignmentRow(client: Client, staffId: string) {
  return and(
    eq(clientStaff.practiceId, client.practiceId),
    eq(clientStaff.clientId, client.id),
    eq(clientStaff.staffId, staffId),
  );
}

async function isAssigned(db: Database, client: Client, staffId: string): Promise<boolean> {
  const row = await db
    .select({ staffId: clientStaff.staffId })
    .from(clientStaff)
    .where(assignmentRow(client, staffId))
    .get();
  return row !== undefined;
}

/**
 * Assigns an active staff member of the same practice to the client, with its audit event in the
 * same batch. Assigning twice changes nothing.
 */
export async function assignStaff(
  db: Database,
  actor: StaffActor,
  client: Client,
  staffId: string,
): Promise<AssignResult> {
  const member = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(
      and(eq(staffMembers.id, staffId), eq(staffMembers.practiceId, client.practiceId), eq(staffMembers.active, true)),
    )
    .get();
  if (!member) return "unknown_staff";
  if (await isAssigned(db, client, staffId)) return "assigned";

  await db.batch([
    db
      .insert(clientStaff)
      .values({ clientId: client.id, staffId, practiceId: client.practiceId })
      .onConflictDoNothing(),
    clientAuditStatement(db, actor, "client.staff_assigned", client.id, { staff_id: staffId }),
  ]);
  return "assigned";
}

/** Removes a staff member's assignment to the client; removing a missing assignment changes nothing. */
export async function unassignStaff(db: Database, actor: StaffActor, client: Client, staffId: string): Promise<void> {
  if (!(await isAssigned(db, client, staffId))) return;

  await db.batch([
    db.delete(clientStaff).where(assignmentRow(client, staffId)),
    clientAuditStatement(db, actor, "client.staff_unassigned", client.id, { staff_id: staffId }),
  ]);
}
