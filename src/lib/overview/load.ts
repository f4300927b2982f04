import type { Database } from "../db/client";
import { type ClientDocument, sharedDocumentCountQuery, sharedDocumentsQuery } from "../documents/repository";
import { type ClientAssignment, pendingAssignmentCountQuery, pendingAssignmentsQuery } from "../forms/assignments";
import type { CalendarDate } from "../time/calendar";

/** Documents in the Overview's Recent documents widget. */
export const RECENT_DOCUMENT_COUNT = 5;
/** Pending questionnaires shown on the Overview; the shortcut card counts all of them. */
export const OVERVIEW_PENDING_LIMIT = 10;

export interface OverviewData {
  pending: ClientAssignment[];
  pendingCount: number;
  recentDocuments: ClientDocument[];
  documentCount: number;
}

/**
 * Loads everything the Overview shows in one D1 round trip (`batch`). Each query reads through an
 * index, so the rows read stay the same however many documents the practice holds.
 */
export async function loadOverview(
  db: Database,
  input: { practiceId: string; clientId: string; today: CalendarDate },
): Promise<OverviewData> {
  const [pending, pendingCount, recentDocuments, documentCount] = await db.batch([
    pendingAssignmentsQuery(db, { ...input, limit: OVERVIEW_PENDING_LIMIT }),
    pendingAssignmentCountQuery(db, input.practiceId, input.clientId),
    sharedDocumentsQuery(db, { ...input, cursor: null, limit: RECENT_DOCUMENT_COUNT }),
    sharedDocumentCountQuery(db, input.practiceId, input.clientId),
  ]);

  return {
    pending,
    pendingCount: pendingCount[0]?.count ?? 0,
    recentDocuments,
    documentCount: documentCount[0]?.count ?? 0,
  };
}
