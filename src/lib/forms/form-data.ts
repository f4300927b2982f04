import {
  type AnswerValue,
  isQuestion,
  type QuestionItem,
  type Questionnaire,
  type QuestionnaireItem,
} from "../questionnaires";

/** Name of the form field of an item; the island and the server-rendered form use the same names. */
export function fieldName(linkId: string): string {
  return `answer:${linkId}`;
}

/** Name of the free-text field of an open-choice item. */
export function otherFieldName(linkId: string): string {
  return `answer:${linkId}:other`;
}

/** Value of a choice option in a form: its index, so the server maps it back to the exact option. */
export function optionFieldValue(index: number): string {
  return `option:${index}`;
}

function walk(items: QuestionnaireItem[], visit: (question: QuestionItem) => void) {
  for (const item of items) {
    if (isQuestion(item)) visit(item);
    walk(item.items, visit);
  }
}

/**
 * A raw answer the validator parses like JSON from the island: values it cannot read stay
 * strings, so `validateAnswers` reports `wrong_type` rather than this function guessing.
 */
function rawValue(question: QuestionItem, text: string): unknown {
  const option = /^option:(\d+)$/.exec(text);
  if (option && (question.type === "choice" || question.type === "open-choice")) {
    return question.options[Number(option[1])]?.value ?? { type: "string", value: text };
  }

  switch (question.type) {
    case "boolean":
      if (text === "true") return { type: "boolean", value: true };
      if (text === "false") return { type: "boolean", value: false };
      return { type: "boolean", value: text };
    case "integer":
    case "decimal": {
      const number = Number(text.replace(",", "."));
      return { type: question.type, value: text.trim() !== "" && Number.isFinite(number) ? number : text };
    }
    case "date":
      return { type: "date", value: text };
    case "open-choice":
      return { type: "other", value: text };
    default:
      return { type: "string", value: text };
  }
}

/**
 * Reads the answers of the server-rendered form (used without JavaScript) into the untrusted
 * `{ linkId: AnswerValue[] }` shape that `validateAnswers` checks. Empty fields are left out.
 */
export function answersFromForm(questionnaire: Questionnaire, form: FormData): Record<string, unknown[]> {
  const answers: Record<string, unknown[]> = {};

  walk(questionnaire.items, (question) => {
    const values: unknown[] = [];
    for (const entry of form.getAll(fieldName(question.linkId))) {
      if (typeof entry === "string" && entry.trim() !== "") values.push(rawValue(question, entry));
    }
    const other = form.get(otherFieldName(question.linkId));
    if (question.type === "open-choice" && typeof other === "string" && other.trim() !== "") {
      values.push({ type: "other", value: other.trim() } satisfies AnswerValue);
    }
    if (values.length > 0) answers[question.linkId] = values;
  });
  return answers;
}
