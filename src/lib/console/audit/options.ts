import { asc, eq } from "drizzle-orm";

import { clients, staffMembers } from "../../../../db/schema";
import type { Database } from "../../db/client";
import { clientFullName } from "../clients/present";

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * Returns the practice's clients (archived ones too) and staff members for the viewer's filters,
 * in one batch.
 *
 * NOTE: lists every client of the practice in one select; a practice with many thousands of
 * clients would want a search field here instead.
 */
export async function auditFilterOptions(
  db: Database,
  practiceId: string,
): Promise<{ clients: FilterOption[]; staff: FilterOption[] }> {
  const [clientRows, staffRows] = await db.batch([
    db
      .select({
        id: clients.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
      })
      .from(clients)
      .where(eq(clients.practiceId, practiceId))
      .orderBy(asc(clients.lastName), asc(clients.firstName)),
    db
      .select({ id: staffMembers.id, name: staffMembers.name })
      .from(staffMembers)
      .where(eq(staffMembers.practiceId, practiceId))
      .orderBy(asc(staffMembers.name)),
  ]);

  return {
    clients: clientRows.map((row) => ({ value: row.id, label: clientFullName(row) })),
    staff: staffRows.map((row) => ({ value: row.id, label: row.name })),
  };
}
