import { enabledLinkIds } from "./enable-when";
import type { AnswerSet, AnswerValue, Questionnaire, QuestionnaireItem } from "./model";
import { isQuestion } from "./model";

export interface ResponseMeta {
  id: string;
  status: "in-progress" | "completed";
  /** Date and time of the last change, ISO 8601 with offset, e.g. "2026-03-02T14:32:00+01:00". */
  authored: string;
  /** Reference to the client, e.g. "Patient/123". */
  subjectReference?: string;
  /** Canonical of the questionnaire, e.g. "https://veranda.example/fhir/Questionnaire/phq-9|1.0.0". */
  questionnaireCanonical: string;
}

/** JSON of one `QuestionnaireResponse.item`. */
export interface ResponseItemJson {
  linkId: string;
  text?: string;
  answer?: { [valueKey: string]: unknown; item?: ResponseItemJson[] }[];
  item?: ResponseItemJson[];
}

/** JSON of a `QuestionnaireResponse` as built here. */
export interface QuestionnaireResponseJson {
  resourceType: "QuestionnaireResponse";
  id: string;
  questionnaire: string;
  status: ResponseMeta["status"];
  authored: string;
  subject?: { reference: string };
  item?: ResponseItemJson[];
}

/**
 * Builds an R4 `QuestionnaireResponse` whose items mirror the questionnaire: groups contain their
 * items, and items nested under a question sit under its answer (or under the question itself when
 * it has no answer, which R4 also allows). Unanswered and hidden items are left out, so answers
 * to items hidden by enableWhen are never stored. Pass answers from `validateAnswers`.
 */
export function toQuestionnaireResponse(
  questionnaire: Questionnaire,
  answers: AnswerSet,
  meta: ResponseMeta,
): QuestionnaireResponseJson {
  const enabled = enabledLinkIds(questionnaire, answers);

  const buildItems = (items: QuestionnaireItem[]): ResponseItemJson[] => items.flatMap((item) => buildItem(item));

  const buildItem = (item: QuestionnaireItem): ResponseItemJson[] => {
    if (item.type === "display" || !enabled.has(item.linkId)) return [];

    const children = buildItems(item.items);
    const values = isQuestion(item) ? (answers[item.linkId] ?? []) : [];
    const base: ResponseItemJson = { linkId: item.linkId, ...(item.text === undefined ? {} : { text: item.text }) };

    if (values.length === 0) return children.length === 0 ? [] : [{ ...base, item: children }];

    const answer = values.map((value, index) => ({
      ...toValueJson(value),
      // Follow-up questions belong to the (single) answer they follow up on.
      ...(index === 0 && children.length > 0 ? { item: children } : {}),
    }));
    return [{ ...base, answer }];
  };

  // FHIR JSON forbids empty arrays, so a response without answers has no `item` at all.
  const items = buildItems(questionnaire.items);
  return {
    resourceType: "QuestionnaireResponse",
    id: meta.id,
    questionnaire: meta.questionnaireCanonical,
    status: meta.status,
    authored: meta.authored,
    ...(meta.subjectReference === undefined ? {} : { subject: { reference: meta.subjectReference } }),
    ...(items.length === 0 ? {} : { item: items }),
  };
}

/** Returns the `value[x]` member of an answer, e.g. `{ valueCoding: {...} }`. */
export function toValueJson(value: AnswerValue): Record<string, unknown> {
  switch (value.type) {
    case "boolean":
      return { valueBoolean: value.value };
    case "decimal":
      return { valueDecimal: value.value };
    case "integer":
      return { valueInteger: value.value };
    case "date":
      return { valueDate: value.value };
    case "string":
    case "other":
      return { valueString: value.value };
    case "coding":
      return { valueCoding: { ...value.value } };
  }
}
