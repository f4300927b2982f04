import { isJsonObject, type JsonObject, jsonTypeName } from "../json";
import { ENABLE_WHEN_OPERATORS, type EnableWhenOperator, type QuestionnaireItem } from "../model";
import { readArray, readString, reportSpecialMembers, reportUnknownMembers } from "./elements";
import type { ItemParseContext } from "./item";
import { joinPath } from "./report";
import { type ChoiceMember, findChoiceMember } from "./values";

const ENABLE_WHEN_MEMBERS = new Set(["id", "question", "operator"]);

/** An `enableWhen` read from the JSON, to be checked once every linkId is known. */
export interface PendingEnableWhen {
  owner: QuestionnaireItem;
  path: string;
  question: string;
  operator: EnableWhenOperator;
  answer: ChoiceMember;
}

function isOperator(value: unknown): value is EnableWhenOperator {
  return ENABLE_WHEN_OPERATORS.some((operator) => operator === value);
}

/** Reads `enableWhen` and `enableBehavior`; the conditions are checked once every linkId is known. */
export function readEnableWhen(
  json: JsonObject,
  item: QuestionnaireItem,
  path: string,
  context: ItemParseContext,
): void {
  const { report } = context;
  const conditions = readArray(json, "enableWhen", path, report);

  conditions.forEach((condition, index) => {
    const conditionPath = joinPath(path, `enableWhen[${index}]`);
    if (!isJsonObject(condition)) {
      report.error(
        conditionPath,
        "wrong_json_type",
        `An enableWhen must be an object, found ${jsonTypeName(condition)}.`,
      );
      return;
    }

    reportSpecialMembers(condition, conditionPath, report);
    const answer = findChoiceMember(condition, "answer", conditionPath, report);
    reportUnknownMembers(
      condition,
      conditionPath,
      new Set([...ENABLE_WHEN_MEMBERS, ...(answer ? [answer.key] : [])]),
      report,
    );

    const question = readString(condition, "question", conditionPath, report);
    const { operator } = condition;
    if (question === undefined) {
      report.error(joinPath(conditionPath, "question"), "missing_element", "An enableWhen needs a question linkId.");
    }
    if (!isOperator(operator)) {
      report.error(
        joinPath(conditionPath, "operator"),
        "invalid_value",
        `Unknown enableWhen operator ${JSON.stringify(operator)}.`,
      );
    }
    if (question === undefined || !isOperator(operator) || !answer) return;

    context.pendingEnableWhen.push({ owner: item, path: conditionPath, question, operator, answer });
  });

  const behavior = json.enableBehavior;
  if (behavior === "all" || behavior === "any") {
    item.enableBehavior = behavior;
  } else if (behavior !== undefined) {
    report.error(joinPath(path, "enableBehavior"), "invalid_value", 'enableBehavior must be "all" or "any".');
  } else if (conditions.length > 1) {
    report.error(
      path,
      "enable_behavior_missing",
      'An item with several enableWhen conditions needs enableBehavior "all" or "any".',
    );
  }
}
