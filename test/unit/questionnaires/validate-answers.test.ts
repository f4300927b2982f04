import { describe, expect, it } from "vitest";

import { MAX_ANSWER_PAYLOAD_BYTES, validateAnswers } from "../../../src/lib/questionnaires";
import { importOrFail, questionnaireJson } from "./helpers";

const { questionnaire } = importOrFail(
  questionnaireJson([
    { linkId: "name", type: "string", required: true, maxLength: 5 },
    {
      linkId: "age",
      type: "integer",
      extension: [
        { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: 0 },
        { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: 120 },
      ],
    },
    { linkId: "born", type: "date" },
    {
      linkId: "mood",
      type: "choice",
      answerOption: [
        { valueCoding: { system: "https://example.org/mood", code: "good", display: "Good" } },
        { valueCoding: { system: "https://example.org/mood", code: "bad", display: "Bad" } },
      ],
    },
    { linkId: "tags", type: "choice", repeats: true, answerOption: [{ valueString: "a" }, { valueString: "b" }] },
    { linkId: "clinic", type: "string", readOnly: true, initial: [{ valueString: "De Linde" }] },
    { linkId: "intro", type: "display", text: "Welcome" },
    { linkId: "why", type: "text", enableWhen: [{ question: "mood", operator: "=", answerCoding: { code: "bad" } }] },
  ]),
);

const errorsFor = (input: unknown, mode: "draft" | "submit" = "draft") =>
  validateAnswers(questionnaire, input, mode).errors;

describe("validateAnswers", () => {
  it("returns one error code per faulty item in page order", () => {
    const input = {
      unknown: [],
      age: [{ type: "integer", value: 130 }],
      name: [{ type: "string", value: "Annemarie" }],
      born: [{ type: "date", value: "2025-02-29" }],
      mood: [{ type: "coding", value: { code: "meh" } }],
      tags: [
        { type: "string", value: "a" },
        { type: "string", value: "a" },
      ],
      clinic: [{ type: "string", value: "Elsewhere" }],
      intro: [{ type: "string", value: "x" }],
    };

    expect(errorsFor(input)).toEqual([
      { linkId: "name", code: "too_long" },
      { linkId: "age", code: "above_max" },
      { linkId: "born", code: "invalid_date" },
      { linkId: "mood", code: "not_an_option" },
      { linkId: "tags", code: "duplicate_answer" },
      { linkId: "clinic", code: "read_only" },
      { linkId: "intro", code: "wrong_type" },
      { linkId: "unknown", code: "unknown_item" },
    ]);
  });

  it("reports wrong types and too many answers", () => {
    expect(errorsFor({ age: [{ type: "decimal", value: 3.5 }] })).toEqual([{ linkId: "age", code: "wrong_type" }]);
    expect(errorsFor({ age: { type: "integer", value: 3 } })).toEqual([{ linkId: "age", code: "wrong_type" }]);
    expect(errorsFor({ age: [{ type: "integer", value: -1 }] })).toEqual([{ linkId: "age", code: "below_min" }]);
    expect(errorsFor({ name: [{ type: "coding", value: { code: "x" } }] })).toEqual([
      { linkId: "name", code: "wrong_type" },
    ]);
    expect(
      errorsFor({
        born: [
          { type: "date", value: "2020-01-01" },
          { type: "date", value: "2020-01-02" },
        ],
      }),
    ).toEqual([{ linkId: "born", code: "too_many_answers" }]);
  });

  it("requires answers only when submitting", () => {
    expect(errorsFor({}, "draft")).toEqual([]);
    expect(errorsFor({}, "submit")).toEqual([{ linkId: "name", code: "required" }]);
    expect(errorsFor({ name: [{ type: "string", value: "   " }] }, "submit")).toEqual([
      { linkId: "name", code: "required" },
    ]);
  });

  it("drops answers to hidden items in drafts too", () => {
    const input = {
      mood: [{ type: "coding", value: { code: "good" } }],
      why: [{ type: "string", value: "stale text from before" }],
    };

    const result = validateAnswers(questionnaire, input, "draft");

    expect(result.ok).toBe(true);
    expect(result.answers.why).toBeUndefined();
  });

  it("stores the option's coding and the read-only initial value", () => {
    const input = {
      name: [{ type: "string", value: " Ada " }],
      mood: [{ type: "coding", value: { code: "bad", display: "<script>" } }],
    };

    const result = validateAnswers(questionnaire, input, "submit");

    expect(result.ok).toBe(true);
    expect(result.answers).toEqual({
      name: [{ type: "string", value: "Ada" }],
      mood: [{ type: "coding", value: { system: "https://example.org/mood", code: "bad", display: "Bad" } }],
      clinic: [{ type: "string", value: "De Linde" }],
    });
  });

  it("rejects payloads that are not an object or too large", () => {
    const large = { notes: [{ type: "string", value: "x".repeat(MAX_ANSWER_PAYLOAD_BYTES) }] };

    for (const input of [null, [], "answers", 42, undefined]) {
      expect(errorsFor(input)).toEqual([{ linkId: "", code: "invalid_payload" }]);
    }
    expect(errorsFor(large)).toEqual([{ linkId: "", code: "payload_too_large" }]);
  });
});
