import { describe, expect, it } from "vitest";

import { type AnswerSet, type AnswerValue, isItemEnabled } from "../../../src/lib/questionnaires";
import { importOrFail, questionnaireJson } from "./helpers";

type Condition = Record<string, unknown>;

/** Builds a questionnaire with a source question and a target shown when `condition` holds. */
function withCondition(source: Record<string, unknown>, condition: Condition) {
  const json = questionnaireJson([
    { linkId: "source", ...source },
    { linkId: "target", type: "string", enableWhen: [{ question: "source", ...condition }] },
  ]);
  return importOrFail(json).questionnaire;
}

const integer = (value: number): AnswerValue => ({ type: "integer", value });

describe("enableWhen operators on an integer question", () => {
  const cases: [string, Condition, (number | null)[], boolean[]][] = [
    // operator, condition, answers (null = unanswered), expected target visibility per answer
    ["=", { operator: "=", answerInteger: 30 }, [29, 30, 31, null], [false, true, false, false]],
    ["!=", { operator: "!=", answerInteger: 30 }, [29, 30, 31, null], [true, false, true, false]],
    [">", { operator: ">", answerInteger: 30 }, [29, 30, 31, null], [false, false, true, false]],
    ["<", { operator: "<", answerInteger: 30 }, [29, 30, 31, null], [true, false, false, false]],
    [">=", { operator: ">=", answerInteger: 30 }, [29, 30, 31, null], [false, true, true, false]],
    ["<=", { operator: "<=", answerInteger: 30 }, [29, 30, 31, null], [true, true, false, false]],
    ["> decimal", { operator: ">", answerDecimal: 29.5 }, [29, 30, 31, null], [false, true, true, false]],
    ["exists true", { operator: "exists", answerBoolean: true }, [29, 30, 31, null], [true, true, true, false]],
    ["exists false", { operator: "exists", answerBoolean: false }, [29, 30, 31, null], [false, false, false, true]],
  ];

  it.each(cases)("%s", (_, condition, answers, expected) => {
    const questionnaire = withCondition({ type: "integer" }, condition);

    answers.forEach((answer, index) => {
      const set: AnswerSet = answer === null ? {} : { source: [integer(answer)] };
      expect(isItemEnabled(questionnaire, set, "target"), `answer ${answer}`).toBe(expected[index]);
    });
  });
});

describe("enableWhen on other answer types", () => {
  it("compares dates in calendar order", () => {
    const questionnaire = withCondition({ type: "date" }, { operator: ">", answerDate: "2000-01-01" });
    const date = (value: string): AnswerSet => ({ source: [{ type: "date", value }] });

    expect(isItemEnabled(questionnaire, date("2000-01-02"), "target")).toBe(true);
    expect(isItemEnabled(questionnaire, date("2000-01-01"), "target")).toBe(false);
    expect(isItemEnabled(questionnaire, date("1999-12-31"), "target")).toBe(false);
  });

  it("matches booleans, including false", () => {
    const questionnaire = withCondition({ type: "boolean" }, { operator: "=", answerBoolean: false });

    expect(isItemEnabled(questionnaire, { source: [{ type: "boolean", value: false }] }, "target")).toBe(true);
    expect(isItemEnabled(questionnaire, { source: [{ type: "boolean", value: true }] }, "target")).toBe(false);
  });

  it("matches codings on code, and on system when both have one", () => {
    const options = [
      { valueCoding: { system: "http://loinc.org", code: "LA33-6", display: "Yes" } },
      { valueCoding: { system: "http://loinc.org", code: "LA32-8", display: "No" } },
    ];
    const withSystem = withCondition(
      { type: "choice", answerOption: options },
      { operator: "=", answerCoding: { system: "http://loinc.org", code: "LA33-6" } },
    );
    const withoutSystem = withCondition(
      { type: "choice", answerOption: options },
      { operator: "=", answerCoding: { code: "LA33-6" } },
    );
    const otherSystem = withCondition(
      { type: "choice", answerOption: options },
      { operator: "=", answerCoding: { system: "http://snomed.info/sct", code: "LA33-6" } },
    );
    const yes: AnswerSet = { source: [{ type: "coding", value: { system: "http://loinc.org", code: "LA33-6" } }] };

    expect(isItemEnabled(withSystem, yes, "target")).toBe(true);
    expect(isItemEnabled(withoutSystem, yes, "target")).toBe(true);
    expect(isItemEnabled(otherSystem, yes, "target")).toBe(false);
  });

  it("compares open-choice free text with answerString", () => {
    const questionnaire = withCondition(
      { type: "open-choice", answerOption: [{ valueString: "Huisarts" }] },
      { operator: "=", answerString: "Buurman" },
    );

    expect(isItemEnabled(questionnaire, { source: [{ type: "other", value: "Buurman" }] }, "target")).toBe(true);
    expect(isItemEnabled(questionnaire, { source: [{ type: "string", value: "Huisarts" }] }, "target")).toBe(false);
  });

  it("treats = as any answer and != as no answer for repeating questions", () => {
    const options = ["a", "b", "c"].map((code) => ({ valueCoding: { code } }));
    const equals = withCondition(
      { type: "choice", repeats: true, answerOption: options },
      { operator: "=", answerCoding: { code: "b" } },
    );
    const differs = withCondition(
      { type: "choice", repeats: true, answerOption: options },
      { operator: "!=", answerCoding: { code: "b" } },
    );
    const pick = (...codes: string[]): AnswerSet => ({
      source: codes.map((code) => ({ type: "coding", value: { code } })),
    });

    expect(isItemEnabled(equals, pick("a", "b"), "target")).toBe(true);
    expect(isItemEnabled(equals, pick("a", "c"), "target")).toBe(false);
    expect(isItemEnabled(differs, pick("a", "b"), "target")).toBe(false);
    expect(isItemEnabled(differs, pick("a", "c"), "target")).toBe(true);
  });
});

