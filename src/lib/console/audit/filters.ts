import { AUDIT_ACTIONS, type AuditAction } from "../../audit/events";
import { type CalendarDate, isCalendarDate } from "../../time/calendar";
import { nextCalendarDate, startOfDayIn } from "./zoned-time";

/** The audit viewer's filter fields as typed, to show them again in the form. */
export interface AuditFilterValues {
  client: string;
  staff: string;
  action: string;
  from: string;
  to: string;
}

export interface AuditFilters {
  clientId: string | null;
  staffId: string | null;
  action: AuditAction | null;
  /** Start of the first day shown, in the practice's time zone. */
  fromInstant: Date | null;
  /** Start of the day after the last day shown, in the practice's time zone. */
  untilInstant: Date | null;
}

export type AuditFilterError = "date" | "range";

export interface ParsedAuditFilters {
  values: AuditFilterValues;
  filters: AuditFilters;
  errors: Partial<Record<"from" | "to", AuditFilterError>>;
}

/** Ids in the query string longer than this are not ids of this application. */
const MAX_ID_LENGTH = 100;

function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

function idOrNull(value: string): string | null {
  return value !== "" && value.length <= MAX_ID_LENGTH ? value : null;
}

function dateOrError(value: string): { date: CalendarDate | null; error?: AuditFilterError } {
  if (value === "") return { date: null };
  return isCalendarDate(value) ? { date: value } : { date: null, error: "date" };
}

/**
 * Reads the audit viewer's query string. Dates are calendar days in the practice's time zone and
 * both ends are included; an invalid date is reported and left out of the filter.
 */
export function parseAuditFilters(params: URLSearchParams, timeZone: string): ParsedAuditFilters {
  const read = (name: string) => (params.get(name) ?? "").trim();
  const values: AuditFilterValues = {
    client: read("client"),
    staff: read("staff"),
    action: read("action"),
    from: read("from"),
    to: read("to"),
  };

  const from = dateOrError(values.from);
  const to = dateOrError(values.to);
  const errors: ParsedAuditFilters["errors"] = {};
  if (from.error) errors.from = from.error;
  if (to.error) errors.to = to.error;
  if (from.date && to.date && from.date > to.date) errors.to = "range";

  const rangeValid = errors.to !== "range";
  return {
    values,
    errors,
    filters: {
      clientId: idOrNull(values.client),
      staffId: idOrNull(values.staff),
      action: isAuditAction(values.action) ? values.action : null,
      fromInstant: from.date && rangeValid ? startOfDayIn(from.date, timeZone) : null,
      untilInstant: to.date && rangeValid ? startOfDayIn(nextCalendarDate(to.date), timeZone) : null,
    },
  };
}

/** Builds the viewer URL for the filter values and an optional page cursor. */
export function auditHref(values: AuditFilterValues, cursor?: { name: "before" | "after"; value: string }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== "") params.set(name, value);
  if (cursor) params.set(cursor.name, cursor.value);
  const search = params.toString();
  return search ? `/practice/audit?${search}` : "/practice/audit";
}
