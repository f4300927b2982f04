import { describe, expect, it } from "vitest";

import { toQuestionnaireResponse, validateQuestionnaireResponse } from "../../../src/lib/questionnaires";
import { importOrFail, questionnaireJson } from "./helpers";

const { questionnaire } = importOrFail(
  questionnaireJson([
    {
      linkId: "health",
      type: "group",
      text: "Health",
      item: [
        {
          linkId: "pain",
          type: "boolean",
          text: "Pain?",
          required: true,
          item: [
            {
              linkId: "where",
              type: "string",
              text: "Where?",
              enableWhen: [{ question: "pain", operator: "=", answerBoolean: true }],
            },
          ],
        },
        { linkId: "tip", type: "display", text: "Take your time." },
      ],
    },
    { linkId: "source", type: "open-choice", answerOption: [{ valueString: "GP" }] },
    { linkId: "count", type: "integer" },
  ]),
);

const meta = {
  id: "r1",
  status: "completed" as const,
  authored: "2026-03-02T14:32:00+01:00",
  subjectReference: "Patient/7",
  questionnaireCanonical: "https://example.org/q|2",
};

describe("toQuestionnaireResponse", () => {
  it("nests groups, puts follow-ups under the answer and skips display items", () => {
    const response = toQuestionnaireResponse(
      questionnaire,
      {
        pain: [{ type: "boolean", value: true }],
        where: [{ type: "string", value: "Knie" }],
        source: [{ type: "other", value: "Buurman" }],
      },
      meta,
    );

    expect(response).toEqual({
      resourceType: "QuestionnaireResponse",
      id: "r1",
      questionnaire: "https://example.org/q|2",
      status: "completed",
      authored: "2026-03-02T14:32:00+01:00",
      subject: { reference: "Patient/7" },
      item: [
        {
          linkId: "health",
          text: "Health",
          item: [
            {
              linkId: "pain",
              text: "Pain?",
              answer: [
                { valueBoolean: true, item: [{ linkId: "where", text: "Where?", answer: [{ valueString: "Knie" }] }] },
              ],
            },
          ],
        },
        { linkId: "source", answer: [{ valueString: "Buurman" }] },
      ],
    });
    expect(validateQuestionnaireResponse(questionnaire, response)).toEqual({ ok: true, issues: [] });
  });

  it("leaves out hidden answers and writes no empty item array", () => {
    const hidden = toQuestionnaireResponse(
      questionnaire,
      { where: [{ type: "string", value: "Knie" }] },
      { ...meta, status: "in-progress" },
    );

    expect(hidden.item).toBeUndefined();
    expect(validateQuestionnaireResponse(questionnaire, hidden).ok).toBe(true);
  });
});

describe("validateQuestionnaireResponse", () => {
  const codesOf = (response: unknown) =>
    validateQuestionnaireResponse(questionnaire, response).issues.map((issue) => [issue.code, issue.path]);
  const base = { resourceType: "QuestionnaireResponse", questionnaire: "https://example.org/q", status: "completed" };
  const pain = (answer: unknown[], extra: Record<string, unknown> = {}) => ({
    linkId: "health",
    item: [{ linkId: "pain", answer, ...extra }],
  });

  it("finds unknown, misplaced, display and mistyped items", () => {
    const response = {
      ...base,
      item: [
        pain([{ valueBoolean: true }]),
        { linkId: "where", answer: [{ valueString: "Knie" }] },
        { linkId: "tip" },
        { linkId: "nope", answer: [{ valueString: "x" }] },
        { linkId: "count", answer: [{ valueString: "3" }] },
      ],
    };

    expect(codesOf(response)).toEqual([
      ["wrong_position", "item[1]"],
      ["wrong_position", "item[2]"],
      ["display_item", "item[2]"],
      ["unknown_item", "item[3]"],
      ["wrong_type", "item[4]"],
    ]);
  });

  it("requires answers when completed but not in progress", () => {
    expect(codesOf({ ...base })).toEqual([["required", ""]]);
    expect(codesOf({ ...base, status: "in-progress" })).toEqual([]);
  });

  it("finds answers to hidden items and answers beside nested items", () => {
    const hiddenAnswer = {
      ...base,
      item: [pain([{ valueBoolean: false, item: [{ linkId: "where", answer: [{ valueString: "Knie" }] }] }])],
    };
    const both = {
      ...base,
      item: [pain([{ valueBoolean: true }], { item: [{ linkId: "where", answer: [{ valueString: "Knie" }] }] })],
    };

    expect(codesOf(hiddenAnswer)).toEqual([["answer_to_disabled_item", "item[0].item[0].answer[0].item[0]"]]);
    expect(codesOf(both)).toEqual([["item_and_answer", "item[0].item[0]"]]);
  });

  it("checks the resource type, status and questionnaire canonical", () => {
    expect(codesOf({ resourceType: "Questionnaire" })).toEqual([["not_a_response", ""]]);
    expect(
      codesOf({
        ...base,
        status: "done",
        questionnaire: "https://example.org/other",
        item: [pain([{ valueBoolean: true }])],
      }),
    ).toEqual([
      ["invalid_status", "status"],
      ["questionnaire_mismatch", "questionnaire"],
    ]);
  });
});
