import { and, asc, desc, eq, sql } from "drizzle-orm";

import { type AssignmentStatus, assignments, questionnaireVersions } from "../../../db/schema";
import type { Database } from "../db/client";
import type { CalendarDate } from "../time/calendar";

/** An assignment as the client's lists show it. */
export interface ClientAssignment {
  id: string;
  title: string;
  description: string | null;
  questionCount: number;
  dueDate: CalendarDate | null;
  status: AssignmentStatus;
  completedAt: Date | null;
}

const clientAssignmentColumns = {
  id: assignments.id,
  title: questionnaireVersions.title,
  description: questionnaireVersions.description,
  questionCount: questionnaireVersions.questionCount,
  dueDate: assignments.dueDate,
  status: assignments.status,
  completedAt: assignments.completedAt,
};

function forClient(practiceId: string, clientId: string, status: "pending" | "completed") {
  return and(
    eq(assignments.practiceId, practiceId),
    eq(assignments.clientId, clientId),
    eq(assignments.status, status),
  );
}

/**
 * Builds the query for the client's pending questionnaires: overdue first (due before `today` in
 * the practice's time zone), then by due date, undated last.
 */
export function pendingAssignmentsQuery(
  db: Database,
  input: { practiceId: string; clientId: string; today: CalendarDate; limit: number },
) {
  return db
    .select(clientAssignmentColumns)
    .from(assignments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assignments.questionnaireVersionId))
    .where(forClient(input.practiceId, input.clientId, "pending"))
    .orderBy(
      sql`CASE WHEN ${assignments.dueDate} < ${input.today} THEN 0 ELSE 1 END`,
      sql`${assignments.dueDate} IS NULL`,
      asc(assignments.dueDate),
      asc(assignments.assignedAt),
    )
    .limit(input.limit);
}

export function completedAssignmentsQuery(
  db: Database,
  input: { practiceId: string; clientId: string; limit: number },
) {
  return db
    .select(clientAssignmentColumns)
    .from(assignments)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assignments.questionnaireVersionId))
    .where(forClient(input.practiceId, input.clientId, "completed"))
    .orderBy(desc(assignments.completedAt))
    .limit(input.limit);
}

export function pendingAssignmentCountQuery(db: Database, practiceId: string, clientId: string) {
  return db
    .select({ count: sql<number>`count(*)` })
    .from(assignments)
    .where(forClient(practiceId, clientId, "pending"));
}

/** Questionnaires on one page of `/forms`; more than this many pending ones is not expected. */
export const ASSIGNMENT_LIST_LIMIT = 200;

/** Returns the client's questionnaires for `/forms`: pending (overdue first), then completed. */
export async function listClientAssignments(
  db: Database,
  input: { practiceId: string; clientId: string; today: CalendarDate },
): Promise<{ pending: ClientAssignment[]; completed: ClientAssignment[] }> {
  const [pending, completed] = await db.batch([
    pendingAssignmentsQuery(db, { ...input, limit: ASSIGNMENT_LIST_LIMIT }),
    completedAssignmentsQuery(db, { ...input, limit: ASSIGNMENT_LIST_LIMIT }),
  ]);
  return { pending, completed };
}
