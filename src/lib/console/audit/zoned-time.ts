import type { CalendarDate } from "../../time/calendar";

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Returns how far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function utcOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value);
  const wallClockAsUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

function utcMidnight(date: CalendarDate): number {
  const [year, month, day] = date.split("-").map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

/**
 * Returns the instant a calendar day starts in `timeZone`. The offset is read twice because the
 * first guess can land on the other side of a daylight-saving change.
 *
 * @example startOfDayIn("2026-07-01", "Europe/Amsterdam") // 2026-06-30T22:00:00.000Z
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  const midnightAsUtc = utcMidnight(date);
  const guess = midnightAsUtc - utcOffsetMs(new Date(midnightAsUtc), timeZone);
  return new Date(midnightAsUtc - utcOffsetMs(new Date(guess), timeZone));
}

/** Returns the calendar date after `date`. */
export function nextCalendarDate(date: CalendarDate): CalendarDate {
  return new Date(utcMidnight(date) + MS_PER_DAY).toISOString().slice(0, 10);
}
