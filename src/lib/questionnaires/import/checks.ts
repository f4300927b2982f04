import { type AnswerValue, isQuestion, type QuestionItem, type QuestionnaireItem } from "../model";
import type { PendingEnableWhen } from "./conditions";
import type { ItemParseContext } from "./item";
import { joinPath } from "./report";
import { isSupportedValueType, parseTypedValue } from "./values";

/** Indexes items by linkId and reports every duplicate at the path of its later occurrence. */
export function indexLinkIds(items: QuestionnaireItem[], context: ItemParseContext): Map<string, QuestionnaireItem> {
  const index = new Map<string, QuestionnaireItem>();

  const visit = (item: QuestionnaireItem) => {
    const first = index.get(item.linkId);
    if (first) {
      const path = context.itemPaths.get(item) ?? "";
      context.report.error(
        joinPath(path, "linkId"),
        "duplicate_link_id",
        `linkId "${item.linkId}" is already used by ${context.itemPaths.get(first)}.`,
      );
    } else {
      index.set(item.linkId, item);
    }
    item.items.forEach(visit);
  };
  items.forEach(visit);
  return index;
}

/** Checks each pending enableWhen against the question it names and attaches the valid ones. */
export function resolveEnableWhen(index: Map<string, QuestionnaireItem>, context: ItemParseContext): void {
  for (const pending of context.pendingEnableWhen) {
    const value = checkCondition(pending, index, context);
    if (value === undefined) continue;

    if (pending.operator === "exists") {
      if (value.type === "boolean") {
        pending.owner.enableWhen.push({ question: pending.question, operator: "exists", answer: value.value });
      }
    } else {
      pending.owner.enableWhen.push({ question: pending.question, operator: pending.operator, answer: value });
    }
  }
}

function checkCondition(pending: PendingEnableWhen, index: Map<string, QuestionnaireItem>, context: ItemParseContext) {
  const { report } = context;
  const { path, question: linkId, operator, answer } = pending;
  const questionPath = joinPath(path, "question");
  const answerPath = joinPath(path, answer.key);

  if (linkId === pending.owner.linkId) {
    report.error(questionPath, "enable_when_self", `Item "${linkId}" cannot depend on its own answer.`);
    return undefined;
  }
  const target = index.get(linkId);
  if (!target && context.rejectedLinkIds.has(linkId)) return undefined;
  if (!target) {
    report.error(questionPath, "enable_when_unknown_question", `No item has linkId "${linkId}".`);
    return undefined;
  }
  if (!isQuestion(target)) {
    report.error(questionPath, "enable_when_not_a_question", `Item "${linkId}" is a ${target.type} and has no answer.`);
    return undefined;
  }
  if (!isSupportedValueType(answer.fhirType)) {
    report.error(
      answerPath,
      "enable_when_answer_mismatch",
      `${answer.key} cannot be compared with a ${target.type} answer.`,
    );
    return undefined;
  }

  const value = parseTypedValue(answer, path, report);
  if (!value) return undefined;

  if (operator === "exists" ? value.type !== "boolean" : !conditionFits(target, value)) {
    const expected = operator === "exists" ? "answerBoolean" : `an answer that fits a ${target.type} item`;
    report.error(answerPath, "enable_when_answer_mismatch", `${answer.key} does not fit; expected ${expected}.`);
    return undefined;
  }
  if (isOrdering(operator) && !isOrdered(value)) {
    report.error(
      joinPath(path, "operator"),
      "enable_when_operator_mismatch",
      `Operator ${operator} needs a number or a date to compare, not ${answer.key}.`,
    );
    return undefined;
  }
  return value;
}

function isOrdering(operator: string): boolean {
  return operator === ">" || operator === "<" || operator === ">=" || operator === "<=";
}

function isOrdered(value: AnswerValue): boolean {
  return value.type === "decimal" || value.type === "integer" || value.type === "date";
}

/** Returns true when an enableWhen answer can be compared with answers of `question`. */
function conditionFits(question: QuestionItem, value: AnswerValue): boolean {
  switch (question.type) {
    case "boolean":
      return value.type === "boolean";
    case "decimal":
    case "integer":
      return value.type === "decimal" || value.type === "integer";
    case "date":
      return value.type === "date";
    case "string":
    case "text":
      return value.type === "string";
    case "choice":
    case "open-choice": {
      const freeText = question.type === "open-choice" && value.type === "string";
      // Without options (an answerValueSet, rejected on its own) only a coding can be compared.
      if (question.options.length === 0) return freeText || value.type === "coding";
      return freeText || question.options.some((option) => option.value.type === value.type);
    }
  }
}

/**
 * Reports cycles in the "is shown only if" relation: an item depends on its parent and on every
 * question its enableWhen names. A cycle would make visibility undefined.
 */
export function reportEnableWhenCycles(
  items: QuestionnaireItem[],
  index: Map<string, QuestionnaireItem>,
  context: ItemParseContext,
) {
  const state = new Map<QuestionnaireItem, "visiting" | "done">();
  const stack: QuestionnaireItem[] = [];

  const dependenciesOf = (item: QuestionnaireItem): QuestionnaireItem[] => {
    const parent = context.parents.get(item);
    const questions = item.enableWhen.flatMap((condition) => index.get(condition.question) ?? []);
    return parent ? [parent, ...questions] : questions;
  };

  const visit = (item: QuestionnaireItem): void => {
    state.set(item, "visiting");
    stack.push(item);

    for (const dependency of dependenciesOf(item)) {
      if (state.get(dependency) === "visiting") {
        const cycle = [...stack.slice(stack.indexOf(dependency)), dependency].map((member) => member.linkId);
        context.report.error(
          joinPath(context.itemPaths.get(item) ?? "", "enableWhen"),
          "enable_when_cycle",
          `enableWhen conditions form a cycle: ${cycle.join(" → ")}.`,
        );
      } else if (!state.has(dependency)) {
        visit(dependency);
      }
    }

    stack.pop();
    state.set(item, "done");
  };

  const visitAll = (list: QuestionnaireItem[]) => {
    for (const item of list) {
      if (!state.has(item)) visit(item);
      visitAll(item.items);
    }
  };
  visitAll(items);
}
