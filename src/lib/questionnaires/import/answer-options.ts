import { isJsonObject, jsonTypeName } from "../json";
import type { AnswerOption, AnswerValue, OptionValue, QuestionType } from "../model";
import {
  readBoolean,
  readExtensions,
  reportSpecialMembers,
  reportUnknownMembers,
  reportUnreadExtension,
} from "./elements";
import { EXTENSION_URL, ORDINAL_VALUE_URLS } from "./extensions";
import { type ImportReport, joinPath } from "./report";
import { findChoiceMember, parseTypedValue } from "./values";

const OPTION_MEMBERS = new Set([
  "id",
  "valueCoding",
  "valueString",
  "valueInteger",
  "valueDate",
  "valueTime",
  "valueReference",
  "initialSelected",
]);
const INITIAL_MEMBERS = new Set(["id"]);

/** Parses `answerOption`; options of unsupported value types are reported as errors. */
export function parseAnswerOptions(list: unknown[], path: string, report: ImportReport): AnswerOption[] {
  const options: AnswerOption[] = [];

  list.forEach((json, index) => {
    const option = parseAnswerOption(json, joinPath(path, `answerOption[${index}]`), report);
    if (option) options.push(option);
  });
  return options;
}

function parseAnswerOption(json: unknown, path: string, report: ImportReport): AnswerOption | undefined {
  if (!isJsonObject(json)) {
    report.error(path, "wrong_json_type", `An answer option must be an object, found ${jsonTypeName(json)}.`);
    return undefined;
  }

  reportSpecialMembers(json, path, report);
  reportUnknownMembers(json, path, OPTION_MEMBERS, report);

  const member = findChoiceMember(json, "value", path, report);
  if (!member) return undefined;
  if (member.fhirType !== "Coding" && member.fhirType !== "String" && member.fhirType !== "Integer") {
    report.error(
      joinPath(path, member.key),
      "unsupported_answer_option",
      `Answer options of type ${member.fhirType} are not supported; use valueCoding, valueString or valueInteger.`,
    );
    return undefined;
  }

  const value = parseTypedValue(member, path, report);
  const initialSelected = readBoolean(json, "initialSelected", path, report) ?? false;
  if (!value || !isOptionValue(value)) return undefined;

  const option: AnswerOption = { value, initialSelected };
  const extensions = readExtensions(json, path, report);
  // Some forms put the ordinal value on the Coding instead of on the option.
  if (member.fhirType === "Coding" && isJsonObject(member.raw)) {
    extensions.push(...readExtensions(member.raw, joinPath(path, member.key), report));
  }

  for (const extension of extensions) {
    if (extension.url === EXTENSION_URL.optionPrefix && typeof extension.json.valueString === "string") {
      option.prefix = extension.json.valueString;
    } else if (ORDINAL_VALUE_URLS.includes(extension.url)) {
      const ordinal = extension.json.valueDecimal ?? extension.json.valueInteger;
      if (typeof ordinal === "number" && Number.isFinite(ordinal)) {
        option.ordinalValue = ordinal;
      } else {
        report.error(extension.path, "invalid_extension", "An ordinal value needs a numeric valueDecimal.");
      }
    } else if (extension.url === EXTENSION_URL.optionPrefix) {
      report.error(extension.path, "invalid_extension", "An option prefix needs a valueString.");
    } else {
      reportUnreadExtension(extension, report);
    }
  }
  return option;
}

function isOptionValue(value: AnswerValue): value is OptionValue {
  return value.type === "coding" || value.type === "string" || value.type === "integer";
}

/**
 * Parses `initial` into answer values of the item's type. An integer initial value of a decimal
 * item becomes a decimal, and a string initial value of an open-choice item is free text.
 */
export function parseInitialValues(
  list: unknown[],
  path: string,
  itemType: QuestionType,
  report: ImportReport,
): AnswerValue[] {
  const values: AnswerValue[] = [];

  list.forEach((json, index) => {
    const initialPath = joinPath(path, `initial[${index}]`);
    if (!isJsonObject(json)) {
      report.error(initialPath, "wrong_json_type", `An initial value must be an object, found ${jsonTypeName(json)}.`);
      return;
    }

    reportSpecialMembers(json, initialPath, report);
    for (const extension of readExtensions(json, initialPath, report)) reportUnreadExtension(extension, report);
    const member = findChoiceMember(json, "value", initialPath, report);
    reportUnknownMembers(json, initialPath, new Set([...INITIAL_MEMBERS, ...(member ? [member.key] : [])]), report);
    if (!member) return;

    const parsed = parseTypedValue(member, initialPath, report);
    if (!parsed) return;

    const value = fitToItemType(parsed, itemType);
    if (!value) {
      report.error(
        joinPath(initialPath, member.key),
        "initial_type_mismatch",
        `An initial ${member.key} does not fit an item of type ${itemType}.`,
      );
      return;
    }
    values.push(value);
  });
  return values;
}

function fitToItemType(value: AnswerValue, itemType: QuestionType): AnswerValue | undefined {
  switch (itemType) {
    case "decimal":
      if (value.type === "integer") return { type: "decimal", value: value.value };
      return value.type === "decimal" ? value : undefined;
    case "string":
    case "text":
      return value.type === "string" ? value : undefined;
    case "open-choice":
      if (value.type === "string") return { type: "other", value: value.value };
      return value.type === "coding" ? value : undefined;
    case "choice":
      return value.type === "coding" ? value : undefined;
    default:
      return value.type === itemType ? value : undefined;
  }
}
