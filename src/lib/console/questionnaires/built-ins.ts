import { and, eq, sql } from "drizzle-orm";

import { questionnaires } from "../../../../db/schema";
import { runBatch } from "../../db/batch";
import { type Database, newId } from "../../db/client";
import {
  countQuestions,
  GAD7_EN,
  GAD7_NL,
  GAD7_URL,
  importQuestionnaire,
  PHQ9_EN,
  PHQ9_NL,
  PHQ9_URL,
  type Questionnaire,
  serializeQuestionnaire,
} from "../../questionnaires";

/** Canonical URLs of the questionnaires Veranda ships; an import cannot take them over. */
export const BUILT_IN_URLS: ReadonlySet<string> = new Set([PHQ9_URL, GAD7_URL]);

interface BuiltIn {
  questionnaire: Questionnaire;
  url: string;
  language: string;
}

let parsed: BuiltIn[] | null = null;

/** Returns PHQ-9 and GAD-7 in Dutch and English, parsed once per isolate by the same importer as uploads. */
function builtIns(): BuiltIn[] {
  parsed ??= [PHQ9_NL, PHQ9_EN, GAD7_NL, GAD7_EN].map((resource) => {
    const result = importQuestionnaire(resource);
    if (!result.ok || !result.questionnaire.url || !result.questionnaire.language) {
      throw new Error(`built-in questionnaire ${String(resource.id)} does not import`);
    }
    return {
      questionnaire: result.questionnaire,
      url: result.questionnaire.url,
      language: result.questionnaire.language,
    };
  });
  return parsed;
}

/**
 * Adds the built-in PHQ-9 and GAD-7 (Dutch and English, active) to the practice's library when
 * any is missing. Safe to run concurrently and repeatedly: the unique index on practice,
 * canonical URL and language turns a second insert into nothing, and a version is only added
 * to a questionnaire that has none.
 */
export async function ensureBuiltInQuestionnaires(db: Database, practiceId: string, now: Date): Promise<void> {
  const instruments = builtIns();
  const present = await db
    .select({ count: sql<number>`count(*)` })
    .from(questionnaires)
    .where(and(eq(questionnaires.practiceId, practiceId), eq(questionnaires.builtIn, true)))
    .get();
  if ((present?.count ?? 0) >= instruments.length) return;

  const nowMs = now.getTime();
  const statements = instruments.flatMap(({ questionnaire, url, language }) => {
    return [
      sql`INSERT INTO questionnaires (id, practice_id, canonical_url, language, status, built_in, created_at)
        VALUES (${newId()}, ${practiceId}, ${url}, ${language}, 'active', 1, ${nowMs})
        ON CONFLICT (practice_id, canonical_url, language) DO NOTHING`,
      sql`INSERT INTO questionnaire_versions (id, practice_id, questionnaire_id, version_number, title, description,
          language, question_count, resource_json, created_at)
        SELECT ${newId()}, ${practiceId}, q.id, 1, ${questionnaire.title ?? url}, ${questionnaire.description ?? null},
          ${language}, ${countQuestions(questionnaire)}, ${serializeQuestionnaire(questionnaire)}, ${nowMs}
        FROM questionnaires q
        WHERE q.practice_id = ${practiceId} AND q.canonical_url = ${url} AND q.language = ${language}
          AND NOT EXISTS (SELECT 1 FROM questionnaire_versions v WHERE v.questionnaire_id = q.id)
        ON CONFLICT (questionnaire_id, version_number) DO NOTHING`,
    ];
  });
  await runBatch(db, statements);
  console.info(`[questionnaires] built-in questionnaires ensured practice=${practiceId}`);
}
