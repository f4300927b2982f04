import { and, eq } from "drizzle-orm";

import {
  type Assignment,
  assignments,
  type QuestionnaireDraft,
  type QuestionnaireResponseRow,
  type QuestionnaireVersion,
  questionnaireDrafts,
  questionnaireResponses,
  questionnaireVersions,
} from "../../../db/schema";
import type { Database } from "../db/client";
import { type AnswerSet, isQuestion, type Questionnaire, type QuestionnaireItem } from "../questionnaires";
import { parseStoredQuestionnaire } from "./stored-questionnaire";

/** Everything the fill-in page and its endpoints need about one of the client's assignments. */
export interface FillState {
  assignment: Assignment;
  version: QuestionnaireVersion;
  questionnaire: Questionnaire;
  draft: QuestionnaireDraft | null;
  response: QuestionnaireResponseRow | null;
  /** Answers to show: the submitted ones, else the draft's, else none. */
  answers: AnswerSet;
}

/**
 * Loads an assignment of this client with its version, draft and response in one D1 batch.
 * Another client's, another practice's, a withdrawn and a missing id all give null.
 */
export async function loadFillState(
  db: Database,
  scope: { practiceId: string; clientId: string; assignmentId: string },
): Promise<FillState | null> {
  const ownAssignment = and(
    eq(assignments.id, scope.assignmentId),
    eq(assignments.practiceId, scope.practiceId),
    eq(assignments.clientId, scope.clientId),
  );
  // Separate statements rather than a join: D1 returns rows as objects, so the columns that both
  // tables share (id, practice_id, created_at) would overwrite each other in a joined row.
  const [assignmentRows, versionRows, drafts, responses] = await db.batch([
    db.select().from(assignments).where(ownAssignment),
    db
      .select()
      .from(questionnaireVersions)
      .where(
        eq(
          questionnaireVersions.id,
          db.select({ id: assignments.questionnaireVersionId }).from(assignments).where(ownAssignment),
        ),
      ),
    db
      .select()
      .from(questionnaireDrafts)
      .where(
        and(eq(questionnaireDrafts.assignmentId, scope.assignmentId), eq(questionnaireDrafts.clientId, scope.clientId)),
      ),
    db
      .select()
      .from(questionnaireResponses)
      .where(
        and(
          eq(questionnaireResponses.assignmentId, scope.assignmentId),
          eq(questionnaireResponses.clientId, scope.clientId),
        ),
      ),
  ]);

  const assignment = assignmentRows[0];
  const version = versionRows[0];
  if (!assignment || !version || assignment.status === "withdrawn") return null;

  const questionnaire = parseStoredQuestionnaire(version.id, version.resourceJson);
  const draft = drafts[0] ?? null;
  const response = responses[0] ?? null;
  const answersJson = response?.answersJson ?? draft?.answersJson;
  return {
    assignment,
    version,
    questionnaire,
    draft,
    response,
    answers: answersJson ? (JSON.parse(answersJson) as AnswerSet) : initialAnswers(questionnaire),
  };
}

/** Returns the prefilled answers (`initial[x]`, `answerOption.initialSelected`) for a form without a draft. */
function initialAnswers(questionnaire: Questionnaire): AnswerSet {
  const answers: AnswerSet = {};
  const walk = (items: QuestionnaireItem[]) => {
    for (const item of items) {
      if (isQuestion(item) && item.initial.length > 0) answers[item.linkId] = item.initial;
      walk(item.items);
    }
  };
  walk(questionnaire.items);
  return answers;
}
