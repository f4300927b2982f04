import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  type AnswerSet,
  toQuestionnaireResponse,
  validateAnswers,
  validateQuestionnaireResponse,
} from "../../../src/lib/questionnaires";
import { importOrFail, questionnaireJson } from "./helpers";

// The oracle below reads this raw JSON directly and re-implements the rules in the simplest way,
// without the engine's model, so a bug shared by importer and validator cannot hide here.
type RawItem = Record<string, unknown> & { linkId: string; type: string; item?: RawItem[] };

const core = "http://hl7.org/fhir/StructureDefinition/";
const bounds = (min: unknown, max: unknown, key: string) => [
  { url: `${core}minValue`, [key]: min },
  { url: `${core}maxValue`, [key]: max },
];
const coding = (code: string) => ({ system: "https://example.org/cs", code, display: code.toUpperCase() });

const ITEMS: RawItem[] = [
  { linkId: "consent", type: "boolean", required: true },
  { linkId: "age", type: "integer", required: true, extension: bounds(0, 120, "valueInteger") },
  { linkId: "weight", type: "decimal", extension: bounds(20, 300, "valueDecimal") },
  { linkId: "born", type: "date", extension: bounds("1900-01-01", "2030-12-31", "valueDate") },
  { linkId: "name", type: "string", required: true, maxLength: 10 },
  { linkId: "notes", type: "text" },
  {
    linkId: "mood",
    type: "choice",
    required: true,
    answerOption: ["good", "ok", "bad"].map((code) => ({ valueCoding: coding(code) })),
  },
  {
    linkId: "symptoms",
    type: "choice",
    repeats: true,
    extension: [{ url: `${core}questionnaire-maxOccurs`, valueInteger: 2 }],
    answerOption: ["a", "b", "c"].map((code) => ({ valueCoding: coding(code) })),
  },
  { linkId: "level", type: "choice", answerOption: [1, 2, 3].map((value) => ({ valueInteger: value })) },
  {
    linkId: "source",
    type: "open-choice",
    maxLength: 8,
    answerOption: [{ valueString: "GP" }, { valueString: "Friend" }],
  },
  { linkId: "clinic", type: "string", readOnly: true, initial: [{ valueString: "De Linde" }] },
  {
    linkId: "details",
    type: "group",
    required: true,
    enableWhen: [{ question: "consent", operator: "=", answerBoolean: true }],
    item: [
      { linkId: "smoker", type: "boolean" },
      {
        linkId: "cigarettes",
        type: "integer",
        required: true,
        enableWhen: [{ question: "smoker", operator: "=", answerBoolean: true }],
        extension: bounds(1, 100, "valueInteger"),
      },
      { linkId: "since", type: "date", enableWhen: [{ question: "cigarettes", operator: ">", answerInteger: 10 }] },
    ],
  },
  {
    linkId: "followup",
    type: "string",
    required: true,
    enableWhen: [{ question: "mood", operator: "!=", answerCoding: { code: "good" } }],
  },
  {
    linkId: "elderly",
    type: "group",
    enableBehavior: "any",
    enableWhen: [
      { question: "age", operator: ">=", answerInteger: 65 },
      { question: "symptoms", operator: "=", answerCoding: { code: "c" } },
    ],
    item: [{ linkId: "care", type: "text", required: true }],
  },
];

const { questionnaire } = importOrFail(questionnaireJson(ITEMS));

const byLinkId = new Map<string, { raw: RawItem; parent?: RawItem }>();
const collect = (items: RawItem[], parent?: RawItem) => {
  for (const raw of items) {
    byLinkId.set(raw.linkId, { raw, parent });
    collect(raw.item ?? [], raw);
  }
};
collect(ITEMS);
const QUESTION_IDS = [...byLinkId.values()].filter(({ raw }) => raw.type !== "group").map(({ raw }) => raw.linkId);

// ---- oracle ---------------------------------------------------------------------------------

type Value = { type: string; value: unknown };

function extensionValue(raw: RawItem, name: string): unknown {
  const list = (raw.extension ?? []) as Record<string, unknown>[];
  const found = list.find((extension) => extension.url === `${core}${name}`);
  return found?.valueInteger ?? found?.valueDecimal ?? found?.valueDate;
}

