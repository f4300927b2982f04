import { executeSql } from "./database";

/** A document row as the e2e tests read it from D1; times are milliseconds since the epoch. */
export interface DocumentRow {
  id: string;
  fileName: string;
  kind: string;
  sizeBytes: number;
  sharedAt: number | null;
  unsharedAt: number | null;
  acknowledgementRequestedAt: number | null;
  acknowledgedAt: number | null;
}

/** An assignment row with its questionnaire title; `dueDate` is `YYYY-MM-DD`, `completedAt` milliseconds. */
export interface AssignmentRow {
  id: string;
  title: string;
  dueDate: string | null;
  status: string;
  completedAt: number | null;
}

/** Quotes a value as an SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Returns every document of a client, shared or not: newest share first, never-shared ones last. */
export function readClientDocuments(clientId: string): Promise<DocumentRow[]> {
  return executeSql<DocumentRow>(
    `SELECT id, file_name AS fileName, kind, size_bytes AS sizeBytes, shared_at AS sharedAt, unshared_at AS unsharedAt,
       acknowledgement_requested_at AS acknowledgementRequestedAt, acknowledged_at AS acknowledgedAt
     FROM documents WHERE client_id = ${sqlString(clientId)}
     ORDER BY shared_at IS NULL, shared_at DESC, id DESC`,
  );
}

/** Returns whether the client sees the document in the portal: shared and not unshared since. */
export function isVisibleToClient(document: DocumentRow): boolean {
  return document.sharedAt !== null && document.unsharedAt === null;
}

/** Returns every assignment of a client with the title of its questionnaire version, in no particular order. */
export function readClientAssignments(clientId: string): Promise<AssignmentRow[]> {
  return executeSql<AssignmentRow>(
    `SELECT a.id, v.title, a.due_date AS dueDate, a.status, a.completed_at AS completedAt
     FROM assignments a JOIN questionnaire_versions v ON v.id = a.questionnaire_version_id
     WHERE a.client_id = ${sqlString(clientId)}`,
  );
}

/** Returns the assignment with `id` from `rows`, or throws when the seed lacks it. */
export function findAssignment(rows: AssignmentRow[], id: string): AssignmentRow {
  const row = rows.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`assignment ${id} is missing from the e2e database`);
  return row;
}

/** Dutch labels of the document kinds, as the portal names them. */
export const DUTCH_KIND_LABELS: Record<string, string> = {
  pdf: "PDF",
  image: "Afbeelding",
  word: "Word",
  excel: "Excel",
  other: "Ander bestand",
};

/** Formats an instant as a Dutch calendar date in Amsterdam, such as `4 december 2026`. */
export function dutchDate(instant: number | Date): string {
  return new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(instant);
}

/** Formats a `YYYY-MM-DD` calendar date in Dutch, such as `4 december 2026`, whatever the time zone. */
export function dutchCalendarDate(date: string): string {
  return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/**
 * Formats a file size as the portal shows it in Dutch: whole bytes below 1000 (`723 byte`), else
 * decimal kilobytes with one decimal after a comma (`4,7 kB`). Sizes from about a megabyte up are
 * not used by these tests and are rejected.
 */
export function dutchFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes >= 999_950) throw new Error(`dutchFileSize does not format ${bytes} bytes`);

  const tenthsOfKilobytes = Math.round(bytes / 100);
  const whole = Math.floor(tenthsOfKilobytes / 10);
  const tenth = tenthsOfKilobytes % 10;
  return tenth === 0 ? `${whole} kB` : `${whole},${tenth} kB`;
}
