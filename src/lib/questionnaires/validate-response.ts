import type { AnswerErrorCode } from "./answer-errors";
import { findOption } from "./answer-match";
import { indexItems } from "./item-index";
import { isJsonObject, type JsonObject, jsonTypeName } from "./json";
import {
  type AnswerSet,
  type AnswerValue,
  isQuestion,
  type QuestionItem,
  type Questionnaire,
  type QuestionnaireItem,
} from "./model";
import { validateAnswers } from "./validate-answers";

/** One fault of a stored response; `path` is like `item[0].answer[1]`, empty for the whole resource. */
export interface ResponseIssue {
  path: string;
  code: ResponseIssueCode;
  message: string;
}

export type ResponseIssueCode =
  | AnswerErrorCode
  | "not_a_response"
  | "invalid_status"
  | "questionnaire_mismatch"
  | "malformed_item"
  | "wrong_position"
  | "duplicate_item"
  | "display_item"
  | "answer_on_group"
  | "item_and_answer"
  | "answer_to_disabled_item";

const RESPONSE_STATUSES = new Set(["in-progress", "completed", "amended", "entered-in-error", "stopped"]);

/**
 * Checks a stored R4 `QuestionnaireResponse` against its questionnaire: every linkId exists and
 * sits where the questionnaire puts it, answer types and options match, no hidden item has an
 * answer, and for status "completed" every required item is answered.
 */
export function validateQuestionnaireResponse(
  questionnaire: Questionnaire,
  responseJson: unknown,
): { ok: boolean; issues: ResponseIssue[] } {
  const issues: ResponseIssue[] = [];
  const add = (path: string, code: ResponseIssueCode, message: string) => issues.push({ path, code, message });

  if (!isJsonObject(responseJson) || responseJson.resourceType !== "QuestionnaireResponse") {
    add("", "not_a_response", "Expected a JSON object with resourceType QuestionnaireResponse.");
    return { ok: false, issues };
  }
  const { status, questionnaire: canonical } = responseJson;
  if (typeof status !== "string" || !RESPONSE_STATUSES.has(status)) {
    add("status", "invalid_status", `Invalid status ${JSON.stringify(status)}.`);
  }
  const { url } = questionnaire;
  if (typeof canonical !== "string" || (url !== undefined && canonical !== url && !canonical.startsWith(`${url}|`))) {
    add(
      "questionnaire",
      "questionnaire_mismatch",
      `The response does not point at questionnaire ${url ?? "(no url)"}.`,
    );
  }

  const answers: AnswerSet = {};
  const paths = new Map<string, string>();
  walkItems(questionnaire, responseJson, undefined, "", { answers, paths, add });

  const mode = status === "completed" ? "submit" : "draft";
  const result = validateAnswers(questionnaire, answers, mode);
  for (const error of result.errors) {
    add(paths.get(error.linkId) ?? "", error.code, `Item "${error.linkId}" fails the check "${error.code}".`);
  }
  for (const linkId of Object.keys(answers)) {
    const rejected = result.errors.some((error) => error.linkId === linkId);
    if (!rejected && result.answers[linkId] === undefined) {
      add(
        paths.get(linkId) ?? "",
        "answer_to_disabled_item",
        `Item "${linkId}" is hidden by enableWhen but has an answer.`,
      );
    }
  }
  return { ok: issues.length === 0, issues };
}

interface WalkState {
  answers: AnswerSet;
  paths: Map<string, string>;
  add: (path: string, code: ResponseIssueCode, message: string) => void;
}

