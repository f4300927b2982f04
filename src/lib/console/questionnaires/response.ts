import { and, eq } from "drizzle-orm";

import { assignments, questionnaireResponses, questionnaireVersions } from "../../../../db/schema";
import { auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";
import { exportQuestionnaireResponse } from "../../forms/export";
import { parseStoredQuestionnaire } from "../../forms/stored-questionnaire";
import type { AnswerSet, Questionnaire } from "../../questionnaires";

/** A submitted questionnaire as staff read it. */
export interface SubmittedResponse {
  assignmentId: string;
  responseId: string;
  title: string;
  versionNumber: number;
  questionnaire: Questionnaire;
  answers: AnswerSet;
  authoredAt: Date;
  scoreInstrument: string | null;
  scoreTotal: number | null;
  scoreBand: string | null;
}

interface ResponseScope {
  practiceId: string;
  clientId: string;
  assignmentId: string;
}

/**
 * Loads the response to one of the client's assignments, or null when the assignment is not
 * this client's in this practice or has no response yet.
 */
export async function loadSubmittedResponse(db: Database, scope: ResponseScope): Promise<SubmittedResponse | null> {
  const ownAssignment = and(
    eq(assignments.id, scope.assignmentId),
    eq(assignments.practiceId, scope.practiceId),
    eq(assignments.clientId, scope.clientId),
  );
  // Two statements rather than one join, so the columns both tables share never overwrite each other.
  const [responses, versions] = await db.batch([
    db
      .select({
        id: questionnaireResponses.id,
        answersJson: questionnaireResponses.answersJson,
        authoredAt: questionnaireResponses.authoredAt,
        scoreInstrument: questionnaireResponses.scoreInstrument,
        scoreTotal: questionnaireResponses.scoreTotal,
        scoreBand: questionnaireResponses.scoreBand,
        versionId: questionnaireResponses.questionnaireVersionId,
      })
      .from(questionnaireResponses)
      .where(
        and(
          eq(
            questionnaireResponses.assignmentId,
            db.select({ id: assignments.id }).from(assignments).where(ownAssignment),
          ),
          eq(questionnaireResponses.practiceId, scope.practiceId),
        ),
      ),
    db
      .select()
      .from(questionnaireVersions)
      .where(
        eq(
          questionnaireVersions.id,
          db.select({ id: assignments.questionnaireVersionId }).from(assignments).where(ownAssignment),
        ),
      ),
  ]);

  const response = responses[0];
  const version = versions[0];
  if (!response || !version || version.id !== response.versionId) return null;

  return {
    assignmentId: scope.assignmentId,
    responseId: response.id,
    title: version.title,
    versionNumber: version.versionNumber,
    questionnaire: parseStoredQuestionnaire(version.id, version.resourceJson),
    answers: JSON.parse(response.answersJson) as AnswerSet,
    authoredAt: response.authoredAt,
    scoreInstrument: response.scoreInstrument,
    scoreTotal: response.scoreTotal,
    scoreBand: response.scoreBand,
  };
}

interface AuditInput extends ResponseScope {
  responseId: string;
  staffId: string;
  ipAddress: string;
  now: Date;
}

/** Records that a staff member read a response; the audit event names the record, never an answer. */
export async function recordResponseAccess(
  db: Database,
  action: "questionnaire.response_viewed" | "questionnaire.response_exported",
  input: AuditInput,
): Promise<void> {
  await auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "staff",
    actorId: input.staffId,
    action,
    // The assignment is the record staff filter on and that the log viewer names; the response id
    // stays in the detail.
    targetType: "assignment",
    targetId: input.assignmentId,
    detail: { response_id: input.responseId, client_id: input.clientId },
    ipAddress: input.ipAddress,
    at: input.now,
  });
}

/**
 * Returns the FHIR R4 QuestionnaireResponse of one of the client's assignments as stored at
 * submission, and audits the export; null when there is none.
 */
export async function exportAssignmentResponse(db: Database, input: Omit<AuditInput, "responseId">) {
  const row = await db
    .select({ id: questionnaireResponses.id })
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.assignmentId, input.assignmentId),
        eq(questionnaireResponses.practiceId, input.practiceId),
        eq(questionnaireResponses.clientId, input.clientId),
      ),
    )
    .get();
  if (!row) return null;

  const resource = await exportQuestionnaireResponse(db, input.practiceId, row.id);
  if (!resource) return null;
  await recordResponseAccess(db, "questionnaire.response_exported", { ...input, responseId: row.id });
  return { responseId: row.id, resource };
}
