import { isCalendarDate, isJsonObject } from "../json";
import {
  type DisplayCategory,
  type ItemControl,
  isQuestion,
  type QuestionItem,
  type QuestionnaireItem,
} from "../model";
import { type ExtensionEntry, reportUnreadExtension } from "./elements";
import { EXTENSION_URL } from "./extensions";
import type { ImportReport } from "./report";

const SUPPORTED_CONTROLS: readonly ItemControl[] = ["radio-button", "check-box", "drop-down"];
const DISPLAY_CATEGORIES: readonly DisplayCategory[] = ["instructions", "security", "help"];

function isItemControl(code: string): code is ItemControl {
  return SUPPORTED_CONTROLS.some((control) => control === code);
}

function isDisplayCategory(code: string): code is DisplayCategory {
  return DISPLAY_CATEGORIES.some((category) => category === code);
}

/** Applies the item extensions Veranda reads and reports every other one. */
export function applyItemExtensions(item: QuestionnaireItem, extensions: ExtensionEntry[], report: ImportReport): void {
  for (const extension of extensions) {
    switch (extension.url) {
      case EXTENSION_URL.minValue:
      case EXTENSION_URL.maxValue:
        applyBound(item, extension, report);
        break;
      case EXTENSION_URL.minOccurs:
      case EXTENSION_URL.maxOccurs:
        applyOccurs(item, extension, report);
        break;
      case EXTENSION_URL.itemControl:
        applyItemControl(item, extension, report);
        break;
      case EXTENSION_URL.displayCategory:
        applyDisplayCategory(item, extension, report);
        break;
      case EXTENSION_URL.entryFormat:
      case EXTENSION_URL.choiceOrientation:
      case EXTENSION_URL.unit:
        applyPresentation(item, extension, report);
        break;
      default:
        reportUnreadExtension(extension, report);
    }
  }
}

function questionOrReject(item: QuestionnaireItem, extension: ExtensionEntry, report: ImportReport) {
  if (isQuestion(item)) return item;
  report.error(extension.path, "invalid_extension", `Extension ${extension.url} is only allowed on questions.`);
  return undefined;
}

function applyBound(item: QuestionnaireItem, extension: ExtensionEntry, report: ImportReport): void {
  const question = questionOrReject(item, extension, report);
  if (!question) return;

  const isMin = extension.url === EXTENSION_URL.minValue;
  const { valueInteger, valueDecimal, valueDate } = extension.json;
  const number = valueInteger ?? valueDecimal;

  if ((question.type === "integer" || question.type === "decimal") && typeof number === "number") {
    if (isMin) question.minValue = number;
    else question.maxValue = number;
    return;
  }
  if (question.type === "date" && typeof valueDate === "string" && isCalendarDate(valueDate)) {
    if (isMin) question.minDate = valueDate;
    else question.maxDate = valueDate;
    return;
  }
  report.error(
    extension.path,
    "invalid_extension",
    `A ${isMin ? "minimum" : "maximum"} value must be a number for integer and decimal items or a date YYYY-MM-DD for date items.`,
  );
}

function applyOccurs(item: QuestionnaireItem, extension: ExtensionEntry, report: ImportReport): void {
  const question = questionOrReject(item, extension, report);
  if (!question) return;

  const count = extension.json.valueInteger;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
    report.error(extension.path, "invalid_extension", "minOccurs and maxOccurs need a non-negative valueInteger.");
    return;
  }

  if (extension.url === EXTENSION_URL.minOccurs) {
    // On a single-answer item, minOccurs 1 is how some form builders spell "required".
    if (count >= 1) question.required = true;
    if (question.repeats) question.minOccurs = count;
    return;
  }
  if (!question.repeats) {
    report.warning(extension.path, "ignored_extension", "maxOccurs has no effect on an item that does not repeat.");
    return;
  }
  question.maxOccurs = count;
}

function codesOf(extension: ExtensionEntry): string[] {
  const concept = extension.json.valueCodeableConcept;
  if (!isJsonObject(concept) || !Array.isArray(concept.coding)) return [];

  return concept.coding.flatMap((coding) =>
    isJsonObject(coding) && typeof coding.code === "string" ? [coding.code] : [],
  );
}

function applyItemControl(item: QuestionnaireItem, extension: ExtensionEntry, report: ImportReport): void {
  const code = codesOf(extension).find(isItemControl);
  const isChoice = item.type === "choice" || item.type === "open-choice";

  if (code && isChoice && isQuestion(item)) {
    item.control = code;
    return;
  }
  const shown = codesOf(extension).join(", ") || "without a code";
  report.warning(
    extension.path,
    "ignored_item_control",
    `Item control ${shown} is not supported on a ${item.type} item; the default control is used.`,
  );
}

function applyDisplayCategory(item: QuestionnaireItem, extension: ExtensionEntry, report: ImportReport): void {
  const code = codesOf(extension).find(isDisplayCategory);

  if (code && item.type === "display") {
    item.displayCategory = code;
    return;
  }
  report.warning(extension.path, "ignored_extension", "This display category is not supported here and is ignored.");
}

function applyPresentation(item: QuestionnaireItem, extension: ExtensionEntry, report: ImportReport): void {
  const question: QuestionItem | undefined = isQuestion(item) ? item : undefined;
  const { valueString, valueCode, valueCoding } = extension.json;

  if (question && extension.url === EXTENSION_URL.entryFormat && typeof valueString === "string") {
    question.placeholder = valueString;
    return;
  }
  if (question && extension.url === EXTENSION_URL.choiceOrientation) {
    if (valueCode === "horizontal" || valueCode === "vertical") {
      question.choiceOrientation = valueCode;
      return;
    }
  }
  if (
    question &&
    extension.url === EXTENSION_URL.unit &&
    (question.type === "decimal" || question.type === "integer")
  ) {
    const unit = isJsonObject(valueCoding) ? (valueCoding.display ?? valueCoding.code) : undefined;
    if (typeof unit === "string") {
      question.unit = unit;
      return;
    }
  }
  report.warning(extension.path, "ignored_extension", `Extension ${extension.url} does not apply here and is ignored.`);
}
