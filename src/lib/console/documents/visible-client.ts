import type { Client } from "../../../../db/schema";
import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import { requireVisibleClient } from "../authorize";
import type { StaffContext } from "../staff-context";

/** Returns the client when visible to the staff member, or null so a page can render its 404. */
export async function visibleClientOrNull(db: Database, staff: StaffContext, clientId: string): Promise<Client | null> {
  try {
    return await requireVisibleClient(db, staff, clientId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
