import type { MessageKey } from "../i18n/translate";
import { hourInTimeZone } from "../time/clock";

/** Returns the greeting for the time of day in the practice's time zone, decided on the server. */
export function greetingKey(now: Date, timeZone: string): MessageKey {
  const hour = hourInTimeZone(now, timeZone);
  if (hour >= 5 && hour < 12) return "dashboard.greeting.morning";
  if (hour >= 12 && hour < 18) return "dashboard.greeting.afternoon";
  return "dashboard.greeting.evening";
}
