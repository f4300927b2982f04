import type { Practice } from "../../../../db/schema";
import { normalizeEmail } from "../../auth/subjects";
import {
  ABSOLUTE_TIMEOUT_HOURS_BOUNDS,
  IDLE_TIMEOUT_MINUTES_BOUNDS,
  SIGN_IN_TTL_MINUTES_BOUNDS,
} from "../../auth/timeouts";
import { isHexColor } from "../../branding/contrast";
import { isLocale, type Locale } from "../../i18n/locales";
import { formText } from "../../web/request";
import { canonicalTimeZone } from "./time-zones";

export const MAX_PRACTICE_NAME_LENGTH = 120;
const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;

/** The practice settings a staff member with `practice.settings.update` may change, as stored. */
export interface PracticeSettings {
  name: string;
  brandColor: string;
  contactEmail: string | null;
  contactPhone: string | null;
  defaultLocale: Locale;
  timeZone: string;
  signInTtlMinutes: number;
  clientIdleTimeoutMinutes: number;
  clientAbsoluteTimeoutHours: number;
  staffIdleTimeoutMinutes: number;
  staffAbsoluteTimeoutHours: number;
}

export type SettingsField = keyof PracticeSettings;

export const SETTINGS_FIELDS = [
  "name",
  "brandColor",
  "contactEmail",
  "contactPhone",
  "defaultLocale",
  "timeZone",
  "signInTtlMinutes",
  "clientIdleTimeoutMinutes",
  "clientAbsoluteTimeoutHours",
  "staffIdleTimeoutMinutes",
  "staffAbsoluteTimeoutHours",
] as const satisfies readonly SettingsField[];

/** Lower and upper bound of each numeric setting, in the unit its name carries. */
export const SETTINGS_BOUNDS = {
  signInTtlMinutes: SIGN_IN_TTL_MINUTES_BOUNDS,
  clientIdleTimeoutMinutes: IDLE_TIMEOUT_MINUTES_BOUNDS,
  clientAbsoluteTimeoutHours: ABSOLUTE_TIMEOUT_HOURS_BOUNDS,
  staffIdleTimeoutMinutes: IDLE_TIMEOUT_MINUTES_BOUNDS,
  staffAbsoluteTimeoutHours: ABSOLUTE_TIMEOUT_HOURS_BOUNDS,
} as const;

type NumericField = keyof typeof SETTINGS_BOUNDS;

export type SettingsFieldError = "required" | "too_long" | "invalid" | "out_of_range";

/** The form's values as typed, so an invalid submission re-renders with the values kept. */
export type SettingsFormValues = Record<SettingsField, string>;

export type SettingsFormResult =
  | { ok: true; settings: PracticeSettings }
  | { ok: false; errors: Partial<Record<SettingsField, SettingsFieldError>> };

/** Returns the stored settings of a practice as form values. */
export function settingsFormValues(practice: Practice): SettingsFormValues {
  return {
    name: practice.name,
    brandColor: practice.brandColor,
    contactEmail: practice.contactEmail ?? "",
    contactPhone: practice.contactPhone ?? "",
    defaultLocale: practice.defaultLocale,
    timeZone: practice.timeZone,
    signInTtlMinutes: String(practice.signInTtlMinutes),
    clientIdleTimeoutMinutes: String(practice.clientIdleTimeoutMinutes),
    clientAbsoluteTimeoutHours: String(practice.clientAbsoluteTimeoutHours),
    staffIdleTimeoutMinutes: String(practice.staffIdleTimeoutMinutes),
    staffAbsoluteTimeoutHours: String(practice.staffAbsoluteTimeoutHours),
  };
}

/** Reads the submitted settings form as typed. */
export function readSettingsForm(form: FormData): SettingsFormValues {
  const values = {} as SettingsFormValues;
  for (const field of SETTINGS_FIELDS) values[field] = formText(form, field).trim();
  return values;
}

function parseWholeNumber(value: string, bounds: { min: number; max: number }): number | SettingsFieldError {
  if (value === "") return "required";
  if (!/^\d{1,6}$/.test(value)) return "out_of_range";

  const number = Number.parseInt(value, 10);
  return number < bounds.min || number > bounds.max ? "out_of_range" : number;
}

/**
 * Checks every field and returns either the settings to store or an error per invalid field.
 * Numbers outside the bounds of `src/lib/auth/timeouts.ts` are rejected, never clamped, so the
 * stored value is always the one the form shows.
 */
export function validateSettings(values: SettingsFormValues): SettingsFormResult {
  const errors: Partial<Record<SettingsField, SettingsFieldError>> = {};

  if (values.name === "") errors.name = "required";
  else if (values.name.length > MAX_PRACTICE_NAME_LENGTH) errors.name = "too_long";

  const brandColor = values.brandColor.toLowerCase();
  if (!isHexColor(brandColor)) errors.brandColor = "invalid";

  const contactEmail = values.contactEmail === "" ? null : normalizeEmail(values.contactEmail);
  if (values.contactEmail !== "" && !contactEmail) errors.contactEmail = "invalid";

  const contactPhone = values.contactPhone === "" ? null : values.contactPhone.replace(/\s+/g, " ");
  if (contactPhone !== null && !PHONE_PATTERN.test(contactPhone)) errors.contactPhone = "invalid";

  if (!isLocale(values.defaultLocale)) errors.defaultLocale = "invalid";

  const timeZone = canonicalTimeZone(values.timeZone);
  if (!timeZone) errors.timeZone = values.timeZone === "" ? "required" : "invalid";

  const numbers = {} as Record<NumericField, number>;
  for (const field of Object.keys(SETTINGS_BOUNDS) as NumericField[]) {
    const parsed = parseWholeNumber(values[field], SETTINGS_BOUNDS[field]);
    if (typeof parsed === "number") numbers[field] = parsed;
    else errors[field] = parsed;
  }

  if (Object.keys(errors).length > 0 || !timeZone || !isLocale(values.defaultLocale)) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      name: values.name,
      brandColor,
      contactEmail,
      contactPhone,
      defaultLocale: values.defaultLocale,
      timeZone,
      ...numbers,
    },
  };
}

/** Returns the fields whose stored value differs from `settings`, in form order. */
export function changedSettingsFields(practice: Practice, settings: PracticeSettings): SettingsField[] {
  return SETTINGS_FIELDS.filter((field) => practice[field] !== settings[field]);
}
