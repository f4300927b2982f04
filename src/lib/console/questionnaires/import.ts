import { and, eq, sql } from "drizzle-orm";

import { questionnaires, questionnaireVersions } from "../../../../db/schema";
import { auditEventStatement } from "../../audit/events";
import { type Database, newId } from "../../db/client";
import { AppError } from "../../http/errors";
import { isLocale, type Locale } from "../../i18n/locales";
import { countQuestions, type ImportIssue, importQuestionnaire, serializeQuestionnaire } from "../../questionnaires";
import { BUILT_IN_URLS } from "./built-ins";

/** Largest questionnaire JSON accepted for import, in bytes. */
export const MAX_QUESTIONNAIRE_JSON_BYTES = 1_000_000;

export type LibraryImportResult =
  | { ok: true; questionnaireId: string; versionNumber: number; report: ImportIssue[] }
  | { ok: false; reason: "rejected"; report: ImportIssue[] }
  | { ok: false; reason: "built_in"; report: ImportIssue[] };

export interface LibraryImportInput {
  practiceId: string;
  staffId: string;
  ipAddress: string;
  now: Date;
  /** The FHIR R4 Questionnaire as JSON text. */
  json: string;
  /** Language to store when the resource states none, or one other than Dutch or English. */
  fallbackLanguage: Locale;
}

/** Returns `nl` or `en` from a BCP 47 tag such as `nl-NL`, or null for other languages. */
function portalLanguage(tag: string | undefined): Locale | null {
  const primary = tag?.split("-")[0]?.toLowerCase();
  return isLocale(primary) ? primary : null;
}

/**
 * Imports a FHIR R4 Questionnaire into the practice's library. Stores nothing when the importer
 * rejects it. An accepted one becomes a new questionnaire, or the next version of the one with
 * the same canonical URL and language. Either way it is a draft, so no client receives it
 * before someone activates it. Versions already assigned stay as they are. The canonical URLs of
 * the built-in PHQ-9 and GAD-7 are reserved, because their scoring depends on their exact items.
 */
export async function importIntoLibrary(db: Database, input: LibraryImportInput): Promise<LibraryImportResult> {
  const result = importQuestionnaire(input.json);
  if (!result.ok) return { ok: false, reason: "rejected", report: result.report };

  const { questionnaire, report } = result;
  if (questionnaire.url && BUILT_IN_URLS.has(questionnaire.url)) return { ok: false, reason: "built_in", report };

  const canonicalUrl = questionnaire.url ?? `urn:uuid:${crypto.randomUUID()}`;
  const language = portalLanguage(questionnaire.language) ?? input.fallbackLanguage;
  const existing = await db
    .select({
      id: questionnaires.id,
      builtIn: questionnaires.builtIn,
      // The outer table is named in the text: drizzle would leave `id` unqualified here.
      latest: sql<number>`(SELECT max(version_number) FROM questionnaire_versions v WHERE v.questionnaire_id = questionnaires.id)`,
    })
    .from(questionnaires)
    .where(
      and(
        eq(questionnaires.practiceId, input.practiceId),
        eq(questionnaires.canonicalUrl, canonicalUrl),
        eq(questionnaires.language, language),
      ),
    )
    .get();
  if (existing?.builtIn) return { ok: false, reason: "built_in", report };

  const questionnaireId = existing?.id ?? newId();
  const versionNumber = (existing?.latest ?? 0) + 1;
  const title = questionnaire.title ?? questionnaire.name ?? canonicalUrl;

  const write = existing
    ? db
        .update(questionnaires)
        .set({ status: "draft" })
        .where(and(eq(questionnaires.id, questionnaireId), eq(questionnaires.practiceId, input.practiceId)))
    : db.insert(questionnaires).values({
        id: questionnaireId,
        practiceId: input.practiceId,
        canonicalUrl,
        language,
        status: "draft",
        builtIn: false,
        createdAt: input.now,
      });

  try {
    await db.batch([
      write,
      db.insert(questionnaireVersions).values({
        id: newId(),
        practiceId: input.practiceId,
        questionnaireId,
        versionNumber,
        title,
        description: questionnaire.description ?? null,
        language,
        questionCount: countQuestions(questionnaire),
        resourceJson: serializeQuestionnaire(questionnaire),
        createdAt: input.now,
      }),
      auditEventStatement(db, {
        practiceId: input.practiceId,
        actorType: "staff",
        actorId: input.staffId,
        action: "questionnaire.imported",
        targetType: "questionnaire",
        targetId: questionnaireId,
        detail: { version: versionNumber, warnings: report.length },
        ipAddress: input.ipAddress,
        at: input.now,
      }),
    ]);
  } catch (error) {
    // Two imports of the same questionnaire at once: the unique indexes let only one through.
    throw new AppError("conflict", `questionnaire import collided: ${String(error)}`);
  }

  return { ok: true, questionnaireId, versionNumber, report };
}
