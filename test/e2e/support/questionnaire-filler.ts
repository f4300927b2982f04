import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

import type { Locale } from "../../../src/lib/i18n/locales";
import { translate } from "../../../src/lib/i18n/translate";
import {
  type AnswerSet,
  type AnswerValue,
  enabledLinkIds,
  indexItems,
  isQuestion,
  type OptionValue,
  type QuestionItem,
  type Questionnaire,
  type QuestionnaireItem,
} from "../../../src/lib/questionnaires";

/** What the filler entered, and which items appeared on the page because of an answer. */
export interface FillResult {
  /** The answers of the items still shown at the end, as the portal should store them. */
  answers: AnswerSet;
  /** linkIds of items that enableWhen showed only after an answer was entered. */
  appeared: string[];
}

const SAMPLE_DATE = "2024-05-17";
const SAMPLE_INTEGER = 7;
const SAMPLE_DECIMAL = 12.5;

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function optionLabel(value: OptionValue): string {
  if (value.type === "coding") return value.value.display ?? value.value.code;
  return String(value.value);
}

/** Returns the accessible name the page gives a question: prefix, text and the required marker. */
export function questionLabel(question: QuestionItem, locale: Locale): string {
  const prefix = question.prefix ? `${question.prefix} ` : "";
  const required = question.required ? ` (${translate(locale, "fill.required")})` : "";
  return normalizeSpace(`${prefix}${question.text ?? question.linkId}${required}`);
}

/** Returns true for questions shown as radio buttons or check boxes, in a fieldset named by its legend. */
function isFieldset(question: QuestionItem): boolean {
  if (question.type === "boolean" || question.type === "open-choice") return true;
  if (question.type !== "choice") return false;
  return question.control !== "drop-down" || question.repeats;
}

/**
 * Returns a locator for every element of the page that shows `item`, found the way a person finds
 * it: a question by its label, a group by its heading, a display item by its text. Items that the
 * page cannot name (a group or display item without text) return null.
 */
function locateItem(page: Page, item: QuestionnaireItem, locale: Locale): Locator | null {
  if (isQuestion(item)) {
    const name = questionLabel(item, locale);
    return isFieldset(item) ? page.getByRole("group", { name, exact: true }) : page.getByLabel(name, { exact: true });
  }
  if (!item.text || normalizeSpace(item.text) === "") return null;
  if (item.type === "group") return page.getByRole("region", { name: normalizeSpace(item.text), exact: true });
  return page.getByText(normalizeSpace(item.text), { exact: true });
}

/** Items of the questionnaire that the page shows under the same name as `item`, in document order. */
function namesakes(questionnaire: Questionnaire, item: QuestionnaireItem, locale: Locale): QuestionnaireItem[] {
  const describe = (candidate: QuestionnaireItem) =>
    isQuestion(candidate)
      ? `question:${isFieldset(candidate)}:${questionLabel(candidate, locale)}`
      : `${candidate.type}:${normalizeSpace(candidate.text ?? "")}`;
  const key = describe(item);
  return indexItems(questionnaire).items.filter((candidate) => describe(candidate) === key);
}

/**
 * Checks that the page shows `item` exactly when `enabledLinkIds` returns it for `answers`. Items
 * that share a name are counted together, so the page must show as many of them as are enabled.
 */
async function expectShown(
  page: Page,
  questionnaire: Questionnaire,
  answers: AnswerSet,
  item: QuestionnaireItem,
  locale: Locale,
) {
  const locator = locateItem(page, item, locale);
  if (!locator) return;

  const enabled = enabledLinkIds(questionnaire, answers);
  const enabledNamesakes = namesakes(questionnaire, item, locale).filter((candidate) => enabled.has(candidate.linkId));
  const state = enabled.has(item.linkId) ? "shown" : "hidden";
  await expect
    .poll(() => locator.count(), { message: `item ${item.linkId} should be ${state}`, timeout: 5_000 })
    .toBe(enabledNamesakes.length);
}

/** Clamps `value` into the question's inclusive bounds. */
function withinBounds(value: number, question: QuestionItem): number {
  const min = question.minValue ?? Number.NEGATIVE_INFINITY;
  const max = question.maxValue ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.max(value, min), max);
}

function sampleDate(question: QuestionItem): string {
  if (question.minDate !== undefined && SAMPLE_DATE < question.minDate) return question.minDate;
  if (question.maxDate !== undefined && SAMPLE_DATE > question.maxDate) return question.maxDate;
  return SAMPLE_DATE;
}

/** Returns a text answer that names its question and fits its maximum length in code points. */
function sampleText(question: QuestionItem, position: number): string {
  const text =
    question.type === "text"
      ? `Antwoord ${position}, eerste regel – ëï\nTweede regel van antwoord ${position}`
      : `Antwoord ${position} – ëï`;
  const characters = [...text];
  return question.maxLength === undefined ? text : characters.slice(0, question.maxLength).join("").trim();
}

/**
 * Returns the answers the filler considers for a question. For booleans and choices every
 * option is a candidate, so the filler can pick the one that shows the most follow-up items.
 */
