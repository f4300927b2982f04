import { type AnswerErrorCode, type FieldError, PAYLOAD_LINK_ID } from "./answer-errors";
import { valuesEqual } from "./answer-match";
import { parseAnswer } from "./answer-parse";
import { enabledLinkIds } from "./enable-when";
import { indexItems } from "./item-index";
import { isJsonObject } from "./json";
import {
  type AnswerSet,
  type AnswerValue,
  isQuestion,
  type QuestionItem,
  type Questionnaire,
  type QuestionnaireItem,
} from "./model";

export type { AnswerErrorCode, FieldError } from "./answer-errors";

/**
 * Largest accepted answer payload, as UTF-8 JSON. 256 KiB holds a long questionnaire full of
 * free text many times over; endpoints should also cap the request body before parsing it.
 */
export const MAX_ANSWER_PAYLOAD_BYTES = 256 * 1024;

export type ValidationMode = "draft" | "submit";

export interface ValidationResult {
  ok: boolean;
  /** At most one error per linkId, in the order the page shows the items; payload errors first. */
  errors: FieldError[];
  /** The accepted answers: hidden items removed, read-only items set to their initial values. */
  answers: AnswerSet;
}

/**
 * Parses and checks an untrusted answer payload `{ [linkId]: AnswerValue[] }` against the
 * questionnaire. Draft and submit apply the same rules except that only "submit" requires
 * answers (`required`, `too_few_answers`). Answers to items hidden by enableWhen are dropped in
 * both modes, as are errors on hidden items, because the client never sees those fields.
 *
 * @example
 * const result = validateAnswers(questionnaire, await request.json(), "submit");
 * if (!result.ok) return Response.json({ errors: result.errors }, { status: 422 });
 */
export function validateAnswers(questionnaire: Questionnaire, input: unknown, mode: ValidationMode): ValidationResult {
  const payloadError = checkPayload(input);
  if (payloadError) return { ok: false, errors: [{ linkId: PAYLOAD_LINK_ID, code: payloadError }], answers: {} };
  if (!isJsonObject(input))
    return { ok: false, errors: [{ linkId: PAYLOAD_LINK_ID, code: "invalid_payload" }], answers: {} };

  const index = indexItems(questionnaire);
  const errors = new Map<string, AnswerErrorCode>();
  const parsed: AnswerSet = {};

  for (const [linkId, values] of Object.entries(input)) {
    const item = index.byLinkId.get(linkId);
    if (!item) {
      errors.set(linkId, "unknown_item");
      continue;
    }
    const result = isQuestion(item) ? parseItemAnswers(item, values) : { error: "wrong_type" as const };
    if ("error" in result) errors.set(linkId, result.error);
    else if (result.values.length > 0) parsed[linkId] = result.values;
  }

  // The server, not the client, decides the answers of read-only items, whatever the client sent.
  for (const item of index.items) {
    if (isQuestion(item) && item.readOnly && item.initial.length > 0) {
      parsed[item.linkId] = item.initial;
    }
  }

  const enabled = enabledLinkIds(questionnaire, parsed);
  const answers: AnswerSet = {};
  for (const [linkId, values] of Object.entries(parsed)) {
    if (enabled.has(linkId)) answers[linkId] = values;
  }
  for (const linkId of errors.keys()) {
    if (index.byLinkId.has(linkId) && !enabled.has(linkId)) errors.delete(linkId);
  }
  if (mode === "submit") addMissingAnswers(index.items, enabled, answers, errors);

  const sorted = [...errors].sort(([left], [right]) => positionOf(left) - positionOf(right));
  return { ok: sorted.length === 0, errors: sorted.map(([linkId, code]) => ({ linkId, code })), answers };

  function positionOf(linkId: string): number {
    return index.positionOf.get(linkId) ?? Number.MAX_SAFE_INTEGER;
  }
}

function checkPayload(input: unknown): AnswerErrorCode | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(input);
  } catch {
    return "invalid_payload";
  }
  if (text === undefined) return "invalid_payload";

  return new TextEncoder().encode(text).length > MAX_ANSWER_PAYLOAD_BYTES ? "payload_too_large" : undefined;
}

function parseItemAnswers(
  question: QuestionItem,
  raw: unknown,
): { values: AnswerValue[] } | { error: AnswerErrorCode } {
  if (!Array.isArray(raw)) return { error: "wrong_type" };

  const values: AnswerValue[] = [];
  for (const rawValue of raw) {
    const result = parseAnswer(question, rawValue);
    if (result.ok === false) return { error: result.code };
    if (result.ok === "empty") continue;
    if (values.some((value) => valuesEqual(value, result.value))) return { error: "duplicate_answer" };
    values.push(result.value);
  }

  if (values.length > 1 && !question.repeats) return { error: "too_many_answers" };
  if (question.maxOccurs !== undefined && values.length > question.maxOccurs) return { error: "too_many_answers" };
  if (question.readOnly && !sameValues(values, question.initial)) return { error: "read_only" };
  return { values };
}

/** Read-only answers pass when they are empty or repeat the initial values. */
function sameValues(values: AnswerValue[], initial: AnswerValue[]): boolean {
  if (values.length === 0) return true;
  return (
    values.length === initial.length &&
    values.every((value, index) => {
      const expected = initial[index];
      return expected !== undefined && valuesEqual(value, expected);
    })
  );
}

/**
 * Adds `required` and `too_few_answers` errors. A required question is required whenever it is
 * shown, also inside a group that is not required itself; a required group needs one answered
 * question anywhere below it.
 */
function addMissingAnswers(
  items: QuestionnaireItem[],
  enabled: Set<string>,
  answers: AnswerSet,
  errors: Map<string, AnswerErrorCode>,
): void {
  const answerCount = (linkId: string) => answers[linkId]?.length ?? 0;
  const hasAnsweredQuestion = (item: QuestionnaireItem): boolean =>
    item.items.some((child) => (isQuestion(child) && answerCount(child.linkId) > 0) || hasAnsweredQuestion(child));

  for (const item of items) {
    if (!enabled.has(item.linkId) || errors.has(item.linkId)) continue;

    if (item.type === "group") {
      if (item.required && !hasAnsweredQuestion(item)) errors.set(item.linkId, "required");
      continue;
    }
    if (!isQuestion(item)) continue;

    const count = answerCount(item.linkId);
    if (item.required && count === 0) errors.set(item.linkId, "required");
    else if (item.minOccurs !== undefined && count > 0 && count < item.minOccurs)
      errors.set(item.linkId, "too_few_answers");
  }
}
