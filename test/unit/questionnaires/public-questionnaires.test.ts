import { describe, expect, it } from "vitest";

import {
  type AnswerSet,
  importQuestionnaire,
  indexItems,
  type Questionnaire,
  serializeQuestionnaire,
  toQuestionnaireResponse,
  validateAnswers,
  validateQuestionnaireResponse,
} from "../../../src/lib/questionnaires";
import { importOrFail, pathsOf, readFixture } from "./helpers";

/** Runs a complete answer set through submit validation, the response builder and the response check. */
function expectCompleteResponse(questionnaire: Questionnaire, answers: AnswerSet) {
  const validation = validateAnswers(questionnaire, answers, "submit");
  expect(validation.errors).toEqual([]);
  expect(validation.ok).toBe(true);

  const response = toQuestionnaireResponse(questionnaire, validation.answers, {
    id: "response-1",
    status: "completed",
    authored: "2026-03-02T14:32:00+01:00",
    subjectReference: "Patient/client-1",
    questionnaireCanonical: questionnaire.url ?? "urn:uuid:0b5c3d9e-5b0f-4a52-9a3e-2c8e1f6d7a40",
  });
  const check = validateQuestionnaireResponse(questionnaire, response);
  expect(check.issues).toEqual([]);
  expect(check.ok).toBe(true);
  return { validation, response };
}

const linkIdsOf = (questionnaire: Questionnaire) => indexItems(questionnaire).items.map((item) => item.linkId);

describe("LHC-Forms test-enablewhen.json", () => {
  const { questionnaire, report } = importOrFail(readFixture("lhc-forms-test-enablewhen.json"));

  it("imports all five items without report lines", () => {
    expect(report).toEqual([]);
    expect(linkIdsOf(questionnaire)).toEqual(["4.1", "4.2", "4.3", "4.4", "4.5"]);
    expect(questionnaire.title).toBe("Personal Health Record");
  });

  it("accepts the Diabetes branch and drops the hidden answers", () => {
    const answers: AnswerSet = {
      "4.1": [{ type: "coding", value: { code: "Diabetes" } }],
      "4.2": [{ type: "coding", value: { code: "Insulin Treated" } }],
      "4.3": [{ type: "string", value: "hidden, so dropped" }],
      "4.5": [{ type: "string", value: "no other diagnosis" }],
    };

    const { validation, response } = expectCompleteResponse(questionnaire, answers);

    expect(Object.keys(validation.answers)).toEqual(["4.1", "4.2", "4.5"]);
    expect(response.item?.map((item) => item.linkId)).toEqual(["4.1", "4.2", "4.5"]);
  });

  it("accepts the Other branch with its exists chain", () => {
    const answers: AnswerSet = {
      "4.1": [{ type: "coding", value: { code: "Other" } }],
      "4.3": [{ type: "string", value: "Asthma" }],
      "4.4": [{ type: "string", value: "shown because 4.3 has an answer" }],
    };

    const { validation } = expectCompleteResponse(questionnaire, answers);

    expect(Object.keys(validation.answers)).toEqual(["4.1", "4.3", "4.4"]);
  });

  it("requires 4.4 once 4.3 is answered", () => {
    const answers = { "4.1": [{ type: "coding", value: { code: "Other" } }], "4.3": [{ type: "string", value: "x" }] };

    expect(validateAnswers(questionnaire, answers, "submit").errors).toEqual([{ linkId: "4.4", code: "required" }]);
  });
});

describe("LHC-Forms q-with-invalid-xhtml.json", () => {
  const { questionnaire, report } = importOrFail(readFixture("lhc-forms-q-with-invalid-xhtml.json"));

  it("keeps only the plain text of the help item and reports the markup", () => {
    const help = indexItems(questionnaire).byLinkId.get("item1-help");

    expect(linkIdsOf(questionnaire)).toEqual(["item1", "item1-help"]);
    expect(help?.text).toBe("A plain text instruction.");
    expect(JSON.stringify(questionnaire.items)).not.toContain("<button>");
    expect(report.map((issue) => [issue.code, issue.path])).toEqual([
      ["markup_ignored", "item[0].item[0]._text.extension[0]"],
      ["ignored_item_control", "item[0].item[0].extension[0]"],
    ]);
  });

  it("builds a valid response", () => {
    expectCompleteResponse(questionnaire, { item1: [{ type: "string", value: "Sanne de Vries" }] });
  });

  it("serializes the original resource unchanged", () => {
    const original = JSON.parse(readFixture("lhc-forms-q-with-invalid-xhtml.json"));

    expect(JSON.parse(serializeQuestionnaire(questionnaire))).toEqual(original);
  });
});

