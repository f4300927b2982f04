import { formatDate } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import { translate, translatePlural } from "../i18n/translate";
import { calendarDateAsInstant, calendarDateIn, isOverdue } from "../time/calendar";
import type { ClientAssignment } from "./assignments";

/** A questionnaire card as the Overview and `/forms` render it, decided and formatted on the server. */
export interface AssignmentCard {
  id: string;
  href: string;
  title: string;
  description: string | null;
  questionCountLabel: string;
  /** Due-date line, or null without a due date. */
  dueLabel: string | null;
  overdue: boolean;
  completed: boolean;
  completedLabel: string | null;
  actionLabel: string;
  /** Action text with the title, for screen readers that list links out of context. */
  actionAccessibleLabel: string;
}

/**
 * Formats one assignment. Overdue is decided in the practice's time zone: a questionnaire due on
 * day D is overdue from 00:00 on D+1 there, whatever time it is in UTC.
 */
export function presentAssignment(
  assignment: ClientAssignment,
  options: { locale: Locale; timeZone: string; now: Date },
): AssignmentCard {
  const { locale, timeZone, now } = options;
  const completed = assignment.status === "completed";
  const overdue = !completed && isOverdue(assignment.dueDate, now, timeZone);

  let dueLabel: string | null = null;
  if (assignment.dueDate && !completed) {
    // A calendar date is formatted in UTC so that no time zone shifts it to another day.
    const date = formatDate(locale, calendarDateAsInstant(assignment.dueDate), "UTC");
    if (overdue) dueLabel = translate(locale, "forms.overdue_since", { date });
    else if (assignment.dueDate === calendarDateIn(now, timeZone)) dueLabel = translate(locale, "forms.due_today");
    else dueLabel = translate(locale, "forms.due", { date });
  }

  return {
    id: assignment.id,
    href: `/forms/${assignment.id}`,
    title: assignment.title,
    description: assignment.description,
    questionCountLabel: translatePlural(locale, "forms.questions", assignment.questionCount),
    dueLabel,
    overdue,
    completed,
    completedLabel:
      completed && assignment.completedAt
        ? translate(locale, "forms.completed_on", { date: formatDate(locale, assignment.completedAt, timeZone) })
        : null,
    actionLabel: translate(locale, completed ? "forms.view" : "forms.fill_in"),
    actionAccessibleLabel: translate(locale, completed ? "forms.view_named" : "forms.fill_in_named", {
      title: assignment.title,
    }),
  };
}
