/**
 * The closed set of answer error codes. The UI maps each to Dutch or English text; the server
 * never sends a message of its own.
 */
export const ANSWER_ERROR_CODES = [
  "required",
  "unknown_item",
  "wrong_type",
  "below_min",
  "above_max",
  "too_long",
  "not_an_option",
  "too_many_answers",
  "too_few_answers",
  "duplicate_answer",
  "invalid_date",
  "read_only",
  "invalid_payload",
  "payload_too_large",
] as const;

export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number];

/** One error, on the item with `linkId`, or on the payload as a whole when `linkId` is empty. */
export interface FieldError {
  linkId: string;
  code: AnswerErrorCode;
}

/** The linkId of errors about the payload as a whole; R4 linkIds are never empty. */
export const PAYLOAD_LINK_ID = "";