describe("android-fhir behavior_skip_logic.json", () => {
  const { questionnaire, report } = importOrFail(readFixture("android-fhir-behavior-skip-logic.json"));

  it("imports the radio question, its instruction and the dependent date", () => {
    const [question] = questionnaire.items;

    expect(linkIdsOf(questionnaire)).toEqual(["1.0", "1-select-one", "1.1"]);
    expect(question?.type === "choice" && question.control).toBe("radio-button");
    expect(question?.items[0]?.type === "display" && question.items[0].displayCategory).toBe("instructions");
    expect(report.map((issue) => [issue.severity, issue.code, issue.path])).toEqual([
      ["warning", "ignored_extension", "extension[0]"],
      ["warning", "missing_status", "status"],
    ]);
  });

  it("builds a valid response when the vaccine was given", () => {
    const answers: AnswerSet = {
      "1.0": [{ type: "coding", value: { system: "custom", code: "Y" } }],
      "1.1": [{ type: "date", value: "2025-10-14" }],
    };

    const { response } = expectCompleteResponse(questionnaire, answers);

    expect(response.item?.map((item) => item.linkId)).toEqual(["1.0", "1.1"]);
  });
});

describe("NUM COMPASS well-being and WHO-5", () => {
  const { questionnaire, report } = importOrFail(readFixture("num-compass-who5-wellbeing.json"));

  it("imports 13 items and reports the project's own extension", () => {
    expect(linkIdsOf(questionnaire)).toEqual([
      "1",
      "1.1",
      "1.1.1",
      "1.1.2",
      "1.1.3",
      "1.1.4",
      "2",
      "2.1",
      "2.1.1",
      "2.1.2",
      "2.1.3",
      "2.1.4",
      "2.1.5",
    ]);
    expect(pathsOf(report, "warning")).toEqual([
      "item[0].item[0].item[0].extension[0]",
      "item[0].item[0].item[1].extension[0]",
      "item[0].item[0].item[2].extension[0]",
    ]);
  });

  it("builds a valid response with nested groups", () => {
    const who5 = ["2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5"];
    const answers: AnswerSet = {
      "1.1.1": [{ type: "coding", value: { system: "http://hl7.org/fhir/administrative-gender", code: "female" } }],
      "1.1.2": [{ type: "date", value: "1984-06-30" }],
      "1.1.3": [{ type: "decimal", value: 171.5 }],
      "1.1.4": [{ type: "string", value: "Keine" }],
    };
    for (const linkId of who5) {
      const question = indexItems(questionnaire).byLinkId.get(linkId);
      const option = question?.type === "choice" ? question.options[1] : undefined;
      if (option) answers[linkId] = [option.value];
    }

    const { response } = expectCompleteResponse(questionnaire, answers);

    expect(response.item?.map((item) => item.linkId)).toEqual(["1", "2"]);
    expect(response.item?.[1]?.item?.[0]?.item?.map((item) => item.linkId)).toEqual(who5);
  });
});

