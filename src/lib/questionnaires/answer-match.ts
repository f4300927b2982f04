import type { AnswerOption, AnswerValue, Coding, QuestionItem } from "./model";

/**
 * Returns true when two codings name the same concept: equal codes, and equal systems when both
 * carry one. Hand-written forms often leave the system out of `enableWhen.answerCoding`.
 */
export function codingsMatch(left: Coding, right: Coding): boolean {
  if (left.code !== right.code) return false;
  return left.system === undefined || right.system === undefined || left.system === right.system;
}

/** Returns true when an answer equals an enableWhen or option value of a comparable type. */
export function valuesEqual(answer: AnswerValue, expected: AnswerValue): boolean {
  const answerNumber = numericValue(answer);
  const expectedNumber = numericValue(expected);
  if (answerNumber !== undefined && expectedNumber !== undefined) return answerNumber === expectedNumber;

  if (answer.type === "coding" || expected.type === "coding") {
    return answer.type === "coding" && expected.type === "coding" && codingsMatch(answer.value, expected.value);
  }
  // Free text of an open-choice item compares with a string condition.
  if (isText(answer) && isText(expected)) return answer.value === expected.value;
  return answer.type === expected.type && answer.value === expected.value;
}

function isText(value: AnswerValue): boolean {
  return value.type === "string" || value.type === "other";
}

/**
 * Orders an answer against a value: negative, zero or positive, or undefined when the two are
 * not both numbers or both dates. Dates `YYYY-MM-DD` order as strings.
 */
export function compareValues(answer: AnswerValue, expected: AnswerValue): number | undefined {
  const answerNumber = numericValue(answer);
  const expectedNumber = numericValue(expected);
  if (answerNumber !== undefined && expectedNumber !== undefined) return answerNumber - expectedNumber;

  if (answer.type === "date" && expected.type === "date") {
    if (answer.value === expected.value) return 0;
    return answer.value < expected.value ? -1 : 1;
  }
  return undefined;
}

function numericValue(value: AnswerValue): number | undefined {
  return value.type === "decimal" || value.type === "integer" ? value.value : undefined;
}

/** Returns the option of `question` that `answer` selects, if any. */
export function findOption(question: QuestionItem, answer: AnswerValue): AnswerOption | undefined {
  return question.options.find((option) => {
    const { value } = option;
    if (value.type === "coding") return answer.type === "coding" && codingsMatch(value.value, answer.value);
    return answer.type === value.type && answer.value === value.value;
  });
}
