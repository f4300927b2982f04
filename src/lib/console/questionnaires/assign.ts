import { and, eq, sql } from "drizzle-orm";

import { type Client, questionnaires } from "../../../../db/schema";
import { runBatch } from "../../db/batch";
import { type Database, newId } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import { type CalendarDate, calendarDateIn, isCalendarDate } from "../../time/calendar";

/** One questionnaire the staff member can assign: an instrument, offered in the client's language when it exists. */
export interface AssignableQuestionnaire {
  /** Id of the questionnaire row in the preferred language. */
  id: string;
  title: string;
  language: string;
  /** Every language the instrument is active in. */
  languages: string[];
}

// NOTE: the outer table is named in the SQL text because drizzle leaves columns unqualified in a
// single-table select, where `id` inside the subquery would mean the version's own id.
const latestTitle = sql<string>`(SELECT v.title FROM questionnaire_versions v WHERE v.questionnaire_id = questionnaires.id
  ORDER BY v.version_number DESC LIMIT 1)`;

/** Returns the language the client reads: their own choice, else the practice's default. */
export function clientLanguage(client: Client, practiceDefault: Locale): Locale {
  return client.locale ?? practiceDefault;
}

/**
 * Lists the active questionnaires that have a version, one entry per canonical URL: the row in
 * `language` when the instrument exists in it, else the first language found.
 */
export async function listAssignableQuestionnaires(
  db: Database,
  practiceId: string,
  language: string,
): Promise<AssignableQuestionnaire[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      canonicalUrl: questionnaires.canonicalUrl,
      language: questionnaires.language,
      title: latestTitle,
    })
    .from(questionnaires)
    .where(and(eq(questionnaires.practiceId, practiceId), eq(questionnaires.status, "active")))
    .orderBy(questionnaires.language);

  const byUrl = new Map<string, AssignableQuestionnaire>();
  for (const row of rows) {
    if (row.title === null) continue;
    const entry = byUrl.get(row.canonicalUrl);
    if (!entry) {
      byUrl.set(row.canonicalUrl, { id: row.id, title: row.title, language: row.language, languages: [row.language] });
      continue;
    }
    entry.languages.push(row.language);
    if (row.language === language) Object.assign(entry, { id: row.id, title: row.title, language: row.language });
  }
  return [...byUrl.values()].sort((left, right) => left.title.localeCompare(right.title));
}

export interface AssignFieldErrors {
  questionnaire?: "missing" | "invalid";
  due_date?: "invalid" | "past";
}

export type AssignResult = { ok: true; assignmentId: string } | { ok: false; errors: AssignFieldErrors };

export interface AssignInput {
  practiceId: string;
  client: Client;
  language: string;
  staffId: string;
  /** The chosen questionnaire row (any language of the instrument). */
  questionnaireId: string;
  /** `YYYY-MM-DD` from the date field, or "" for no due date. */
  dueDate: string;
  timeZone: string;
  ipAddress: string;
  now: Date;
}

/** Checks the due date: empty, or a real calendar date from today on in the practice's time zone. */
export function checkDueDate(
  value: string,
  now: Date,
  timeZone: string,
): { date: CalendarDate | null; error?: "invalid" | "past" } {
  const trimmed = value.trim();
  if (trimmed === "") return { date: null };
  if (!isCalendarDate(trimmed)) return { date: null, error: "invalid" };
  if (trimmed < calendarDateIn(now, timeZone)) return { date: null, error: "past" };
  return { date: trimmed };
}

/**
 * Assigns the newest version of an active questionnaire to the client, in the client's language
 * when the instrument has an active row in it. The assignment points at that version for good,
 * so a later version or retirement never changes what the client is asked. The insert and its
 * audit event run in one batch, and only while the questionnaire is still active.
 */
export async function assignQuestionnaire(db: Database, input: AssignInput): Promise<AssignResult> {
  const errors: AssignFieldErrors = {};
  const due = checkDueDate(input.dueDate, input.now, input.timeZone);
  if (due.error) errors.due_date = due.error;
  if (input.questionnaireId === "") errors.questionnaire = "missing";

  const chosen =
    input.questionnaireId === ""
      ? undefined
      : await db
          .select({ canonicalUrl: questionnaires.canonicalUrl })
          .from(questionnaires)
          .where(
            and(
              eq(questionnaires.id, input.questionnaireId),
              eq(questionnaires.practiceId, input.practiceId),
              eq(questionnaires.status, "active"),
            ),
          )
          .get();
  if (input.questionnaireId !== "" && !chosen) errors.questionnaire = "invalid";
  if (!chosen || Object.keys(errors).length > 0) return { ok: false, errors };

  const assignmentId = newId();
  const nowMs = input.now.getTime();
  // The row in the client's language when it is active, else the chosen one; then its newest version.
  const versionId = sql`(SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
    WHERE q.practice_id = ${input.practiceId} AND q.status = 'active'
      AND (q.id = ${input.questionnaireId} OR (q.canonical_url = ${chosen.canonicalUrl} AND q.language = ${input.language}))
    ORDER BY q.language = ${input.language} DESC, v.version_number DESC LIMIT 1)`;
  const stored = sql`EXISTS (SELECT 1 FROM assignments WHERE id = ${assignmentId})`;

  const [inserted] = await runBatch<{ id: string; questionnaire_version_id: string }>(db, [
    sql`INSERT INTO assignments (id, practice_id, client_id, questionnaire_version_id, assigned_by, assigned_at, due_date, status)
      SELECT ${assignmentId}, ${input.practiceId}, ${input.client.id}, ${versionId}, ${input.staffId}, ${nowMs}, ${due.date}, 'pending'
      WHERE ${versionId} IS NOT NULL
      RETURNING id, questionnaire_version_id`,
    sql`INSERT INTO audit_events (id, practice_id, actor_type, actor_id, action, target_type, target_id, detail, ip_address, created_at)
      SELECT ${newId()}, ${input.practiceId}, 'staff', ${input.staffId}, 'questionnaire.assigned', 'assignment', ${assignmentId},
        json_object('client_id', ${input.client.id}, 'version_id', (SELECT questionnaire_version_id FROM assignments WHERE id = ${assignmentId})),
        ${input.ipAddress}, ${nowMs}
      WHERE ${stored}`,
  ]);

  if (!inserted?.results[0]) return { ok: false, errors: { questionnaire: "invalid" } };
  return { ok: true, assignmentId };
}
