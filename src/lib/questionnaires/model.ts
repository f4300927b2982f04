/**
 * The normalized questionnaire model that the importer produces from a FHIR R4 `Questionnaire` and
 * that the renderer, the answer validator, the response builder and scoring read. Only the subset
 * Veranda supports appears here; the original resource is kept in `source` for storage and export.
 */

/** The item types of the supported subset of R4 `Questionnaire.item.type`. */
export const ITEM_TYPES = [
  "group",
  "display",
  "boolean",
  "decimal",
  "integer",
  "date",
  "string",
  "text",
  "choice",
  "open-choice",
] as const;

export type ItemType = (typeof ITEM_TYPES)[number];
export type QuestionType = Exclude<ItemType, "group" | "display">;

export const QUESTIONNAIRE_STATUSES = ["draft", "active", "retired", "unknown"] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

export interface Coding {
  system?: string;
  code: string;
  display?: string;
}

/**
 * One answer value. `other` is the free text of an `open-choice` item, stored as `valueString`;
 * `date` is a full calendar date `YYYY-MM-DD`.
 */
export type AnswerValue =
  | { type: "boolean"; value: boolean }
  | { type: "decimal"; value: number }
  | { type: "integer"; value: number }
  | { type: "date"; value: string }
  | { type: "string"; value: string }
  | { type: "coding"; value: Coding }
  | { type: "other"; value: string };

export type AnswerValueType = AnswerValue["type"];

/** Answers by linkId. Items without an answer are absent or have an empty list. */
export type AnswerSet = Record<string, AnswerValue[]>;

/** The value of an `answerOption`: R4 allows more types, Veranda supports these three. */
export type OptionValue = Extract<AnswerValue, { type: "coding" | "string" | "integer" }>;

export interface AnswerOption {
  value: OptionValue;
  initialSelected: boolean;
  /** Label shown before the option (`questionnaire-optionPrefix`), e.g. "a)". */
  prefix?: string;
  /** Score of the option (`ordinalValue`, or the older `itemWeight` / `iso21090-CO-value`). */
  ordinalValue?: number;
}

export const ENABLE_WHEN_OPERATORS = ["exists", "=", "!=", ">", "<", ">=", "<="] as const;
export type EnableWhenOperator = (typeof ENABLE_WHEN_OPERATORS)[number];

/** One `enableWhen` condition. `answer` is a boolean for `exists`, else a value of the question's type. */
export type EnableWhen =
  | { question: string; operator: "exists"; answer: boolean }
  | { question: string; operator: Exclude<EnableWhenOperator, "exists">; answer: AnswerValue };

export type EnableBehavior = "all" | "any";

/** The three item controls the renderer supports; others are reported and ignored at import. */
export type ItemControl = "radio-button" | "check-box" | "drop-down";

export type DisplayCategory = "instructions" | "security" | "help";

interface ItemBase {
  linkId: string;
  /** Plain text only: markup from `rendering-xhtml` is never kept. */
  text?: string;
  prefix?: string;
  enableWhen: EnableWhen[];
  enableBehavior: EnableBehavior;
  /** Nested items. Under a question they are follow-ups shown beneath it. */
  items: QuestionnaireItem[];
}

export interface GroupItem extends ItemBase {
  type: "group";
  /** True when at least one nested question must be answered. */
  required: boolean;
}

export interface DisplayItem extends ItemBase {
  type: "display";
  displayCategory?: DisplayCategory;
}

export interface QuestionItem extends ItemBase {
  type: QuestionType;
  required: boolean;
  repeats: boolean;
  readOnly: boolean;
  /** Maximum length in characters (Unicode code points) of string, text and open-choice free text. */
  maxLength?: number;
  /** Bounds of decimal and integer answers (`minValue` / `maxValue` extensions), inclusive. */
  minValue?: number;
  maxValue?: number;
  /** Bounds of date answers as `YYYY-MM-DD`, inclusive. */
  minDate?: string;
  maxDate?: string;
  /** Minimum and maximum number of answers of a repeating item (`questionnaire-minOccurs/maxOccurs`). */
  minOccurs?: number;
  maxOccurs?: number;
  options: AnswerOption[];
  /** Values to prefill: `initial[x]`, or the options marked `initialSelected`. */
  initial: AnswerValue[];
  control?: ItemControl;
  /** Hint shown in an empty field (`entryFormat`). */
  placeholder?: string;
  /** Unit shown beside a numeric field (`questionnaire-unit`). */
  unit?: string;
  choiceOrientation?: "horizontal" | "vertical";
}

export type QuestionnaireItem = GroupItem | DisplayItem | QuestionItem;

export interface Questionnaire {
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  description?: string;
  status: QuestionnaireStatus;
  /** BCP 47 language tag of the resource, e.g. "nl" or "en". */
  language?: string;
  items: QuestionnaireItem[];
  /** The imported resource as given (a JSON deep copy), for storage and export. */
  source: Readonly<Record<string, unknown>>;
}

/** Returns true for the item types that take answers. */
export function isQuestion(item: QuestionnaireItem): item is QuestionItem {
  return item.type !== "group" && item.type !== "display";
}
