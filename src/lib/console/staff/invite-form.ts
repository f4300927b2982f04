import { normalizeEmail } from "../../auth/subjects";
import { isLocale, type Locale } from "../../i18n/locales";
import { formText } from "../../web/request";
import type { RoleSummary } from "../roles/roles";

export const MAX_STAFF_NAME_LENGTH = 120;

/** The invitation form as typed, so an invalid submission re-renders with the values kept. */
export interface InviteFormValues {
  name: string;
  email: string;
  locale: string;
  roleIds: string[];
}

export interface InviteFormErrors {
  name?: "name_required" | "name_too_long";
  email?: "email_invalid" | "email_taken";
  locale?: "locale_invalid";
  roles?: "roles_required" | "roles_invalid";
}

export interface StaffInvitation {
  name: string;
  /** Lower-cased and trimmed, like every stored address. */
  email: string;
  locale: Locale;
  roleIds: string[];
}

export type InviteFormResult = { ok: true; invitation: StaffInvitation } | { ok: false; errors: InviteFormErrors };

/** Returns the checked role ids of a form, without duplicates. */
export function readRoleIds(form: FormData): string[] {
  const values = form.getAll("roles").filter((value): value is string => typeof value === "string" && value !== "");
  return [...new Set(values)];
}

export function readInviteForm(form: FormData): InviteFormValues {
  return {
    name: formText(form, "name").trim().replace(/\s+/g, " "),
    email: formText(form, "email").trim(),
    locale: formText(form, "locale"),
    roleIds: readRoleIds(form),
  };
}

/** Returns whether every id names a role of the practice. */
export function areKnownRoles(roleIds: readonly string[], practiceRoles: RoleSummary[]): boolean {
  return roleIds.every((roleId) => practiceRoles.some((role) => role.id === roleId));
}

/** Checks the invitation form: a name, an email address, nl or en, and at least one role of the practice. */
export function validateInviteForm(values: InviteFormValues, practiceRoles: RoleSummary[]): InviteFormResult {
  const errors: InviteFormErrors = {};

  if (values.name === "") errors.name = "name_required";
  else if (values.name.length > MAX_STAFF_NAME_LENGTH) errors.name = "name_too_long";

  const email = normalizeEmail(values.email);
  if (!email) errors.email = "email_invalid";

  if (!isLocale(values.locale)) errors.locale = "locale_invalid";

  if (values.roleIds.length === 0) errors.roles = "roles_required";
  else if (!areKnownRoles(values.roleIds, practiceRoles)) errors.roles = "roles_invalid";

  if (!email || !isLocale(values.locale) || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, invitation: { name: values.name, email, locale: values.locale, roleIds: values.roleIds } };
}
