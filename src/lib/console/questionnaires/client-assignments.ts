import { and, desc, eq } from "drizzle-orm";

import {
  type AssignmentStatus,
  assignments,
  questionnaireResponses,
  questionnaireVersions,
  staffMembers,
} from "../../../../db/schema";
import { auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";

/** Assignments listed per client in the console; a client with more is not expected. */
export const CLIENT_ASSIGNMENT_LIST_LIMIT = 500;

/** An assignment as the console lists it, with its version, who assigned it and the response's score. */
export interface StaffAssignment {
  id: string;
  status: AssignmentStatus;
  dueDate: string | null;
  assignedAt: Date;
  completedAt: Date | null;
  withdrawnAt: Date | null;
  assignerName: string | null;
  title: string;
  language: string;
  versionNumber: number;
  responseId: string | null;
  scoreInstrument: string | null;
  scoreTotal: number | null;
  scoreBand: string | null;
}

/** Returns every assignment of the client, newest first; columns have distinct names for D1's joined rows. */
export async function listClientAssignmentsForStaff(
  db: Database,
  practiceId: string,
  clientId: string,
): Promise<StaffAssignment[]> {
  return db
    .select({
      id: assignments.id,
      status: assignments.status,
      dueDate: assignments.dueDate,
      assignedAt: assignments.assignedAt,
      completedAt: assignments.completedAt,
      withdrawnAt: assignments.withdrawnAt,
      assignerName: staffMembers.name,
      title: questionnaireVersions.title,
      language: questionnaireVersions.language,
      versionNumber: questionnaireVersions.versionNumber,
      responseId: questionnaireResponses.id,
      scoreInstrument: questionnaireResponses.scoreInstrument,
      scoreTotal: questionnaireResponses.scoreTotal,
      scoreBand: questionnaireResponses.scoreBand,
    })
    .from(assignments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assignments.questionnaireVersionId))
    .leftJoin(staffMembers, eq(staffMembers.id, assignments.assignedBy))
    .leftJoin(questionnaireResponses, eq(questionnaireResponses.assignmentId, assignments.id))
    .where(and(eq(assignments.practiceId, practiceId), eq(assignments.clientId, clientId)))
    .orderBy(desc(assignments.assignedAt), desc(assignments.id))
    .limit(CLIENT_ASSIGNMENT_LIST_LIMIT);
}

export type WithdrawResult = "withdrawn" | "not_pending" | "not_found";

/**
 * Withdraws a pending assignment: it disappears from the client's portal at once, because the
 * client's lists show only pending and completed ones. A completed assignment keeps its answers
 * and cannot be withdrawn.
 */
export async function withdrawAssignment(
  db: Database,
  input: { practiceId: string; clientId: string; assignmentId: string; staffId: string; ipAddress: string; now: Date },
): Promise<WithdrawResult> {
  const own = and(
    eq(assignments.id, input.assignmentId),
    eq(assignments.practiceId, input.practiceId),
    eq(assignments.clientId, input.clientId),
  );
  const updated = await db
    .update(assignments)
    .set({ status: "withdrawn", withdrawnAt: input.now })
    .where(and(own, eq(assignments.status, "pending")))
    .returning({ id: assignments.id });

  if (updated.length === 0) {
    const exists = await db.select({ id: assignments.id }).from(assignments).where(own).get();
    return exists ? "not_pending" : "not_found";
  }

  await auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "staff",
    actorId: input.staffId,
    action: "questionnaire.withdrawn",
    targetType: "assignment",
    targetId: input.assignmentId,
    detail: { client_id: input.clientId },
    ipAddress: input.ipAddress,
    at: input.now,
  });
  return "withdrawn";
}
