/** Offsets such as `+01:00`, which newer `Intl` versions accept but which are not IANA names. */
const OFFSET_TIME_ZONE = /^[+-]/;

/**
 * Returns the canonical IANA name of `value` (`europe/amsterdam` becomes `Europe/Amsterdam`), or
 * null when `Intl` does not know it as a time zone.
 */
export function canonicalTimeZone(value: string): string | null {
  const name = value.trim();
  if (name === "" || OFFSET_TIME_ZONE.test(name)) return null;

  try {
    return new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Returns the IANA time zone names `Intl` supports, for the suggestions beside the field. */
export function supportedTimeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
