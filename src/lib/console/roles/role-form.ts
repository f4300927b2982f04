import { formText } from "../../web/request";
import { isPermission, PERMISSIONS, type Permission, SYSTEM_ROLES } from "../permissions";
import type { RoleSummary } from "./roles";

export const MAX_ROLE_NAME_LENGTH = 60;

/** The role form as typed, so an invalid submission re-renders with the values kept. */
export interface RoleFormValues {
  name: string;
  permissions: string[];
}

export type RoleNameError = "name_required" | "name_too_long" | "name_taken";

export interface RoleFormErrors {
  name?: RoleNameError;
  permissions?: "permissions_invalid";
}

export type RoleFormResult =
  | { ok: true; name: string; permissions: Permission[] }
  | { ok: false; errors: RoleFormErrors };

export function readRoleForm(form: FormData): RoleFormValues {
  return {
    name: formText(form, "name").trim().replace(/\s+/g, " "),
    permissions: form
      .getAll("permissions")
      .filter((value): value is string => typeof value === "string" && value !== ""),
  };
}

/** Returns whether `name` is any language's name of a system role, which custom roles may not take. */
function isSystemRoleName(name: string): boolean {
  const wanted = name.toLocaleLowerCase("nl");
  return Object.values(SYSTEM_ROLES).some((role) =>
    Object.values(role.name).some((systemName) => systemName.toLocaleLowerCase("nl") === wanted),
  );
}

/**
 * Checks a custom role's name and permissions. A name is taken when another role of the practice
 * has it, in any letter case, or when it is a system role's name in Dutch or English.
 */
export function validateRoleForm(
  values: RoleFormValues,
  existingRoles: RoleSummary[],
  editedRoleId: string | null,
): RoleFormResult {
  const errors: RoleFormErrors = {};
  const lowerName = values.name.toLocaleLowerCase("nl");

  if (values.name === "") errors.name = "name_required";
  else if (values.name.length > MAX_ROLE_NAME_LENGTH) errors.name = "name_too_long";
  else if (
    isSystemRoleName(values.name) ||
    existingRoles.some((role) => role.id !== editedRoleId && role.name.toLocaleLowerCase("nl") === lowerName)
  ) {
    errors.name = "name_taken";
  }

  if (!values.permissions.every(isPermission)) errors.permissions = "permissions_invalid";
  if (errors.name || errors.permissions) return { ok: false, errors };

  const chosen = new Set(values.permissions);
  return { ok: true, name: values.name, permissions: PERMISSIONS.filter((permission) => chosen.has(permission)) };
}
