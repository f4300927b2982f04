import { describe, expect, it } from "vitest";

import { importQuestionnaire } from "../../../src/lib/questionnaires";
import { importOrFail, questionnaireJson } from "./helpers";

const CALCULATED_EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";
const yesNo = [{ valueCoding: { code: "y" } }, { valueCoding: { code: "n" } }];

/** Imports and returns the error lines as `[code, path]` pairs; the import must fail. */
function errorsOf(json: unknown): [string, string][] {
  const result = importQuestionnaire(json);
  expect(result.ok).toBe(false);
  return result.report.filter((issue) => issue.severity === "error").map((issue) => [issue.code, issue.path]);
}

describe("importQuestionnaire rejects", () => {
  it("input that is not a Questionnaire", () => {
    expect(errorsOf("{not json")).toEqual([["invalid_json", ""]]);
    expect(errorsOf([])).toEqual([["not_an_object", ""]]);
    expect(errorsOf({ resourceType: "QuestionnaireResponse" })).toEqual([["wrong_resource_type", "resourceType"]]);
    expect(errorsOf(questionnaireJson([]))).toEqual([["missing_element", "item"]]);
  });

  it("duplicate linkIds at the later path", () => {
    const json = questionnaireJson([
      { linkId: "a", type: "string" },
      { linkId: "g", type: "group", item: [{ linkId: "a", type: "boolean" }] },
    ]);

    expect(errorsOf(json)).toEqual([["duplicate_link_id", "item[1].item[0].linkId"]]);
  });

  it("required, repeats and readOnly on a display item", () => {
    const json = questionnaireJson([
      { linkId: "q", type: "string" },
      { linkId: "d", type: "display", text: "Note", required: true, repeats: false, readOnly: true },
    ]);

    expect(errorsOf(json)).toEqual([
      ["not_allowed_for_type", "item[1].required"],
      ["not_allowed_for_type", "item[1].repeats"],
      ["not_allowed_for_type", "item[1].readOnly"],
    ]);
  });

  it("wrong JSON types with the path of each", () => {
    const json = questionnaireJson(
      [
        { linkId: 7, type: "string" },
        { linkId: "b", type: "string", required: "yes", text: ["x"] },
        { linkId: "c", type: "integer", maxLength: 2.5 },
        "item",
      ],
      { title: 12, experimental: "no" },
    );

    expect(errorsOf(json)).toEqual([
      ["wrong_json_type", "title"],
      ["wrong_json_type", "experimental"],
      ["wrong_json_type", "item[0].linkId"],
      ["missing_element", "item[0].linkId"],
      ["wrong_json_type", "item[1].text"],
      ["wrong_json_type", "item[1].required"],
      ["wrong_json_type", "item[2].maxLength"],
      ["wrong_json_type", "item[3]"],
    ]);
  });

  it("calculatedExpression and any other expression extension", () => {
    const json = questionnaireJson(
      [
        { linkId: "a", type: "integer" },
        {
          linkId: "total",
          type: "integer",
          readOnly: true,
          extension: [
            { url: CALCULATED_EXPRESSION, valueExpression: { language: "text/fhirpath", expression: "1 + 1" } },
            { url: "https://example.org/fhir/StructureDefinition/scoreExpression", valueExpression: {} },
          ],
        },
      ],
      { extension: [{ url: "http://hl7.org/fhir/StructureDefinition/variable", valueExpression: {} }] },
    );

    expect(errorsOf(json)).toEqual([
      ["unsupported_extension", "extension[0]"],
      ["unsupported_extension", "item[1].extension[0]"],
      ["unsupported_extension", "item[1].extension[1]"],
    ]);
  });

  it("enableWhenExpression next to a plain enableWhen", () => {
    const json = questionnaireJson([
      { linkId: "a", type: "boolean" },
      {
        linkId: "b",
        type: "string",
        extension: [
          {
            url: "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
            valueExpression: { language: "text/fhirpath", expression: "true" },
          },
        ],
      },
    ]);

    expect(errorsOf(json)).toEqual([["unsupported_extension", "item[1].extension[0]"]]);
  });

  it("answerValueSet", () => {
    const json = questionnaireJson([
      {
        linkId: "g",
        type: "group",
        item: [{ linkId: "c", type: "choice", answerValueSet: "http://hl7.org/fhir/ValueSet/yesnodontknow" }],
      },
    ]);

    expect(errorsOf(json)).toEqual([["answer_value_set", "item[0].item[0].answerValueSet"]]);
  });

  it("item types outside the subset", () => {
    const types = ["attachment", "reference", "quantity", "time", "dateTime", "url", "question"];
    const json = questionnaireJson(types.map((type, index) => ({ linkId: `i${index}`, type })));

    expect(errorsOf(json)).toEqual(types.map((_, index) => ["unsupported_item_type", `item[${index}].type`]));
  });

  it("repeating groups and questions nested under repeating questions", () => {
    const json = questionnaireJson([
      { linkId: "g", type: "group", repeats: true, item: [{ linkId: "a", type: "string" }] },
      { linkId: "c", type: "choice", repeats: true, answerOption: yesNo, item: [{ linkId: "why", type: "string" }] },
    ]);

    expect(errorsOf(json)).toEqual([
      ["repeating_group", "item[0].repeats"],
      ["children_under_repeating_question", "item[1].item"],
    ]);
  });

  it("enableWhen with bad references or answers", () => {
    const json = questionnaireJson([
      { linkId: "flag", type: "boolean" },
      { linkId: "age", type: "integer" },
      { linkId: "g", type: "group", item: [{ linkId: "x", type: "string" }] },
      { linkId: "a", type: "string", enableWhen: [{ question: "nope", operator: "=", answerBoolean: true }] },
      { linkId: "b", type: "string", enableWhen: [{ question: "b", operator: "exists", answerBoolean: true }] },
      { linkId: "c", type: "string", enableWhen: [{ question: "g", operator: "exists", answerBoolean: true }] },
      { linkId: "d", type: "string", enableWhen: [{ question: "flag", operator: "=", answerString: "true" }] },
      { linkId: "e", type: "string", enableWhen: [{ question: "flag", operator: ">", answerBoolean: true }] },
      { linkId: "f", type: "string", enableWhen: [{ question: "age", operator: "exists", answerInteger: 1 }] },
      { linkId: "h", type: "string", enableWhen: [{ question: "age", operator: "~", answerInteger: 1 }] },
    ]);

    expect(errorsOf(json)).toEqual([
      ["invalid_value", "item[9].enableWhen[0].operator"],
      ["enable_when_unknown_question", "item[3].enableWhen[0].question"],
      ["enable_when_self", "item[4].enableWhen[0].question"],
      ["enable_when_not_a_question", "item[5].enableWhen[0].question"],
      ["enable_when_answer_mismatch", "item[6].enableWhen[0].answerString"],
      ["enable_when_operator_mismatch", "item[7].enableWhen[0].operator"],
      ["enable_when_answer_mismatch", "item[8].enableWhen[0].answerInteger"],
    ]);
  });

  it("enableWhen cycles and several conditions without enableBehavior", () => {
    const json = questionnaireJson([
      { linkId: "a", type: "boolean", enableWhen: [{ question: "b", operator: "exists", answerBoolean: true }] },
      { linkId: "b", type: "boolean", enableWhen: [{ question: "a", operator: "exists", answerBoolean: true }] },
      {
        linkId: "c",
        type: "boolean",
        enableWhen: [
          { question: "a", operator: "=", answerBoolean: true },
          { question: "b", operator: "=", answerBoolean: true },
        ],
      },
    ]);

    expect(errorsOf(json)).toEqual([
      ["enable_behavior_missing", "item[2]"],
      ["enable_when_cycle", "item[1].enableWhen"],
    ]);
  });

  it("answer options and initial values that do not fit the item", () => {
    const json = questionnaireJson([
      { linkId: "a", type: "choice", answerOption: [{ valueDate: "2020-01-01" }, { valueCoding: {} }] },
      { linkId: "b", type: "integer", answerOption: [{ valueInteger: 1 }] },
      { linkId: "c", type: "choice" },
      { linkId: "d", type: "integer", initial: [{ valueString: "7" }] },
      { linkId: "e", type: "string", initial: [{ valueString: "x" }, { valueString: "y" }] },
      { linkId: "f", type: "choice", answerOption: yesNo, initial: [{ valueCoding: { code: "y" } }] },
      { linkId: "g", type: "date", initial: [{ valueDate: "2025-02-30" }] },
    ]);

    expect(errorsOf(json)).toEqual([
      ["unsupported_answer_option", "item[0].answerOption[0].valueDate"],
      ["missing_element", "item[0].answerOption[1].valueCoding.code"],
      ["answer_option_not_allowed", "item[1].answerOption"],
      ["missing_answer_option", "item[2]"],
      ["initial_type_mismatch", "item[3].initial[0].valueString"],
      ["multiple_initial_values", "item[4].initial"],
      ["initial_with_answer_option", "item[5].initial"],
      ["invalid_value", "item[6].initial[0].valueDate"],
    ]);
  });

  it("modifierExtension and implicitRules", () => {
    const json = questionnaireJson(
      [{ linkId: "a", type: "string", modifierExtension: [{ url: "https://example.org/negate", valueBoolean: true }] }],
      { implicitRules: "https://example.org/rules" },
    );

    expect(errorsOf(json)).toEqual([
      ["implicit_rules", "implicitRules"],
      ["modifier_extension", "item[0].modifierExtension[0]"],
    ]);
  });
});

