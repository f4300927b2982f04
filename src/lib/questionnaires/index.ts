/**
 * The questionnaire engine: FHIR R4 Questionnaire import, answer validation, enableWhen,
 * QuestionnaireResponse building and checking, and PHQ-9 / GAD-7 scoring. Pure TypeScript without
 * Node or Cloudflare APIs, so the browser, workerd and Node all run the same code.
 */

export type { AnswerErrorCode, FieldError } from "./answer-errors";
export { ANSWER_ERROR_CODES, PAYLOAD_LINK_ID } from "./answer-errors";
export { enabledLinkIds, isItemEnabled } from "./enable-when";
export type { ImportIssue, ImportIssueCode, ImportResult } from "./import/questionnaire";
export { importQuestionnaire, serializeQuestionnaire } from "./import/questionnaire";
export { GAD7_EN, GAD7_NL, GAD7_URL, GAD7_VERSION } from "./instruments/gad-7";
export { PHQ9_EN, PHQ9_NL, PHQ9_URL, PHQ9_VERSION } from "./instruments/phq-9";
export { countQuestions, indexItems, listQuestions } from "./item-index";
export * from "./model";
export type { QuestionnaireResponseJson, ResponseItemJson, ResponseMeta } from "./response";
export { toQuestionnaireResponse } from "./response";
export type { Gad7Band, Instrument, Phq9Band, ScoreResult } from "./scoring";
export { scoreResponse } from "./scoring";
export type { ValidationMode, ValidationResult } from "./validate-answers";
export { MAX_ANSWER_PAYLOAD_BYTES, validateAnswers } from "./validate-answers";
export type { ResponseIssue, ResponseIssueCode } from "./validate-response";
export { validateQuestionnaireResponse } from "./validate-response";
