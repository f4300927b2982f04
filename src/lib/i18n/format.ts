import type { Locale } from "./locales";

const INTL_LOCALE: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/** Formats an instant as a calendar date in `timeZone`, such as `4 december 2026`. */
export function formatDate(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeZone }).format(instant);
}

/** Formats an instant as a time of day in `timeZone`, such as `14:32`. */
export function formatTime(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: "short", timeZone }).format(instant);
}

/** Formats a byte count with a decimal unit, such as `1,2 MB` in Dutch. */
export function formatFileSize(locale: Locale, bytes: number): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unitIndex = 0;
  while (value >= 1000 && unitIndex < units.length - 1) {
    value /= 1000;
    unitIndex += 1;
  }

  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: "unit",
    unit: units[unitIndex],
    unitDisplay: "short",
    maximumFractionDigits: unitIndex === 0 ? 0 : 1,
  }).format(value);
}