describe("enableBehavior", () => {
  const json = (behavior: "all" | "any") =>
    questionnaireJson([
      { linkId: "smokes", type: "boolean" },
      { linkId: "drinks", type: "boolean" },
      {
        linkId: "advice",
        type: "display",
        text: "Talk to your GP",
        enableWhen: [
          { question: "smokes", operator: "=", answerBoolean: true },
          { question: "drinks", operator: "=", answerBoolean: true },
        ],
        enableBehavior: behavior,
      },
    ]);
  const answers = (smokes: boolean, drinks: boolean): AnswerSet => ({
    smokes: [{ type: "boolean", value: smokes }],
    drinks: [{ type: "boolean", value: drinks }],
  });

  it.each([
    ["all", [false, false, false, true]],
    ["any", [false, true, true, true]],
  ] as const)("%s", (behavior, expected) => {
    const { questionnaire } = importOrFail(json(behavior));
    const combinations = [answers(false, false), answers(true, false), answers(false, true), answers(true, true)];

    combinations.forEach((set, index) => {
      expect(isItemEnabled(questionnaire, set, "advice"), JSON.stringify(set)).toBe(expected[index]);
    });
  });
});

describe("nested items and chains", () => {
  const { questionnaire } = importOrFail(
    questionnaireJson([
      { linkId: "a", type: "boolean" },
      {
        linkId: "section",
        type: "group",
        enableWhen: [{ question: "a", operator: "=", answerBoolean: true }],
        item: [
          { linkId: "b", type: "boolean" },
          { linkId: "inner", type: "group", item: [{ linkId: "deep", type: "string" }] },
        ],
      },
      { linkId: "c", type: "string", enableWhen: [{ question: "b", operator: "=", answerBoolean: true }] },
      {
        linkId: "pain",
        type: "integer",
        item: [
          { linkId: "where", type: "string", enableWhen: [{ question: "pain", operator: ">", answerInteger: 0 }] },
        ],
      },
    ]),
  );
  const yes: AnswerValue = { type: "boolean", value: true };

  it("hides every descendant of a hidden group", () => {
    expect(isItemEnabled(questionnaire, {}, "section")).toBe(false);
    expect(isItemEnabled(questionnaire, {}, "b")).toBe(false);
    expect(isItemEnabled(questionnaire, {}, "deep")).toBe(false);
    expect(isItemEnabled(questionnaire, { a: [yes] }, "deep")).toBe(true);
  });

  it("follows a chain A enables B enables C", () => {
    expect(isItemEnabled(questionnaire, { a: [yes], b: [yes] }, "c")).toBe(true);
    expect(isItemEnabled(questionnaire, { a: [yes] }, "c")).toBe(false);
  });

  it("ignores the answer of an item that is itself hidden", () => {
    // b keeps a stale answer after a was switched off; c must not show because of it.
    expect(isItemEnabled(questionnaire, { b: [yes] }, "c")).toBe(false);
  });

  it("shows a follow-up nested under a question", () => {
    expect(isItemEnabled(questionnaire, { pain: [integer(0)] }, "where")).toBe(false);
    expect(isItemEnabled(questionnaire, { pain: [integer(4)] }, "where")).toBe(true);
  });

  it("reports unknown linkIds as not enabled", () => {
    expect(isItemEnabled(questionnaire, {}, "missing")).toBe(false);
  });
});
