import { compareValues, valuesEqual } from "./answer-match";
import { indexItems } from "./item-index";
import type { AnswerSet, AnswerValue, EnableWhen, Questionnaire, QuestionnaireItem } from "./model";

/**
 * Returns the linkIds of every enabled item. An item is enabled when its parent is enabled and its
 * `enableWhen` conditions hold (all or any, per `enableBehavior`). A condition reads the answers of
 * its question only while that question is itself enabled, as R4 prescribes, so hiding an item
 * also switches off everything that depends on it.
 */
export function enabledLinkIds(questionnaire: Questionnaire, answers: AnswerSet): Set<string> {
  const index = indexItems(questionnaire);
  const state = new Map<string, boolean | "visiting">();

  const isEnabled = (item: QuestionnaireItem): boolean => {
    const known = state.get(item.linkId);
    // A cycle cannot come out of the importer; a hand-built one counts as disabled.
    if (known === "visiting") return false;
    if (known !== undefined) return known;

    state.set(item.linkId, "visiting");
    const parent = index.parentOf.get(item.linkId);
    const enabled = (parent === undefined || isEnabled(parent)) && conditionsHold(item);
    state.set(item.linkId, enabled);
    return enabled;
  };

  const answersOf = (linkId: string): AnswerValue[] => {
    const question = index.byLinkId.get(linkId);
    if (!question || !isEnabled(question)) return [];
    return answers[linkId] ?? [];
  };

  const conditionsHold = (item: QuestionnaireItem): boolean => {
    if (item.enableWhen.length === 0) return true;

    const results = item.enableWhen.map((condition) => conditionHolds(condition, answersOf(condition.question)));
    return item.enableBehavior === "any" ? results.some(Boolean) : results.every(Boolean);
  };

  const enabled = new Set<string>();
  for (const item of index.items) {
    if (isEnabled(item)) enabled.add(item.linkId);
  }
  return enabled;
}

/**
 * Returns true when the item with `linkId` is shown for these answers. Unknown linkIds are not
 * enabled.
 *
 * @example isItemEnabled(phq9, validated.answers, "phq9-difficulty") // true once any problem was reported
 */
export function isItemEnabled(questionnaire: Questionnaire, answers: AnswerSet, linkId: string): boolean {
  return enabledLinkIds(questionnaire, answers).has(linkId);
}

/**
 * Evaluates one condition. A question without answers satisfies no comparison, so "other, please
 * specify" stays hidden until something is chosen; only `exists false` holds for it.
 */
function conditionHolds(condition: EnableWhen, answers: AnswerValue[]): boolean {
  if (condition.operator === "exists") return answers.length > 0 === condition.answer;

  const expected = condition.answer;
  switch (condition.operator) {
    case "=":
      return answers.some((answer) => valuesEqual(answer, expected));
    case "!=":
      return answers.length > 0 && !answers.some((answer) => valuesEqual(answer, expected));
    default: {
      const operator = condition.operator;
      return answers.some((answer) => {
        const order = compareValues(answer, expected);
        if (order === undefined) return false;
        if (operator === ">") return order > 0;
        if (operator === "<") return order < 0;
        if (operator === ">=") return order >= 0;
        return order <= 0;
      });
    }
  }
}
