import { sql } from "drizzle-orm";

import { runBatch } from "../db/batch";
import { type Database, newId } from "../db/client";
import {
  type AnswerSet,
  type FieldError,
  type Questionnaire,
  scoreResponse,
  toQuestionnaireResponse,
  validateAnswers,
} from "../questionnaires";

export type SubmitResult =
  | { ok: true; completedAt: Date; alreadySubmitted: boolean }
  | { ok: false; reason: "invalid"; errors: FieldError[] }
  | { ok: false; reason: "not_pending" };

interface SubmitInput {
  practiceId: string;
  clientId: string;
  assignmentId: string;
  versionId: string;
  questionnaire: Questionnaire;
  /** Untrusted answers from the request; checked here with the validator the browser also runs. */
  answers: unknown;
  ipAddress: string;
  now: Date;
}

/** Formats an instant as ISO 8601 in UTC, the form FHIR `dateTime` accepts. */
function fhirDateTime(instant: Date): string {
  return instant.toISOString();
}

/**
 * Validates and stores a submission. Answers to items that enableWhen hides are dropped, the
 * score is computed here, and one D1 batch marks the assignment completed (only if it is still
 * pending), stores the response (one per assignment), removes the draft and writes the audit
 * event. A double click, a second tab or a retry finds the assignment completed and gets the
 * first submission's result: exactly one response exists.
 */
export async function submitResponse(db: Database, input: SubmitInput): Promise<SubmitResult> {
  const validation = validateAnswers(input.questionnaire, input.answers, "submit");
  if (!validation.ok) {
    const completed = await completedAt(db, input);
    if (completed) return { ok: true, completedAt: completed, alreadySubmitted: true };
    return { ok: false, reason: "invalid", errors: validation.errors };
  }

  const answers: AnswerSet = validation.answers;
  const responseId = newId();
  const nowMs = input.now.getTime();
  const resource = toQuestionnaireResponse(input.questionnaire, answers, {
    id: responseId,
    status: "completed",
    authored: fhirDateTime(input.now),
    subjectReference: `Patient/${input.clientId}`,
    questionnaireCanonical: `${input.questionnaire.url ?? `urn:veranda:questionnaire-version:${input.versionId}`}${
      input.questionnaire.version ? `|${input.questionnaire.version}` : ""
    }`,
  });
  const score = scoreResponse(input.questionnaire, answers);
  const submittedHere = sql`EXISTS (SELECT 1 FROM assignments WHERE id = ${input.assignmentId} AND completed_at = ${nowMs}
    AND status = 'completed')`;
  // Only the request whose response row was stored cleans up and audits, even if two requests
  // completed the assignment within the same millisecond.
  const storedHere = sql`EXISTS (SELECT 1 FROM questionnaire_responses WHERE id = ${responseId})`;

  const [update] = await runBatch<{ id: string }>(db, [
    sql`UPDATE assignments SET status = 'completed', completed_at = ${nowMs}
      WHERE id = ${input.assignmentId} AND practice_id = ${input.practiceId} AND client_id = ${input.clientId}
        AND status = 'pending'
      RETURNING id`,
    sql`INSERT INTO questionnaire_responses (id, practice_id, client_id, assignment_id, questionnaire_version_id,
        answers_json, resource_json, score_instrument, score_total, score_band, authored_at)
      SELECT ${responseId}, ${input.practiceId}, ${input.clientId}, ${input.assignmentId}, ${input.versionId},
        ${JSON.stringify(answers)}, ${JSON.stringify(resource)}, ${score?.instrument ?? null}, ${score?.total ?? null},
        ${score?.band ?? null}, ${nowMs}
      WHERE ${submittedHere}
      ON CONFLICT (assignment_id) DO NOTHING`,
    sql`DELETE FROM questionnaire_drafts WHERE assignment_id = ${input.assignmentId} AND ${storedHere}`,
    sql`INSERT INTO audit_events (id, practice_id, actor_type, actor_id, action, target_type, target_id, detail, ip_address, created_at)
      SELECT ${newId()}, ${input.practiceId}, 'client', ${input.clientId}, 'questionnaire.submitted', 'assignment',
        ${input.assignmentId}, ${JSON.stringify({ response_id: responseId })}, ${input.ipAddress}, ${nowMs}
      WHERE ${storedHere}`,
  ]);

  if (update?.results[0]) {
    console.info(
      `[forms] submitted practice=${input.practiceId} client=${input.clientId} assignment=${input.assignmentId}`,
    );
    return { ok: true, completedAt: input.now, alreadySubmitted: false };
  }

  const completed = await completedAt(db, input);
  if (completed) return { ok: true, completedAt: completed, alreadySubmitted: true };
  return { ok: false, reason: "not_pending" };
}

async function completedAt(db: Database, input: SubmitInput): Promise<Date | null> {
  const [result] = await runBatch<{ completed_at: number | null }>(db, [
    sql`SELECT completed_at FROM assignments WHERE id = ${input.assignmentId} AND practice_id = ${input.practiceId}
      AND client_id = ${input.clientId} AND status = 'completed'`,
  ]);
  const completed = result?.results[0]?.completed_at;
  return completed ? new Date(completed) : null;
}
