import { and, eq } from "drizzle-orm";

import { clientStaff, clients } from "../../../db/schema";
import type { Database } from "../db/client";
import { AppError } from "../http/errors";
import type { Permission } from "./permissions";
import type { StaffContext } from "./staff-context";

/**
 * Throws `forbidden` unless the staff member holds `permission`. Every console page and endpoint
 * calls this on the server; hiding a button is not a check.
 */
export function requirePermission(staff: StaffContext | null, permission: Permission): StaffContext {
  if (!staff) throw new AppError("unauthorized");
  if (!staff.permissions.has(permission)) {
    throw new AppError("forbidden", `staff ${staff.member.id} lacks ${permission}`);
  }
  return staff;
}

/**
 * Throws `not_found` unless the client belongs to the practice and the staff member may see them:
 * everyone with `clients.read.all`, others only for clients assigned to them. Another practice's
 * client id and a missing one look the same.
 */
export async function requireVisibleClient(db: Database, staff: StaffContext, clientId: string) {
  const client = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, staff.member.practiceId)))
    .get();
  if (!client) throw new AppError("not_found");
  if (staff.permissions.has("clients.read.all")) return client;

  const link = await db
    .select({ clientId: clientStaff.clientId })
    .from(clientStaff)
    .where(and(eq(clientStaff.clientId, clientId), eq(clientStaff.staffId, staff.member.id)))
    .get();
  if (!link) throw new AppError("not_found");
  return client;
}
