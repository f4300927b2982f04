import type { Client } from "../../../../db/schema";
import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import { requireVisibleClient } from "../authorize";
import type { StaffContext } from "../staff-context";

/**
 * Returns the client when it belongs to the staff member's practice and they may see it, else
 * null, for pages that render their own 404. Another practice's id and a missing id look the same.
 */
export async function findVisibleClient(db: Database, staff: StaffContext, clientId: string): Promise<Client | null> {
  try {
    return await requireVisibleClient(db, staff, clientId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