describe("rejected public questionnaires", () => {
  it("rejects the FHIR core bluebook for its dateTime items", () => {
    const result = importQuestionnaire(readFixture("fhir-core-bluebook.json"));

    expect(result.ok).toBe(false);
    expect(pathsOf(result.report)).toEqual([
      "item[0].item[1].item[2].item[0].item[0].type",
      "item[0].item[1].item[2].item[0].item[1].type",
    ]);
    expect(pathsOf(result.report, "warning")).toEqual(["text"]);
  });

  it("rejects the SDC PHQ-9 example for value sets and its calculated total", () => {
    const result = importQuestionnaire(readFixture("sdc-phq9-example.json"));
    const valueSetPaths = Array.from({ length: 9 }, (_, index) => `item[0].item[${index}].answerValueSet`);

    expect(result.ok).toBe(false);
    expect(pathsOf(result.report)).toEqual([...valueSetPaths, "item[0].item[9].type"]);
  });

  it("rejects the SDC required-field test for its value set", () => {
    const result = importQuestionnaire(readFixture("sdc-test-required-field.json"));

    expect(result.ok).toBe(false);
    expect(result.report.filter((issue) => issue.severity === "error")).toEqual([
      expect.objectContaining({ code: "answer_value_set", path: "item[0].item[1].answerValueSet" }),
    ]);
  });

  it("rejects the SDC enableWhen test for its faults", () => {
    const result = importQuestionnaire(readFixture("sdc-test-enablewhen.json"));
    const errors = result.report.filter((issue) => issue.severity === "error");
    const pathsWith = (code: string) => errors.filter((issue) => issue.code === code).map((issue) => issue.path);

    expect(result.ok).toBe(false);
    expect(pathsWith("answer_value_set")).toEqual(["item[1].item[0].answerValueSet"]);
    expect(pathsWith("unsupported_item_type")).toEqual(["item[4].item[3].type"]);
    expect(pathsWith("duplicate_link_id")).toEqual([
      "item[0].item[6].linkId",
      "item[2].linkId",
      "item[2].item[1].linkId",
      "item[2].item[1].item[0].linkId",
      "item[3].linkId",
      "item[3].item[1].linkId",
      "item[3].item[1].item[0].linkId",
      "item[3].item[2].linkId",
      "item[3].item[2].item[0].linkId",
      "item[4].linkId",
      "item[5].linkId",
    ]);
    // A choice with coding options compared with answerString, answerDecimal or answerInteger.
    expect(pathsWith("enable_when_answer_mismatch")).toEqual([
      "item[0].item[6].enableWhen[0].answerString",
      "item[0].item[9].enableWhen[0].answerString",
      "item[0].item[10].enableWhen[0].answerString",
      "item[0].item[11].enableWhen[0].answerString",
      "item[0].item[12].enableWhen[0].answerString",
      "item[0].item[12].enableWhen[1].answerString",
      "item[2].item[1].enableWhen[0].answerDecimal",
      "item[2].item[2].enableWhen[0].answerDecimal",
      "item[3].item[1].enableWhen[0].answerInteger",
      "item[3].item[2].enableWhen[0].answerInteger",
    ]);
    expect(errors).toHaveLength(23);
  });
});

describe("ResearchKitOnFHIR SkipLogicExample.json", () => {
  const { questionnaire, report } = importOrFail(readFixture("researchkit-on-fhir-skip-logic.json"));
  const likesIceCream = "f0f95365-96d2-4892-9ccf-2e2c0c74a87c";
  const moreGroup = "169e7113-1e8f-4858-fc97-5703ba865703";
  const flavor = "59e7a3f7-4108-47a7-8fae-0fb892574a63";
  const lastHad = "7d7695e1-741b-4a4b-b479-a9908f86cf55";
  const flavorSystem = "urn:uuid:ea53f9f1-4c06-4953-83b6-c944bccdeae3";

  it("imports the conditional group without report lines", () => {
    const group = indexItems(questionnaire).byLinkId.get(moreGroup);

    expect(report).toEqual([]);
    expect(linkIdsOf(questionnaire)).toEqual([likesIceCream, moreGroup, flavor, lastHad]);
    expect(group?.enableWhen).toEqual([
      { question: likesIceCream, operator: "=", answer: { type: "boolean", value: true } },
    ]);
  });

  it("builds a valid response with the group's answers", () => {
    const answers: AnswerSet = {
      [likesIceCream]: [{ type: "boolean", value: true }],
      [flavor]: [{ type: "coding", value: { system: flavorSystem, code: "vanilla", display: "Vanilla" } }],
      [lastHad]: [{ type: "date", value: "2026-07-14" }],
    };

    const { response } = expectCompleteResponse(questionnaire, answers);

    expect(response.item?.map((item) => item.linkId)).toEqual([likesIceCream, moreGroup]);
    expect(response.item?.[1]?.item?.map((item) => item.linkId)).toEqual([flavor, lastHad]);
  });

  it("drops the group's answers when the answer is no", () => {
    const answers: AnswerSet = {
      [likesIceCream]: [{ type: "boolean", value: false }],
      [lastHad]: [{ type: "date", value: "2026-07-14" }],
    };

    const { validation, response } = expectCompleteResponse(questionnaire, answers);

    expect(Object.keys(validation.answers)).toEqual([likesIceCream]);
    expect(response.item?.map((item) => item.linkId)).toEqual([likesIceCream]);
  });
});