function walkItems(
  questionnaire: Questionnaire,
  container: JsonObject,
  parent: QuestionnaireItem | undefined,
  containerPath: string,
  state: WalkState,
): void {
  const list = container.item;
  if (list === undefined) return;
  const listPath = containerPath === "" ? "item" : `${containerPath}.item`;
  if (!Array.isArray(list) || list.length === 0) {
    state.add(listPath, "malformed_item", "item must be a non-empty array.");
    return;
  }

  const index = indexItems(questionnaire);
  const seen = new Set<string>();
  list.forEach((entry, position) => {
    const path = `${listPath}[${position}]`;
    if (!isJsonObject(entry) || typeof entry.linkId !== "string") {
      state.add(path, "malformed_item", `Expected an item with a linkId, found ${jsonTypeName(entry)}.`);
      return;
    }

    const item = index.byLinkId.get(entry.linkId);
    if (!item) {
      state.add(path, "unknown_item", `The questionnaire has no item "${entry.linkId}".`);
      return;
    }
    if (index.parentOf.get(item.linkId) !== parent) {
      state.add(path, "wrong_position", `Item "${item.linkId}" is not nested where the questionnaire puts it.`);
    }
    if (seen.has(item.linkId)) state.add(path, "duplicate_item", `Item "${item.linkId}" appears twice.`);
    seen.add(item.linkId);
    state.paths.set(item.linkId, path);

    if (item.type === "display") {
      state.add(path, "display_item", `Display item "${item.linkId}" cannot appear in a response.`);
    } else if (item.type === "group") {
      if (entry.answer !== undefined) state.add(path, "answer_on_group", `Group "${item.linkId}" cannot have answers.`);
      walkItems(questionnaire, entry, item, path, state);
    } else if (isQuestion(item)) {
      walkAnswers(questionnaire, item, entry, path, state);
    }
  });
}

function walkAnswers(
  questionnaire: Questionnaire,
  question: QuestionItem,
  entry: JsonObject,
  path: string,
  state: WalkState,
) {
  const { answer } = entry;
  if (answer === undefined) {
    walkItems(questionnaire, entry, question, path, state);
    return;
  }
  if (!Array.isArray(answer) || answer.length === 0) {
    state.add(`${path}.answer`, "malformed_item", "answer must be a non-empty array.");
    return;
  }
  if (entry.item !== undefined) {
    state.add(path, "item_and_answer", "Nested items of an answered question belong under its answer.");
  }

  const values: AnswerValue[] = [];
  answer.forEach((json, position) => {
    const answerPath = `${path}.answer[${position}]`;
    const value = isJsonObject(json) ? toAnswerValue(question, json) : undefined;
    if (!value || !isJsonObject(json)) {
      state.add(answerPath, "wrong_type", `The answer does not fit a ${question.type} item.`);
      return;
    }
    values.push(value);
    walkItems(questionnaire, json, question, answerPath, state);
  });
  state.answers[question.linkId] = values;
}

/** Reads the `value[x]` of a response answer as an answer value for `question`. */
function toAnswerValue(question: QuestionItem, answer: JsonObject): AnswerValue | undefined {
  const keys = Object.keys(answer).filter((key) => key.startsWith("value"));
  if (keys.length !== 1) return undefined;

  const { valueBoolean, valueDecimal, valueInteger, valueDate, valueString, valueCoding } = answer;
  if (typeof valueBoolean === "boolean") return { type: "boolean", value: valueBoolean };
  if (typeof valueDecimal === "number") return { type: "decimal", value: valueDecimal };
  if (typeof valueInteger === "number") return { type: "integer", value: valueInteger };
  if (typeof valueDate === "string") return { type: "date", value: valueDate };
  if (isJsonObject(valueCoding) && typeof valueCoding.code === "string") {
    const { system, display } = valueCoding;
    return {
      type: "coding",
      value: {
        code: valueCoding.code,
        ...(typeof system === "string" ? { system } : {}),
        ...(typeof display === "string" ? { display } : {}),
      },
    };
  }
  if (typeof valueString !== "string") return undefined;

  // Open-choice free text is stored as valueString too; an option match makes it a choice.
  const asOption: AnswerValue = { type: "string", value: valueString };
  if (question.type === "open-choice" && !findOption(question, asOption)) return { type: "other", value: valueString };
  return asOption;
}
