import { AppError } from "../http/errors";
import type { Permission } from "./permissions";
import type { StaffContext } from "./staff-context";

/**
 * Returns the staff member when they hold `permission`, or null so the page renders its 403.
 * Console pages call it first; console endpoints use `requirePermission`, which throws.
 */
export function staffWithPermission(staff: StaffContext | null, permission: Permission): StaffContext | null {
  if (!staff) throw new AppError("unauthorized");
  return staff.permissions.has(permission) ? staff : null;
}
