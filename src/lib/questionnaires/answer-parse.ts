import type { AnswerErrorCode } from "./answer-errors";
import { findOption } from "./answer-match";
import { countCharacters, isCalendarDate, isJsonObject } from "./json";
import type { AnswerValue, Coding, QuestionItem } from "./model";

/** An answer value from the network, checked against its question. */
export type ParsedAnswer = { ok: true; value: AnswerValue } | { ok: false; code: AnswerErrorCode } | { ok: "empty" };

const WRONG_TYPE = { ok: false, code: "wrong_type" } as const;

/**
 * Parses one untrusted answer value `{ type, value }` for `question`. Choice answers come back as
 * the matching option's value, so a client cannot store a display text of its own. Strings are
 * trimmed; a blank string is `empty`, as a cleared field is not an answer.
 */
export function parseAnswer(question: QuestionItem, raw: unknown): ParsedAnswer {
  if (!isJsonObject(raw) || typeof raw.type !== "string") return WRONG_TYPE;
  const { type, value } = raw;

  switch (type) {
    case "boolean":
      if (question.type !== "boolean" || typeof value !== "boolean") return WRONG_TYPE;
      return { ok: true, value: { type, value } };

    case "decimal":
    case "integer":
      return parseNumber(question, type, value);

    case "date":
      if (question.type !== "date" || typeof value !== "string") return WRONG_TYPE;
      if (!isCalendarDate(value)) return { ok: false, code: "invalid_date" };
      if (question.minDate !== undefined && value < question.minDate) return { ok: false, code: "below_min" };
      if (question.maxDate !== undefined && value > question.maxDate) return { ok: false, code: "above_max" };
      return { ok: true, value: { type, value } };

    case "string":
    case "other":
      return parseText(question, type, value);

    case "coding":
      return parseCodingAnswer(question, value);

    default:
      return WRONG_TYPE;
  }
}

function parseNumber(question: QuestionItem, type: "decimal" | "integer", value: unknown): ParsedAnswer {
  if (typeof value !== "number" || !Number.isFinite(value)) return WRONG_TYPE;
  if (type === "integer" && !Number.isSafeInteger(value)) return WRONG_TYPE;

  if (question.type === "choice" || question.type === "open-choice") {
    return type === "integer" ? matchOption(question, { type, value }) : WRONG_TYPE;
  }
  if (question.type !== type) return WRONG_TYPE;

  if (question.minValue !== undefined && value < question.minValue) return { ok: false, code: "below_min" };
  if (question.maxValue !== undefined && value > question.maxValue) return { ok: false, code: "above_max" };
  return { ok: true, value: { type, value } };
}

function parseText(question: QuestionItem, type: "string" | "other", value: unknown): ParsedAnswer {
  if (typeof value !== "string") return WRONG_TYPE;

  const isChoice = question.type === "choice" || question.type === "open-choice";
  if (type === "string" && isChoice) return matchOption(question, { type, value });

  const textTypes = type === "string" ? ["string", "text"] : ["open-choice"];
  if (!textTypes.includes(question.type)) return WRONG_TYPE;

  const trimmed = value.trim();
  if (trimmed === "") return { ok: "empty" };
  if (question.maxLength !== undefined && countCharacters(trimmed) > question.maxLength) {
    return { ok: false, code: "too_long" };
  }
  return { ok: true, value: { type, value: trimmed } };
}

function parseCodingAnswer(question: QuestionItem, value: unknown): ParsedAnswer {
  if (question.type !== "choice" && question.type !== "open-choice") return WRONG_TYPE;
  if (!isJsonObject(value) || typeof value.code !== "string") return WRONG_TYPE;

  const { system, display } = value;
  if (system !== undefined && typeof system !== "string") return WRONG_TYPE;
  if (display !== undefined && typeof display !== "string") return WRONG_TYPE;

  const coding: Coding = { code: value.code };
  if (system !== undefined) coding.system = system;
  return matchOption(question, { type: "coding", value: coding });
}

function matchOption(question: QuestionItem, answer: AnswerValue): ParsedAnswer {
  if (!question.options.some((option) => option.value.type === answer.type)) return WRONG_TYPE;

  const option = findOption(question, answer);
  return option ? { ok: true, value: option.value } : { ok: false, code: "not_an_option" };
}