function optionValues(raw: RawItem): Value[] {
  return ((raw.answerOption ?? []) as Record<string, unknown>[]).map((option) => {
    if (option.valueCoding) return { type: "coding", value: option.valueCoding };
    if (option.valueInteger !== undefined) return { type: "integer", value: option.valueInteger };
    return { type: "string", value: option.valueString };
  });
}

/** JSON with sorted object keys, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, member: unknown) =>
    member && typeof member === "object" && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([left], [right]) => left.localeCompare(right)))
      : member,
  );
}

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function oracleValueOk(raw: RawItem, answer: Value): boolean {
  const min = extensionValue(raw, "minValue");
  const max = extensionValue(raw, "maxValue");
  const inBounds = (value: number | string) =>
    (min === undefined || value >= (min as number | string)) &&
    (max === undefined || value <= (max as number | string));
  const textOk = (value: unknown) =>
    typeof value === "string" &&
    value === value.trim() &&
    value !== "" &&
    (raw.maxLength === undefined || [...value].length <= (raw.maxLength as number));

  switch (raw.type) {
    case "boolean":
      return answer.type === "boolean" && typeof answer.value === "boolean";
    case "integer":
      return answer.type === "integer" && Number.isSafeInteger(answer.value) && inBounds(answer.value as number);
    case "decimal":
      return answer.type === "decimal" && Number.isFinite(answer.value) && inBounds(answer.value as number);
    case "date":
      return (
        answer.type === "date" && typeof answer.value === "string" && isRealDate(answer.value) && inBounds(answer.value)
      );
    case "string":
    case "text":
      return answer.type === "string" && textOk(answer.value);
    case "choice":
    case "open-choice": {
      const isOption = optionValues(raw).some((option) => canonical(option) === canonical(answer));
      return isOption || (raw.type === "open-choice" && answer.type === "other" && textOk(answer.value));
    }
  }
  return false;
}

function oracleEnabled(linkId: string, answers: AnswerSet): boolean {
  const entry = byLinkId.get(linkId);
  if (!entry) return false;
  if (entry.parent && !oracleEnabled(entry.parent.linkId, answers)) return false;

  const conditions = (entry.raw.enableWhen ?? []) as Record<string, unknown>[];
  if (conditions.length === 0) return true;

  const results = conditions.map((condition) => {
    const question = condition.question as string;
    const given = oracleEnabled(question, answers) ? (answers[question] ?? []) : [];
    const plain = given.map((answer) => (answer.type === "coding" ? answer.value.code : answer.value));
    const expected =
      condition.answerBoolean ?? condition.answerInteger ?? (condition.answerCoding as { code?: string })?.code;

    switch (condition.operator) {
      case "=":
        return plain.includes(expected as never);
      case "!=":
        return plain.length > 0 && !plain.includes(expected as never);
      case ">":
        return plain.some((value) => (value as number) > (expected as number));
      case ">=":
        return plain.some((value) => (value as number) >= (expected as number));
    }
    throw new Error(`oracle lacks operator ${String(condition.operator)}`);
  });
  return entry.raw.enableBehavior === "any" ? results.some(Boolean) : results.every(Boolean);
}

function checkAcceptedAnswers(answers: AnswerSet, mode: "draft" | "submit", ok: boolean): void {
  for (const [linkId, values] of Object.entries(answers)) {
    const entry = byLinkId.get(linkId);
    expect(entry, `answer to unknown ${linkId}`).toBeDefined();
    if (!entry) continue;

    expect(entry.raw.type, `answer to group ${linkId}`).not.toBe("group");
    expect(oracleEnabled(linkId, answers), `answer to hidden ${linkId}`).toBe(true);
    expect(values.length, `empty list for ${linkId}`).toBeGreaterThan(0);
    if (!entry.raw.repeats) expect(values.length, `several answers to ${linkId}`).toBe(1);
    expect(values.length).toBeLessThanOrEqual(2);
    expect(new Set(values.map((value) => JSON.stringify(value))).size, `duplicates in ${linkId}`).toBe(values.length);
    for (const value of values)
      expect(oracleValueOk(entry.raw, value), `${linkId}: ${JSON.stringify(value)}`).toBe(true);
    if (entry.raw.readOnly) expect(values).toEqual([{ type: "string", value: "De Linde" }]);
  }

  if (mode !== "submit" || !ok) return;
  for (const [linkId, { raw }] of byLinkId) {
    if (!raw.required || !oracleEnabled(linkId, answers)) continue;
    const answered =
      raw.type === "group"
        ? (raw.item ?? []).some((child) => (answers[child.linkId]?.length ?? 0) > 0)
        : (answers[linkId]?.length ?? 0) > 0;
    expect(answered, `required ${linkId} unanswered`).toBe(true);
  }
}

// ---- generators -----------------------------------------------------------------------------

const validValue = (linkId: string): fc.Arbitrary<Value> => {
  const { raw } = byLinkId.get(linkId) as { raw: RawItem };
  const options = optionValues(raw);
  switch (raw.type) {
    case "boolean":
      return fc.boolean().map((value) => ({ type: "boolean", value }));
    case "integer":
      return fc.integer({ min: 1, max: 100 }).map((value) => ({ type: "integer", value }));
    case "decimal":
      return fc.double({ min: 20, max: 300, noNaN: true }).map((value) => ({ type: "decimal", value }));
    case "date":
      return fc.date({ min: new Date("1900-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((date) => ({
        type: "date",
        value: date.toISOString().slice(0, 10),
      }));
    case "open-choice":
      return fc.oneof(
        fc.constantFrom(...options),
        fc.constantFrom("Buurman", "Website").map((value) => ({ type: "other", value })),
      );
    case "choice":
      return fc.constantFrom(...options);
    default:
      return fc.constantFrom("Ada", "Piet", "Jänsen", "De Linde").map((value) => ({ type: "string", value }));
  }
};

const noisyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    type: fc.constantFrom("boolean", "decimal", "integer", "date", "string", "coding", "other", "time", ""),
    value: fc.oneof(
      fc.boolean(),
      fc.integer({ min: -10, max: 400 }),
      fc.double(),
      fc.constantFrom("", "  ", " GP ", "2024-02-29", "2023-02-29", "1899-12-31", "12345678901", "😀😀😀😀😀😀😀😀😀"),
      fc.string(),
      fc.record({
        code: fc.constantFrom("good", "bad", "a", "c", "x"),
        system: fc.constantFrom("https://example.org/cs", "other"),
      }),
      fc.constant(null),
    ),
  }),
  fc.anything(),
);

const linkIdArb = fc.oneof(
  fc.constantFrom(...byLinkId.keys()),
  fc.constantFrom("nope", "__proto__", "constructor"),
  fc.string(),
);

const payloadArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(
    linkIdArb,
    fc.array(fc.oneof(noisyValue, fc.constantFrom(...QUESTION_IDS).chain(validValue)), { maxLength: 3 }),
  ),
  fc.dictionary(linkIdArb, fc.anything()),
  fc.anything(),
);

const fullValidArb: fc.Arbitrary<Record<string, Value[]>> = fc.record(
  Object.fromEntries(
    QUESTION_IDS.filter((id) => id !== "clinic").map((id) => [id, validValue(id).map((value) => [value])]),
  ),
);

// ---- properties -----------------------------------------------------------------------------

describe("validateAnswers properties", () => {
  it("never throws and only accepts answers the oracle allows", () => {
    fc.assert(
      fc.property(payloadArb, fc.constantFrom("draft" as const, "submit" as const), (payload, mode) => {
        const result = validateAnswers(questionnaire, payload, mode);

        expect(result.ok).toBe(result.errors.length === 0);
        checkAcceptedAnswers(result.answers, mode, result.ok);
      }),
      { numRuns: 1500 },
    );
  });

  it("is stable on its own output", () => {
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const first = validateAnswers(questionnaire, payload, "draft");
        // A rejected payload yields no answers at all, not even read-only ones.
        fc.pre(first.errors.every((error) => error.linkId !== ""));
        const second = validateAnswers(questionnaire, first.answers, "draft");

        expect(second.errors).toEqual([]);
        expect(second.answers).toEqual(first.answers);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts any complete valid answer set and stores a valid response", () => {
    fc.assert(
      fc.property(fullValidArb, (answers) => {
        const result = validateAnswers(questionnaire, answers, "submit");
        expect(result.errors).toEqual([]);
        checkAcceptedAnswers(result.answers, "submit", true);

        const response = toQuestionnaireResponse(questionnaire, result.answers, {
          id: "r",
          status: "completed",
          authored: "2026-01-05T09:00:00+01:00",
          questionnaireCanonical: "https://example.org/q",
        });
        expect(validateQuestionnaireResponse(questionnaire, response).issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
