/** Milliseconds in common units, for durations stored as epoch milliseconds. */
export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/**
 * Where "now" comes from. Domain functions take a `Date` argument instead of calling `new Date()`,
 * so tests drive expiry with a chosen instant rather than by sleeping.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Returns the hour of day (0–23) of `instant` in `timeZone`. */
export function hourInTimeZone(instant: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone }).format(instant);
  return Number.parseInt(hour, 10);
}
