import { and, eq } from "drizzle-orm";

import { questionnaires } from "../../../../db/schema";
import { auditEventStatement } from "../../audit/events";
import type { Database } from "../../db/client";
import type { LibraryStatus } from "./library";

/**
 * The lifecycle: a draft is activated (or retired unused), an active questionnaire is retired.
 * Retiring only stops new assignments: pending and completed ones, and their responses, stay.
 * A retired questionnaire comes back as a draft when a new version of it is imported.
 */
export const STATUS_TRANSITIONS: Record<LibraryStatus, readonly Exclude<LibraryStatus, "draft">[]> = {
  draft: ["active", "retired"],
  active: ["retired"],
  retired: [],
};

export function isLibraryStatus(value: unknown): value is LibraryStatus {
  return value === "draft" || value === "active" || value === "retired";
}

export type StatusChangeResult = "changed" | "not_allowed" | "not_found";

/** Moves a questionnaire of the practice to `to` when the lifecycle allows it from its current status. */
export async function changeQuestionnaireStatus(
  db: Database,
  input: {
    practiceId: string;
    questionnaireId: string;
    to: LibraryStatus;
    staffId: string;
    ipAddress: string;
    now: Date;
  },
): Promise<StatusChangeResult> {
  const own = and(eq(questionnaires.id, input.questionnaireId), eq(questionnaires.practiceId, input.practiceId));
  const current = await db.select({ status: questionnaires.status }).from(questionnaires).where(own).get();
  if (!current) return "not_found";
  const allowed: readonly LibraryStatus[] = STATUS_TRANSITIONS[current.status];
  if (!allowed.includes(input.to)) return "not_allowed";

  // The status read above must still hold, so two staff members cannot both move it.
  const updated = await db
    .update(questionnaires)
    .set({ status: input.to })
    .where(and(own, eq(questionnaires.status, current.status)))
    .returning({ id: questionnaires.id });
  if (updated.length === 0) return "not_allowed";

  await auditEventStatement(db, {
    practiceId: input.practiceId,
    actorType: "staff",
    actorId: input.staffId,
    action: "questionnaire.status_changed",
    targetType: "questionnaire",
    targetId: input.questionnaireId,
    detail: { from: current.status, to: input.to },
    ipAddress: input.ipAddress,
    at: input.now,
  });
  return "changed";
}
