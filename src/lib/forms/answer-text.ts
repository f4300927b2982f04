import { formatDate } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import { translate } from "../i18n/translate";
import type { AnswerValue, QuestionItem } from "../questionnaires";
import { calendarDateAsInstant } from "../time/calendar";

/** Returns one answer as the read-only view shows it: option labels, yes/no, localized numbers and dates. */
export function answerText(question: QuestionItem, answer: AnswerValue, locale: Locale): string {
  switch (answer.type) {
    case "boolean":
      return translate(locale, answer.value ? "fill.yes" : "fill.no");
    case "integer":
    case "decimal":
      return `${new Intl.NumberFormat(locale).format(answer.value)}${question.unit ? ` ${question.unit}` : ""}`;
    case "date":
      return formatDate(locale, calendarDateAsInstant(answer.value), "UTC");
    case "coding":
      return answer.value.display ?? answer.value.code;
    case "other":
      return `${translate(locale, "fill.other")}: ${answer.value}`;
    default:
      return answer.value;
  }
}
