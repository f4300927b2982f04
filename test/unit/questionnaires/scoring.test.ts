import { describe, expect, it } from "vitest";

import {
  type AnswerSet,
  countQuestions,
  GAD7_EN,
  GAD7_NL,
  isItemEnabled,
  PHQ9_EN,
  PHQ9_NL,
  type Questionnaire,
  scoreResponse,
  toQuestionnaireResponse,
  validateAnswers,
  validateQuestionnaireResponse,
} from "../../../src/lib/questionnaires";
import { importOrFail } from "./helpers";

const LOINC_FREQUENCY = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];

/** Answers the `count` scored questions so that their scores add up to `total`, lowest items first. */
function answersFor(prefix: string, count: number, total: number): AnswerSet {
  const answers: AnswerSet = {};
  let remaining = total;
  for (let index = 1; index <= count; index += 1) {
    const score = Math.min(3, remaining);
    remaining -= score;
    answers[`${prefix}-${index}`] = [
      { type: "coding", value: { system: "http://loinc.org", code: LOINC_FREQUENCY[score] ?? "" } },
    ];
  }
  return answers;
}

const instruments = {
  "PHQ-9 nl": importOrFail(PHQ9_NL),
  "PHQ-9 en": importOrFail(PHQ9_EN),
  "GAD-7 nl": importOrFail(GAD7_NL),
  "GAD-7 en": importOrFail(GAD7_EN),
};

describe("built-in instruments", () => {
  it.each(Object.entries(instruments))("%s imports without report lines", (_, { questionnaire, report }) => {
    expect(report).toEqual([]);
    expect(questionnaire.status).toBe("active");
    expect(questionnaire.title).toMatch(/\((PHQ-9|GAD-7)\)$/);
  });

  it("has the same linkIds and answer codes in both languages", () => {
    const shape = (questionnaire: Questionnaire) =>
      JSON.stringify(questionnaire.items, (key, value) => (key === "text" || key === "display" ? undefined : value));

    expect(shape(instruments["PHQ-9 nl"].questionnaire)).toBe(shape(instruments["PHQ-9 en"].questionnaire));
    expect(shape(instruments["GAD-7 nl"].questionnaire)).toBe(shape(instruments["GAD-7 en"].questionnaire));
    expect(instruments["PHQ-9 nl"].questionnaire.language).toBe("nl");
    expect(instruments["PHQ-9 nl"].questionnaire.items[0]?.items[0]?.text).toBe(
      "Weinig interesse of plezier in het doen van dingen",
    );
    expect(countQuestions(instruments["PHQ-9 en"].questionnaire)).toBe(10);
    expect(countQuestions(instruments["GAD-7 en"].questionnaire)).toBe(8);
  });

  it("asks about difficulty only after a problem was reported", () => {
    const { questionnaire } = instruments["PHQ-9 en"];

    expect(isItemEnabled(questionnaire, answersFor("phq9", 9, 0), "phq9-difficulty")).toBe(false);
    expect(isItemEnabled(questionnaire, answersFor("phq9", 9, 1), "phq9-difficulty")).toBe(true);
  });
});

describe("scoreResponse", () => {
  const phq9Cases: [number, string][] = [
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [27, "severe"],
  ];
  const gad7Cases: [number, string][] = [
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ];

  it.each(phq9Cases)("PHQ-9 total %i is %s in both languages", (total, band) => {
    for (const { questionnaire } of [instruments["PHQ-9 nl"], instruments["PHQ-9 en"]]) {
      const validated = validateAnswers(questionnaire, answersFor("phq9", 9, total), "submit");

      expect(validated.ok).toBe(true);
      expect(scoreResponse(questionnaire, validated.answers)).toEqual({ instrument: "phq-9", total, band });
    }
  });

  it.each(gad7Cases)("GAD-7 total %i is %s in both languages", (total, band) => {
    for (const { questionnaire } of [instruments["GAD-7 nl"], instruments["GAD-7 en"]]) {
      const validated = validateAnswers(questionnaire, answersFor("gad7", 7, total), "submit");

      expect(validated.ok).toBe(true);
      expect(scoreResponse(questionnaire, validated.answers)).toEqual({ instrument: "gad-7", total, band });
    }
  });

  it("returns null when a scored answer is missing", () => {
    const { questionnaire } = instruments["PHQ-9 nl"];
    const answers = answersFor("phq9", 9, 12);
    delete answers["phq9-5"];

    expect(scoreResponse(questionnaire, answers)).toBeNull();
    expect(validateAnswers(questionnaire, answers, "submit").errors).toEqual([{ linkId: "phq9-5", code: "required" }]);
  });

  it("returns null for other questionnaires", () => {
    const { questionnaire } = importOrFail({
      resourceType: "Questionnaire",
      status: "active",
      item: [{ linkId: "phq9-1", type: "string" }],
    });

    expect(scoreResponse(questionnaire, answersFor("phq9", 9, 3))).toBeNull();
  });

  it("stores a completed PHQ-9 as a valid response", () => {
    const { questionnaire } = instruments["PHQ-9 nl"];
    const answers = answersFor("phq9", 9, 16);
    answers["phq9-difficulty"] = [{ type: "coding", value: { system: "http://loinc.org", code: "LA6573-5" } }];
    const validated = validateAnswers(questionnaire, answers, "submit");

    const response = toQuestionnaireResponse(questionnaire, validated.answers, {
      id: "b3f0",
      status: "completed",
      authored: "2026-03-02T14:32:00+01:00",
      subjectReference: "Patient/42",
      questionnaireCanonical: `${questionnaire.url}|${questionnaire.version}`,
    });

    expect(validateQuestionnaireResponse(questionnaire, response)).toEqual({ ok: true, issues: [] });
    expect(response.item?.map((item) => item.linkId)).toEqual(["phq9-items", "phq9-difficulty"]);
    expect(response.item?.[0]?.item?.[0]?.answer?.[0]?.valueCoding).toEqual({
      system: "http://loinc.org",
      code: "LA6571-9",
      display: "Bijna elke dag",
    });
  });
});
