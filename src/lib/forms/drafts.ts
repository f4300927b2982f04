import { sql } from "drizzle-orm";

import { auditEventStatement } from "../audit/events";
import { runBatch } from "../db/batch";
import type { Database } from "../db/client";
import type { AnswerSet } from "../questionnaires";

export type DraftSaveResult =
  | { ok: true; revision: number; savedAt: Date }
  | { ok: false; reason: "conflict" | "not_pending" };

interface DraftInput {
  practiceId: string;
  clientId: string;
  assignmentId: string;
  /** Revision the page's answers started from; 0 when the page had no draft. */
  baseRevision: number;
  answers: AnswerSet;
  ipAddress: string;
  now: Date;
}

/**
 * Saves a draft unless another save came in between: the write only happens while the stored revision
 * still equals `baseRevision` and the assignment is pending, decided by one conditional statement.
 * A stale save changes nothing and reports a conflict, so a second tab never overwrites the first.
 */
export async function saveDraft(db: Database, input: DraftInput): Promise<DraftSaveResult> {
  const nowMs = input.now.getTime();
  const answersJson = JSON.stringify(input.answers);
  const pending = sql`EXISTS (SELECT 1 FROM assignments WHERE id = ${input.assignmentId} AND practice_id = ${input.practiceId}
    AND client_id = ${input.clientId} AND status = 'pending')`;

  const write =
    input.baseRevision === 0
      ? sql`INSERT INTO questionnaire_drafts (assignment_id, practice_id, client_id, answers_json, revision, updated_at)
          SELECT ${input.assignmentId}, ${input.practiceId}, ${input.clientId}, ${answersJson}, 1, ${nowMs} WHERE ${pending}
          ON CONFLICT (assignment_id) DO NOTHING
          RETURNING revision`
      : sql`UPDATE questionnaire_drafts SET answers_json = ${answersJson}, revision = revision + 1, updated_at = ${nowMs}
          WHERE assignment_id = ${input.assignmentId} AND client_id = ${input.clientId} AND revision = ${input.baseRevision}
            AND ${pending}
          RETURNING revision`;

  const [result] = await runBatch<{ revision: number }>(db, [write]);
  const saved = result?.results[0];
  if (!saved) {
    const [state] = await runBatch<{ status: string }>(db, [
      sql`SELECT status FROM assignments WHERE id = ${input.assignmentId} AND client_id = ${input.clientId}`,
    ]);
    return { ok: false, reason: state?.results[0]?.status === "pending" ? "conflict" : "not_pending" };
  }

  // The audit log records that a draft was saved, never its content.
  await auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "client",
    actorId: input.clientId,
    action: "questionnaire.draft_saved",
    targetType: "assignment",
    targetId: input.assignmentId,
    detail: { revision: saved.revision },
    ipAddress: input.ipAddress,
    at: input.now,
  });
  return { ok: true, revision: saved.revision, savedAt: input.now };
}
