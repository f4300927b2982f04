/** A calendar date as `YYYY-MM-DD`, such as a due date; it has no time of day and no time zone. */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns whether `value` is a real `YYYY-MM-DD` date (no 31 February). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string") return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Returns the calendar date it is at `instant` in `timeZone`. Workers run in UTC, so "today" for
 * a practice in Amsterdam must come from here, never from `new Date()` alone.
 */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  // The Swedish locale formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone }).format(
    instant,
  );
}

/** Returns whether a task due on `dueDate` is overdue at `now`: from the day after, in `timeZone`. */
export function isOverdue(dueDate: CalendarDate | null, now: Date, timeZone: string): boolean {
  if (!dueDate) return false;
  return dueDate < calendarDateIn(now, timeZone);
}

/** Returns the instant of noon UTC on `date`, for formatting a calendar date with `Intl` in UTC. */
export function calendarDateAsInstant(date: CalendarDate): Date {
  return new Date(`${date}T12:00:00Z`);
}