describe("importQuestionnaire accepts with warnings", () => {
  it("markup in rendering-xhtml, never keeping it", () => {
    const json = questionnaireJson([
      {
        linkId: "a",
        type: "string",
        text: "Your name",
        _text: {
          extension: [
            {
              url: "http://hl7.org/fhir/StructureDefinition/rendering-xhtml",
              valueString: "<b onclick='x()'>Your</b> name",
            },
          ],
        },
      },
    ]);

    const { questionnaire, report } = importOrFail(json);

    expect(questionnaire.items[0]?.text).toBe("Your name");
    expect(JSON.stringify(questionnaire.items)).not.toContain("onclick");
    expect(report).toEqual([expect.objectContaining({ code: "markup_ignored", path: "item[0]._text.extension[0]" })]);
  });

  it("markup typed into plain text, shown literally", () => {
    const { questionnaire, report } = importOrFail(
      questionnaireJson([{ linkId: "a", type: "string", text: "<i>Naam</i>" }]),
    );

    expect(questionnaire.items[0]?.text).toBe("<i>Naam</i>");
    expect(report).toEqual([expect.objectContaining({ code: "text_looks_like_markup", path: "item[0].text" })]);
  });

  it("unknown elements and extensions, one line each", () => {
    const json = questionnaireJson(
      [
        {
          linkId: "a",
          type: "choice",
          answerOption: yesNo,
          options: { reference: "#old-stu3" },
          extension: [
            {
              url: "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
              valueCodeableConcept: { coding: [{ code: "autocomplete" }] },
            },
            { url: "https://example.org/fhir/StructureDefinition/colour", valueString: "teal" },
          ],
        },
      ],
      { copyrightLabel: "x" },
    );

    const { report } = importOrFail(json);

    expect(report.map((issue) => [issue.code, issue.path])).toEqual([
      ["unknown_element", "copyrightLabel"],
      ["unknown_element", "item[0].options"],
      ["ignored_item_control", "item[0].extension[0]"],
      ["unknown_extension", "item[0].extension[1]"],
    ]);
  });

  it("display extensions it can honour", () => {
    const core = "http://hl7.org/fhir/StructureDefinition/";
    const json = questionnaireJson([
      {
        linkId: "weight",
        type: "decimal",
        extension: [
          { url: `${core}entryFormat`, valueString: "bijv. 72,5" },
          { url: `${core}questionnaire-unit`, valueCoding: { system: "http://unitsofmeasure.org", code: "kg" } },
          { url: `${core}minValue`, valueDecimal: 20 },
          { url: `${core}maxValue`, valueInteger: 400 },
        ],
      },
      {
        linkId: "mood",
        type: "choice",
        extension: [
          { url: `${core}questionnaire-choiceOrientation`, valueCode: "horizontal" },
          { url: `${core}questionnaire-itemControl`, valueCodeableConcept: { coding: [{ code: "drop-down" }] } },
        ],
        answerOption: [
          {
            valueString: "goed",
            initialSelected: true,
            extension: [{ url: `${core}questionnaire-optionPrefix`, valueString: "a)" }],
          },
          { valueString: "slecht", extension: [{ url: `${core}itemWeight`, valueDecimal: 2 }] },
        ],
      },
    ]);

    const { questionnaire, report } = importOrFail(json);
    const [weight, mood] = questionnaire.items;

    expect(report).toEqual([]);
    expect(weight).toMatchObject({ placeholder: "bijv. 72,5", unit: "kg", minValue: 20, maxValue: 400 });
    expect(mood).toMatchObject({ choiceOrientation: "horizontal", control: "drop-down" });
    expect(mood?.type === "choice" && mood.options).toEqual([
      { value: { type: "string", value: "goed" }, initialSelected: true, prefix: "a)" },
      { value: { type: "string", value: "slecht" }, initialSelected: false, ordinalValue: 2 },
    ]);
    expect(mood?.type === "choice" && mood.initial).toEqual([{ type: "string", value: "goed" }]);
  });
});
