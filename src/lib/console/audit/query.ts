import { and, asc, desc, eq, gt, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import {
  assignments,
  auditEvents,
  clients,
  documents,
  questionnaireVersions,
  staffMembers,
} from "../../../../db/schema";
import type { Database } from "../../db/client";
import type { AuditFilters } from "./filters";

/** Events shown per page of the audit viewer. */
export const AUDIT_PAGE_SIZE = 50;

/** A position in the log, newest first: an event's time and id, which break ties. */
export interface AuditCursor {
  createdAtMs: number;
  id: string;
}

export type AuditPageRequest =
  | { direction: "older"; cursor: AuditCursor | null }
  | { direction: "newer"; cursor: AuditCursor };

const CURSOR_PATTERN = /^(\d{1,15})\.(.{1,100})$/;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.createdAtMs}.${cursor.id}`;
}

/** Reads `before` (older page) or `after` (newer page) from the query string; a malformed one means the newest page. */
export function parseAuditPageRequest(params: URLSearchParams): AuditPageRequest {
  const decode = (value: string | null): AuditCursor | null => {
    const match = value ? CURSOR_PATTERN.exec(value) : null;
    return match?.[1] && match[2] ? { createdAtMs: Number(match[1]), id: match[2] } : null;
  };
  const after = decode(params.get("after"));
  if (after) return { direction: "newer", cursor: after };
  return { direction: "older", cursor: decode(params.get("before")) };
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actorType: string;
  actorId: string | null;
  actorClientFirstName: string | null;
  actorClientLastName: string | null;
  actorStaffName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetClientFirstName: string | null;
  targetClientLastName: string | null;
  targetStaffName: string | null;
  targetDocumentName: string | null;
  targetAssignmentTitle: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Cursor of the newest row shown, when newer events exist. */
  newerCursor: AuditCursor | null;
  /** Cursor of the oldest row shown, when older events exist. */
  olderCursor: AuditCursor | null;
}

/**
 * Returns a condition for every event about one client: done by the client, or aimed at the
 * client, one of their documents or one of their questionnaire assignments.
 */
function aboutClient(practiceId: string, clientId: string): SQL | undefined {
  return or(
    and(eq(auditEvents.actorType, "client"), eq(auditEvents.actorId, clientId)),
    and(eq(auditEvents.targetType, "client"), eq(auditEvents.targetId, clientId)),
    and(
      eq(auditEvents.targetType, "document"),
      sql`${auditEvents.targetId} IN (SELECT ${documents.id} FROM ${documents}
        WHERE ${documents.practiceId} = ${practiceId} AND ${documents.clientId} = ${clientId})`,
    ),
    and(
      eq(auditEvents.targetType, "assignment"),
      sql`${auditEvents.targetId} IN (SELECT ${assignments.id} FROM ${assignments}
        WHERE ${assignments.practiceId} = ${practiceId} AND ${assignments.clientId} = ${clientId})`,
    ),
  );
}

function filterConditions(practiceId: string, filters: AuditFilters): (SQL | undefined)[] {
  return [
    eq(auditEvents.practiceId, practiceId),
    filters.clientId ? aboutClient(practiceId, filters.clientId) : undefined,
    filters.staffId ? and(eq(auditEvents.actorType, "staff"), eq(auditEvents.actorId, filters.staffId)) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.fromInstant ? gte(auditEvents.createdAt, filters.fromInstant) : undefined,
    filters.untilInstant ? lt(auditEvents.createdAt, filters.untilInstant) : undefined,
  ];
}

/** Condition for rows after `cursor` in the given direction of the newest-first order. */
function cursorCondition(request: AuditPageRequest): SQL | undefined {
  if (!request.cursor) return undefined;
  const at = new Date(request.cursor.createdAtMs);
  const older = request.direction === "older";
  const time = older ? lt(auditEvents.createdAt, at) : gt(auditEvents.createdAt, at);
  const tie = older ? lt(auditEvents.id, request.cursor.id) : gt(auditEvents.id, request.cursor.id);
  return or(time, and(eq(auditEvents.createdAt, at), tie));
}

function cursorOf(row: AuditRow): AuditCursor {
  return { createdAtMs: row.createdAt.getTime(), id: row.id };
}

/**
 * Returns one page of the practice's audit log, newest first, with the names of the people and
 * records involved. Pages by keyset on (time, id), so paging stays correct while events arrive.
 */
export async function listAuditEvents(
  db: Database,
  practiceId: string,
  filters: AuditFilters,
  request: AuditPageRequest,
): Promise<AuditPage> {
  const actorClient = alias(clients, "actor_client");
  const actorStaff = alias(staffMembers, "actor_staff");
  const targetClient = alias(clients, "target_client");
  const targetStaff = alias(staffMembers, "target_staff");
  const targetDocument = alias(documents, "target_document");
  const targetAssignment = alias(assignments, "target_assignment");
  const targetVersion = alias(questionnaireVersions, "target_version");
  const newestFirst = request.direction === "older";

  const fetched = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      actorClientFirstName: actorClient.firstName,
      actorClientLastName: actorClient.lastName,
      actorStaffName: actorStaff.name,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetClientFirstName: targetClient.firstName,
      targetClientLastName: targetClient.lastName,
      targetStaffName: targetStaff.name,
      targetDocumentName: targetDocument.fileName,
      targetAssignmentTitle: targetVersion.title,
    })
    .from(auditEvents)
    .leftJoin(
      actorClient,
      and(
        eq(auditEvents.actorType, "client"),
        eq(actorClient.id, auditEvents.actorId),
        eq(actorClient.practiceId, practiceId),
      ),
    )
    .leftJoin(
      actorStaff,
      and(
        eq(auditEvents.actorType, "staff"),
        eq(actorStaff.id, auditEvents.actorId),
        eq(actorStaff.practiceId, practiceId),
      ),
    )
    .leftJoin(
      targetClient,
      and(
        eq(auditEvents.targetType, "client"),
        eq(targetClient.id, auditEvents.targetId),
        eq(targetClient.practiceId, practiceId),
      ),
    )
    .leftJoin(
      targetStaff,
      and(
        eq(auditEvents.targetType, "staff"),
        eq(targetStaff.id, auditEvents.targetId),
        eq(targetStaff.practiceId, practiceId),
      ),
    )
    .leftJoin(
      targetDocument,
      and(
        eq(auditEvents.targetType, "document"),
        eq(targetDocument.id, auditEvents.targetId),
        eq(targetDocument.practiceId, practiceId),
      ),
    )
    .leftJoin(
      targetAssignment,
      and(
        eq(auditEvents.targetType, "assignment"),
        eq(targetAssignment.id, auditEvents.targetId),
        eq(targetAssignment.practiceId, practiceId),
      ),
    )
    .leftJoin(targetVersion, eq(targetVersion.id, targetAssignment.questionnaireVersionId))
    .where(and(...filterConditions(practiceId, filters), cursorCondition(request)))
    .orderBy(
      ...(newestFirst
        ? [desc(auditEvents.createdAt), desc(auditEvents.id)]
        : [asc(auditEvents.createdAt), asc(auditEvents.id)]),
    )
    .limit(AUDIT_PAGE_SIZE + 1);

  // Fetching one row past the page shows whether more exist in the direction read.
  const more = fetched.length > AUDIT_PAGE_SIZE;
  // Fewer newer events than a page left: show the newest full page instead of a short one.
  if (!newestFirst && !more) return listAuditEvents(db, practiceId, filters, { direction: "older", cursor: null });

  const page = fetched.slice(0, AUDIT_PAGE_SIZE);
  const rows = newestFirst ? page : page.reverse();
  const first = rows[0];
  const last = rows.at(-1);

  const hasNewer = newestFirst ? request.cursor !== null : more;
  const hasOlder = newestFirst ? more : true;
  return {
    rows,
    newerCursor: hasNewer && first ? cursorOf(first) : null,
    olderCursor: hasOlder && last ? cursorOf(last) : null,
  };
}