function candidateAnswers(question: QuestionItem, position: number): AnswerValue[][] {
  switch (question.type) {
    case "boolean":
      return [[{ type: "boolean", value: true }], [{ type: "boolean", value: false }]];
    case "choice":
    case "open-choice": {
      const options = question.options.map((option) => option.value);
      if (!question.repeats) return options.map((option) => [option]);
      const count = Math.min(2, question.maxOccurs ?? 2, options.length);
      return [options.slice(0, count)];
    }
    case "integer":
      return [[{ type: "integer", value: Math.round(withinBounds(SAMPLE_INTEGER, question)) }]];
    case "decimal":
      return [[{ type: "decimal", value: withinBounds(SAMPLE_DECIMAL, question) }]];
    case "date":
      return [[{ type: "date", value: sampleDate(question) }]];
    default:
      return [[{ type: "string", value: sampleText(question, position) }]];
  }
}

/** Picks the candidate that leaves the most items enabled, and the first candidate on a tie. */
function chooseAnswer(questionnaire: Questionnaire, answers: AnswerSet, question: QuestionItem, position: number) {
  let best: AnswerValue[] = [];
  let bestCount = -1;
  for (const candidate of candidateAnswers(question, position)) {
    const count = enabledLinkIds(questionnaire, { ...answers, [question.linkId]: candidate }).size;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Formats a number as a person types it in `locale`: a decimal comma in Dutch. */
function typedNumber(value: number, locale: Locale): string {
  const text = String(value);
  return locale === "nl" ? text.replace(".", ",") : text;
}

/** Enters `values` into the question's field the way a person would: by label, one control at a time. */
async function enterAnswer(field: Locator, question: QuestionItem, values: AnswerValue[], locale: Locale) {
  const [first] = values;
  if (!first) return;

  if (first.type === "boolean") {
    const label = translate(locale, first.value ? "fill.yes" : "fill.no");
    await field.getByRole("radio", { name: label, exact: true }).check();
    return;
  }
  if (question.type === "choice" || question.type === "open-choice") {
    const labels = values.map((value) => {
      const option = question.options.find((candidate) => candidate.value === value);
      if (!option) throw new Error(`answer ${JSON.stringify(value)} is not an option of ${question.linkId}`);
      return normalizeSpace(`${option.prefix ? `${option.prefix} ` : ""}${optionLabel(option.value)}`);
    });
    if (!isFieldset(question)) {
      await field.selectOption({ label: labels[0] ?? "" });
      return;
    }
    const role = question.repeats ? "checkbox" : "radio";
    for (const label of labels) await field.getByRole(role, { name: label, exact: true }).check();
    return;
  }
  if (first.type === "integer" || first.type === "decimal") {
    await field.fill(typedNumber(first.value, locale));
    return;
  }
  if (first.type === "date" || first.type === "string") {
    await field.fill(first.value);
    return;
  }
  throw new Error(`the filler cannot enter a ${first.type} answer for ${question.linkId}`);
}

/**
 * Fills in every enabled question of the questionnaire on an open fill-in page, in document order,
 * walking the imported model with the engine: radio buttons, check boxes and drop-downs by their
 * labels, text, number and date fields by typing. For booleans and choices it picks the answer
 * that shows the most follow-up items, so that enableWhen is exercised. Around every answer it
 * checks that items the answer enables were hidden before it and are shown after it, and the
 * reverse for items it disables. Read-only questions are skipped.
 */
export async function fillQuestionnaire(page: Page, questionnaire: Questionnaire, locale: Locale): Promise<FillResult> {
  const items = indexItems(questionnaire).items;
  let answers: AnswerSet = {};
  const appeared: string[] = [];

  for (const item of items) await expectShown(page, questionnaire, answers, item, locale);

  for (const [position, question] of items.filter(isQuestion).entries()) {
    const enabledBefore = enabledLinkIds(questionnaire, answers);
    if (!enabledBefore.has(question.linkId) || question.readOnly) continue;

    const values = chooseAnswer(questionnaire, answers, question, position + 1);
    const next = { ...answers, [question.linkId]: values };
    const enabledAfter = enabledLinkIds(questionnaire, next);
    const changed = items.filter((item) => enabledBefore.has(item.linkId) !== enabledAfter.has(item.linkId));
    for (const item of changed) await expectShown(page, questionnaire, answers, item, locale);

    const field = locateItem(page, question, locale);
    if (!field) throw new Error(`question ${question.linkId} has no field on the page`);
    const sameName = namesakes(questionnaire, question, locale).filter((item) => enabledBefore.has(item.linkId));
    await enterAnswer(field.nth(sameName.indexOf(question)), question, values, locale);

    answers = next;
    for (const item of changed) {
      await expectShown(page, questionnaire, answers, item, locale);
      if (enabledAfter.has(item.linkId)) appeared.push(item.linkId);
    }
  }

  const enabled = enabledLinkIds(questionnaire, answers);
  const shownAnswers = Object.fromEntries(Object.entries(answers).filter(([linkId]) => enabled.has(linkId)));
  return { answers: shownAnswers, appeared };
}

/** Returns true when any item of the questionnaire has an enableWhen condition. */
export function hasConditions(questionnaire: Questionnaire): boolean {
  return indexItems(questionnaire).items.some((item) => item.enableWhen.length > 0);
}
