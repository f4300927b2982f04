import { and, asc, desc, eq, sql } from "drizzle-orm";

import { assignments, questionnaires, questionnaireVersions } from "../../../../db/schema";
import type { Database } from "../../db/client";

export type LibraryStatus = "draft" | "active" | "retired";

/** One questionnaire of the library: one instrument in one language, with its newest version's title. */
export interface LibraryEntry {
  id: string;
  canonicalUrl: string;
  language: string;
  status: LibraryStatus;
  builtIn: boolean;
  title: string;
  versionCount: number;
}

// NOTE: the outer table is named in the SQL text because drizzle leaves columns unqualified in a
// single-table select, where `id` inside the subquery would mean the version's own id.
const latestTitle = sql<string>`(SELECT v.title FROM questionnaire_versions v WHERE v.questionnaire_id = questionnaires.id
  ORDER BY v.version_number DESC LIMIT 1)`;
const versionCount = sql<number>`(SELECT count(*) FROM questionnaire_versions v WHERE v.questionnaire_id = questionnaires.id)`;

/** Returns the practice's library, ordered by title and language. */
export async function listLibrary(db: Database, practiceId: string): Promise<LibraryEntry[]> {
  const rows = await db
    .select({
      id: questionnaires.id,
      canonicalUrl: questionnaires.canonicalUrl,
      language: questionnaires.language,
      status: questionnaires.status,
      builtIn: questionnaires.builtIn,
      title: latestTitle,
      versionCount,
    })
    .from(questionnaires)
    .where(eq(questionnaires.practiceId, practiceId))
    .orderBy(asc(latestTitle), asc(questionnaires.language));
  return rows.map((row) => ({ ...row, title: row.title ?? row.canonicalUrl }));
}

export interface LibraryVersion {
  id: string;
  versionNumber: number;
  title: string;
  description: string | null;
  language: string;
  questionCount: number;
  createdAt: Date;
}

export interface LibraryQuestionnaire {
  id: string;
  canonicalUrl: string;
  language: string;
  status: LibraryStatus;
  builtIn: boolean;
  /** Newest first. */
  versions: LibraryVersion[];
  /** Assignments of any version, by status. */
  assignmentCounts: { pending: number; completed: number; withdrawn: number };
}

/** Loads one questionnaire of the practice with its versions and assignment counts; null for another practice's id. */
export async function findLibraryQuestionnaire(
  db: Database,
  practiceId: string,
  questionnaireId: string,
): Promise<LibraryQuestionnaire | null> {
  const [rows, versions, counts] = await db.batch([
    db
      .select({
        id: questionnaires.id,
        canonicalUrl: questionnaires.canonicalUrl,
        language: questionnaires.language,
        status: questionnaires.status,
        builtIn: questionnaires.builtIn,
      })
      .from(questionnaires)
      .where(and(eq(questionnaires.id, questionnaireId), eq(questionnaires.practiceId, practiceId))),
    db
      .select({
        id: questionnaireVersions.id,
        versionNumber: questionnaireVersions.versionNumber,
        title: questionnaireVersions.title,
        description: questionnaireVersions.description,
        language: questionnaireVersions.language,
        questionCount: questionnaireVersions.questionCount,
        createdAt: questionnaireVersions.createdAt,
      })
      .from(questionnaireVersions)
      .where(
        and(
          eq(questionnaireVersions.questionnaireId, questionnaireId),
          eq(questionnaireVersions.practiceId, practiceId),
        ),
      )
      .orderBy(desc(questionnaireVersions.versionNumber)),
    db
      .select({ status: assignments.status, count: sql<number>`count(*)` })
      .from(assignments)
      .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, assignments.questionnaireVersionId))
      .where(and(eq(questionnaireVersions.questionnaireId, questionnaireId), eq(assignments.practiceId, practiceId)))
      .groupBy(assignments.status),
  ]);

  const row = rows[0];
  if (!row) return null;
  const assignmentCounts = { pending: 0, completed: 0, withdrawn: 0 };
  for (const count of counts) assignmentCounts[count.status] = count.count;
  return { ...row, versions, assignmentCounts };
}

/** Returns the stored FHIR JSON of a version of the practice, or null. */
export async function versionResourceJson(db: Database, practiceId: string, versionId: string): Promise<string | null> {
  const row = await db
    .select({ resourceJson: questionnaireVersions.resourceJson })
    .from(questionnaireVersions)
    .where(and(eq(questionnaireVersions.id, versionId), eq(questionnaireVersions.practiceId, practiceId)))
    .get();
  return row?.resourceJson ?? null;
}
