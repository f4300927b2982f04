/**
 * Builds the FHIR R4 Questionnaire JSON of a PHQ-style instrument: one group of questions that all
 * share the four-point frequency scale scored 0–3, and a follow-up about difficulty that shows once
 * any problem was reported. The JSON passes through `importQuestionnaire` like any upload.
 */

const LOINC = "http://loinc.org";
const ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

/** LOINC answer list LL358-3, shared by PHQ-9 and GAD-7, with the score of each answer. */
const FREQUENCY_CODES = [
  { code: "LA6568-5", score: 0 },
  { code: "LA6569-3", score: 1 },
  { code: "LA6570-1", score: 2 },
  { code: "LA6571-9", score: 3 },
] as const;

/** LOINC answer list of the unscored difficulty question. */
const DIFFICULTY_CODES = ["LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3"] as const;

export interface FrequencyInstrumentText {
  id: string;
  url: string;
  version: string;
  name: string;
  language: "nl" | "en";
  title: string;
  description: string;
  copyright: string;
  /** linkId prefix, e.g. "phq9". Questions get `${prefix}-1`, `${prefix}-2`, ... */
  linkIdPrefix: string;
  stem: string;
  questions: readonly { text: string; loincCode?: string }[];
  /** Displays of the four frequency answers, from "not at all" to "nearly every day". */
  frequencyLabels: readonly [string, string, string, string];
  difficulty: { text: string; loincCode?: string; labels: readonly [string, string, string, string] };
}

const radioButtons = {
  url: ITEM_CONTROL,
  valueCodeableConcept: {
    coding: [{ system: "http://hl7.org/fhir/questionnaire-item-control", code: "radio-button" }],
  },
};

/** Returns the Questionnaire resource of a frequency-scale instrument. */
export function buildFrequencyInstrument(text: FrequencyInstrumentText): Record<string, unknown> {
  const prefix = text.linkIdPrefix;
  const noProblem = FREQUENCY_CODES[0].code;

  const questions = text.questions.map((question, index) => ({
    linkId: `${prefix}-${index + 1}`,
    ...(question.loincCode ? { code: [{ system: LOINC, code: question.loincCode }] } : {}),
    prefix: `${index + 1}.`,
    text: question.text,
    type: "choice",
    required: true,
    extension: [radioButtons],
    answerOption: FREQUENCY_CODES.map(({ code, score }, answerIndex) => ({
      extension: [{ url: ORDINAL_VALUE, valueDecimal: score }],
      valueCoding: { system: LOINC, code, display: text.frequencyLabels[answerIndex] },
    })),
  }));

  const difficulty = {
    linkId: `${prefix}-difficulty`,
    ...(text.difficulty.loincCode ? { code: [{ system: LOINC, code: text.difficulty.loincCode }] } : {}),
    text: text.difficulty.text,
    type: "choice",
    extension: [radioButtons],
    enableWhen: questions.map((question) => ({
      question: question.linkId,
      operator: "!=",
      answerCoding: { system: LOINC, code: noProblem },
    })),
    enableBehavior: "any",
    answerOption: DIFFICULTY_CODES.map((code, index) => ({
      valueCoding: { system: LOINC, code, display: text.difficulty.labels[index] },
    })),
  };

  return {
    resourceType: "Questionnaire",
    id: text.id,
    url: text.url,
    version: text.version,
    name: text.name,
    title: text.title,
    status: "active",
    language: text.language,
    description: text.description,
    copyright: text.copyright,
    item: [{ linkId: `${prefix}-items`, text: text.stem, type: "group", item: questions }, difficulty],
  };
}
