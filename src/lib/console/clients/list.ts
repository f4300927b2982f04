import { and, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";

import { clientStaff, clients } from "../../../../db/schema";
import type { Database } from "../../db/client";
import type { StaffContext } from "../staff-context";
import { clientSearchCondition } from "./search";
import { clientSortOrder } from "./sort";

/** Clients shown per page of the list. */
export const CLIENTS_PAGE_SIZE = 25;
/** Highest page number accepted; deeper pages mean a search is needed. */
const MAX_PAGE = 10_000;

export const CLIENT_STATUS_FILTERS = ["active", "archived", "all"] as const;
export type ClientStatusFilter = (typeof CLIENT_STATUS_FILTERS)[number];

export interface ClientListQuery {
  search: string;
  status: ClientStatusFilter;
  /** 1-based page number. */
  page: number;
}

export interface ClientListRow {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  email: string;
  portalAccess: boolean;
  archivedAt: Date | null;
}

export interface ClientListPage {
  rows: ClientListRow[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Reads the list's query string; unknown or out-of-range values fall back to the defaults. */
export function parseClientListQuery(params: URLSearchParams): ClientListQuery {
  const status = params.get("status");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    search: (params.get("q") ?? "").trim(),
    status: (CLIENT_STATUS_FILTERS as readonly string[]).includes(status ?? "")
      ? (status as ClientStatusFilter)
      : "active",
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** Builds the list URL for a query, leaving defaults out so links stay short. */
export function clientListHref(query: ClientListQuery): string {
  const params = new URLSearchParams();
  if (query.search) params.set("q", query.search);
  if (query.status !== "active") params.set("status", query.status);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/practice/clients?${search}` : "/practice/clients";
}

/**
 * Returns one page of the practice's clients that the staff member may see, sorted by last name
 * (Dutch prefixes such as "de" skipped).
 * Without `clients.read.all` only clients assigned to the staff member are listed.
 */
export async function listClients(db: Database, staff: StaffContext, query: ClientListQuery): Promise<ClientListPage> {
  const practiceId = staff.member.practiceId;
  const conditions: (SQL | undefined)[] = [eq(clients.practiceId, practiceId)];

  if (query.status === "active") conditions.push(isNull(clients.archivedAt));
  if (query.status === "archived") conditions.push(isNotNull(clients.archivedAt));
  if (!staff.permissions.has("clients.read.all")) {
    conditions.push(
      sql`${clients.id} IN (SELECT ${clientStaff.clientId} FROM ${clientStaff}
        WHERE ${clientStaff.practiceId} = ${practiceId} AND ${clientStaff.staffId} = ${staff.member.id})`,
    );
  }
  const search = clientSearchCondition(query.search);
  if (search) conditions.push(search);

  // Fetching one row past the page shows whether a next page exists, without counting every match.
  const rows = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
      email: clients.email,
      portalAccess: clients.portalAccess,
      archivedAt: clients.archivedAt,
    })
    .from(clients)
    .where(and(...conditions))
    .orderBy(...clientSortOrder())
    .limit(CLIENTS_PAGE_SIZE + 1)
    .offset((query.page - 1) * CLIENTS_PAGE_SIZE);

  return {
    rows: rows.slice(0, CLIENTS_PAGE_SIZE),
    page: query.page,
    hasPrevious: query.page > 1,
    hasNext: rows.length > CLIENTS_PAGE_SIZE,
  };
}
