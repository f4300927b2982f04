import { formatDate } from "../../i18n/format";
import { isLocale, type Locale } from "../../i18n/locales";
import { translate } from "../../i18n/translate";
import { calendarDateAsInstant, isOverdue } from "../../time/calendar";
import { formatDateTime } from "../documents/present";
import type { StaffAssignment } from "./client-assignments";

const SCORE_BANDS = ["minimal", "mild", "moderate", "moderately_severe", "severe"] as const;
type ScoreBand = (typeof SCORE_BANDS)[number];

const INSTRUMENT_NAMES: Record<string, string> = { "phq-9": "PHQ-9", "gad-7": "GAD-7" };

function isScoreBand(value: string | null): value is ScoreBand {
  return value !== null && (SCORE_BANDS as readonly string[]).includes(value);
}

/** Returns the name of a questionnaire's language in `locale`, or the stored tag for other languages. */
export function languageLabel(locale: Locale, language: string): string {
  return isLocale(language) ? translate(locale, `console.clients.language.${language}`) : language;
}

/** Formats a score as "PHQ-9: 12 (moderate)", or null when the response has no score. */
export function scoreLabel(
  locale: Locale,
  score: { scoreInstrument: string | null; scoreTotal: number | null; scoreBand: string | null },
): string | null {
  if (score.scoreTotal === null || score.scoreInstrument === null) return null;
  return translate(locale, "console.questionnaires.score", {
    instrument: INSTRUMENT_NAMES[score.scoreInstrument] ?? score.scoreInstrument,
    total: new Intl.NumberFormat(locale).format(score.scoreTotal),
    band: isScoreBand(score.scoreBand)
      ? translate(locale, `console.questionnaires.band.${score.scoreBand}`)
      : (score.scoreBand ?? ""),
  });
}

/** An assignment row of the console's list, every text decided and formatted on the server. */
export interface StaffAssignmentRow {
  id: string;
  title: string;
  detailsLabel: string;
  assignedLabel: string;
  dueLabel: string;
  overdue: boolean;
  status: StaffAssignment["status"];
  statusLabel: string;
  scoreLabel: string | null;
  hasResponse: boolean;
}

/** Formats one assignment for the console; overdue is decided in the practice's time zone. */
export function presentStaffAssignment(
  assignment: StaffAssignment,
  options: { locale: Locale; timeZone: string; now: Date },
): StaffAssignmentRow {
  const { locale, timeZone, now } = options;
  const at = (instant: Date) => formatDateTime(locale, instant, timeZone);
  const overdue = assignment.status === "pending" && isOverdue(assignment.dueDate, now, timeZone);

  let statusLabel = translate(locale, "console.questionnaires.status.pending");
  if (assignment.status === "completed" && assignment.completedAt) {
    statusLabel = translate(locale, "console.questionnaires.status.completed", { date: at(assignment.completedAt) });
  } else if (assignment.status === "withdrawn" && assignment.withdrawnAt) {
    statusLabel = translate(locale, "console.questionnaires.status.withdrawn", { date: at(assignment.withdrawnAt) });
  }

  return {
    id: assignment.id,
    title: assignment.title,
    detailsLabel: translate(locale, "console.questionnaires.version_details", {
      language: languageLabel(locale, assignment.language),
      version: assignment.versionNumber,
    }),
    assignedLabel: assignment.assignerName
      ? translate(locale, "console.questionnaires.assigned_by", {
          date: at(assignment.assignedAt),
          name: assignment.assignerName,
        })
      : translate(locale, "console.questionnaires.assigned", { date: at(assignment.assignedAt) }),
    // A calendar date is formatted in UTC so that no time zone moves it to another day.
    dueLabel: assignment.dueDate
      ? formatDate(locale, calendarDateAsInstant(assignment.dueDate), "UTC")
      : translate(locale, "console.questionnaires.no_due_date"),
    overdue,
    status: assignment.status,
    statusLabel,
    scoreLabel: scoreLabel(locale, assignment),
    hasResponse: assignment.responseId !== null,
  };
}
