import { findOption } from "./answer-match";
import { GAD7_URL } from "./instruments/gad-7";
import { PHQ9_URL } from "./instruments/phq-9";
import { indexItems } from "./item-index";
import { type AnswerSet, isQuestion, type Questionnaire } from "./model";

export type Instrument = "phq-9" | "gad-7";
export type Phq9Band = "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";
export type Gad7Band = "minimal" | "mild" | "moderate" | "severe";

export interface ScoreResult {
  instrument: Instrument;
  total: number;
  band: Phq9Band | Gad7Band;
}

interface ScoringRule {
  instrument: Instrument;
  linkIds: readonly string[];
  /** Bands by their highest total, ascending; the published cut-offs of each instrument. */
  bands: readonly { maxTotal: number; band: Phq9Band | Gad7Band }[];
}

const range = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);

const RULES: ReadonlyMap<string, ScoringRule> = new Map([
  [
    PHQ9_URL,
    {
      instrument: "phq-9",
      linkIds: range("phq9", 9),
      bands: [
        { maxTotal: 4, band: "minimal" },
        { maxTotal: 9, band: "mild" },
        { maxTotal: 14, band: "moderate" },
        { maxTotal: 19, band: "moderately_severe" },
        { maxTotal: 27, band: "severe" },
      ],
    },
  ],
  [
    GAD7_URL,
    {
      instrument: "gad-7",
      linkIds: range("gad7", 7),
      bands: [
        { maxTotal: 4, band: "minimal" },
        { maxTotal: 9, band: "mild" },
        { maxTotal: 14, band: "moderate" },
        { maxTotal: 21, band: "severe" },
      ],
    },
  ],
]);

/**
 * Scores the built-in PHQ-9 or GAD-7 (recognized by canonical url, in either language) as the sum
 * of the ordinal values of the chosen options. Returns null for other questionnaires and when any
 * scored question lacks exactly one scorable answer, because a partial sum would understate the
 * severity.
 *
 * @example scoreResponse(phq9, validated.answers) // { instrument: "phq-9", total: 12, band: "moderate" }
 */
export function scoreResponse(questionnaire: Questionnaire, answers: AnswerSet): ScoreResult | null {
  const rule = questionnaire.url === undefined ? undefined : RULES.get(questionnaire.url);
  if (!rule) return null;

  const index = indexItems(questionnaire);
  let total = 0;

  for (const linkId of rule.linkIds) {
    const question = index.byLinkId.get(linkId);
    const values = answers[linkId] ?? [];
    const value = values[0];
    if (!question || !isQuestion(question) || values.length !== 1 || value === undefined) return null;

    const ordinal = findOption(question, value)?.ordinalValue;
    if (ordinal === undefined) return null;
    total += ordinal;
  }

  const band = rule.bands.find((candidate) => total <= candidate.maxTotal)?.band;
  return band === undefined ? null : { instrument: rule.instrument, total, band };
}
