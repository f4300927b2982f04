import { readFileSync } from "node:fs";

import { countQuestions, importQuestionnaire, type Questionnaire } from "../../../src/lib/questionnaires";
import { executeSql } from "./database";
import { sqlString } from "./portal-data";

const PRACTICE_ID = "prac_demo";
const STAFF_ID = "stf_eva";

/** A client row the questionnaire tests add to the demo practice. */
export interface AddedClient {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** A questionnaire version to store: its id, and the resource exactly as the practice uploaded it. */
export interface StoredVersion {
  /** Id of the questionnaire row; the version gets `${questionnaireId}_v1`. */
  questionnaireId: string;
  resourceJson: string;
}

/** One row of `questionnaire_responses`, with its JSON columns unparsed. */
export interface ResponseRow {
  id: string;
  answersJson: string;
  resourceJson: string;
  scoreInstrument: string | null;
  scoreTotal: number | null;
  scoreBand: string | null;
}

export interface VersionRow {
  title: string;
  resourceJson: string;
}

export interface DraftRow {
  answersJson: string;
  revision: number;
}

/** Reads a file of test/fixtures/questionnaires as text, byte for byte. */
export function readQuestionnaireFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/questionnaires/${name}`, import.meta.url), "utf8");
}

/** Imports a questionnaire with the engine, failing loudly when the engine rejects it. */
export function importOrThrow(resourceJson: string): Questionnaire {
  const result = importQuestionnaire(resourceJson);
  if (!result.ok) throw new Error(`questionnaire import rejected: ${JSON.stringify(result.report)}`);
  return result.questionnaire;
}

/** Returns the version id that `storeVersionsSql` gives a questionnaire. */
export function versionIdOf(questionnaireId: string): string {
  return `${questionnaireId}_v1`;
}

/** Builds the INSERT of Dutch clients with portal access. Existing rows are kept. */
export function addClientsSql(clients: AddedClient[]): string {
  const rows = clients.map(
    (client) =>
      `(${sqlString(client.id)}, '${PRACTICE_ID}', ${sqlString(client.firstName)}, ${sqlString(client.lastName)}, NULL,
        ${sqlString(client.email)}, 'nl', 1, NULL, ${Date.now()})`,
  );
  return `INSERT INTO clients (id, practice_id, first_name, last_name, preferred_name, email, locale, portal_access, archived_at, created_at)
    VALUES ${rows.join(",\n")} ON CONFLICT DO NOTHING`;
}

/**
 * Builds the INSERTs that store each resource as version 1 of a questionnaire of the demo
 * practice, as the practice console would after a successful import. Resources without a `url`
 * get a URN of their own, because the column is required and unique per practice and language.
 */
export function storeVersionsSql(versions: StoredVersion[]): string {
  return versions
    .map(({ questionnaireId, resourceJson }) => {
      const questionnaire = importOrThrow(resourceJson);
      const canonicalUrl = questionnaire.url ?? `urn:veranda:e2e:${questionnaireId}`;
      const language = questionnaire.language ?? "nl";
      const now = Date.now();
      return `INSERT INTO questionnaires (id, practice_id, canonical_url, language, status, built_in, created_at)
        VALUES (${sqlString(questionnaireId)}, '${PRACTICE_ID}', ${sqlString(canonicalUrl)}, ${sqlString(language)}, 'active', 0, ${now})
        ON CONFLICT DO NOTHING;
      INSERT INTO questionnaire_versions (id, practice_id, questionnaire_id, version_number, title, description, language,
          question_count, resource_json, created_at)
        VALUES (${sqlString(versionIdOf(questionnaireId))}, '${PRACTICE_ID}', ${sqlString(questionnaireId)}, 1,
          ${sqlString(questionnaire.title ?? questionnaireId)}, ${questionnaire.description === undefined ? "NULL" : sqlString(questionnaire.description)},
          ${sqlString(language)}, ${countQuestions(questionnaire)}, ${sqlString(resourceJson)}, ${now})
        ON CONFLICT DO NOTHING`;
    })
    .join(";\n");
}

/** Builds the INSERT of pending assignments without a due date, assigned a day ago. */
export function assignSql(assignments: { id: string; clientId: string; versionId: string }[]): string {
  const assignedAt = Date.now() - 24 * 60 * 60 * 1000;
  const rows = assignments.map(
    ({ id, clientId, versionId }) =>
      `(${sqlString(id)}, '${PRACTICE_ID}', ${sqlString(clientId)}, ${sqlString(versionId)}, '${STAFF_ID}', ${assignedAt}, NULL, 'pending', NULL)`,
  );
  return `INSERT INTO assignments (id, practice_id, client_id, questionnaire_version_id, assigned_by, assigned_at, due_date, status, completed_at)
    VALUES ${rows.join(",\n")} ON CONFLICT DO NOTHING`;
}

/** Returns the title and the stored resource JSON of questionnaire versions, by version id. */
export async function readVersions(versionIds: string[]): Promise<Map<string, VersionRow>> {
  const rows = await executeSql<VersionRow & { id: string }>(
    `SELECT id, title, resource_json AS resourceJson FROM questionnaire_versions
     WHERE id IN (${versionIds.map(sqlString).join(", ")})`,
  );
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** Returns every response stored for an assignment, which a unique index limits to one. */
export function readResponses(assignmentId: string): Promise<ResponseRow[]> {
  return executeSql<ResponseRow>(
    `SELECT id, answers_json AS answersJson, resource_json AS resourceJson, score_instrument AS scoreInstrument,
       score_total AS scoreTotal, score_band AS scoreBand
     FROM questionnaire_responses WHERE assignment_id = ${sqlString(assignmentId)}`,
  );
}

/** Returns the saved draft of an assignment, or undefined when none was saved (or it was submitted). */
export async function readDraft(assignmentId: string): Promise<DraftRow | undefined> {
  const [row] = await executeSql<DraftRow>(
    `SELECT answers_json AS answersJson, revision FROM questionnaire_drafts WHERE assignment_id = ${sqlString(assignmentId)}`,
  );
  return row;
}

/** What one submission left in D1, read in one query. */
export interface SubmissionRow {
  responseCount: number;
  /** Audit events `questionnaire.submitted` of the assignment. */
  auditEventCount: number;
  /** Answers of the first stored response, or null without one. */
  answersJson: string | null;
}

/** Counts the responses and submit audit events of an assignment, and reads the stored answers. */
export async function readSubmission(assignmentId: string): Promise<SubmissionRow> {
  const id = sqlString(assignmentId);
  const [row] = await executeSql<SubmissionRow>(
    `SELECT
       (SELECT count(*) FROM questionnaire_responses WHERE assignment_id = ${id}) AS responseCount,
       (SELECT count(*) FROM audit_events WHERE action = 'questionnaire.submitted' AND target_type = 'assignment'
          AND target_id = ${id}) AS auditEventCount,
       (SELECT answers_json FROM questionnaire_responses WHERE assignment_id = ${id} LIMIT 1) AS answersJson`,
  );
  if (!row) throw new Error(`reading the submission of ${assignmentId} returned no row`);
  return row;
}
