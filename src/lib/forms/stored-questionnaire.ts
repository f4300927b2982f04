import { importQuestionnaire, type Questionnaire } from "../questionnaires";

/** Parsed versions kept per isolate. Versions never change, so a cached parse never goes stale. */
const MAX_CACHED_VERSIONS = 64;
const cache = new Map<string, Questionnaire>();

/**
 * Returns the parsed questionnaire of a stored version. The JSON passed the import checks when it
 * was stored; failing now means the engine changed, so the error names the version for the logs.
 */
export function parseStoredQuestionnaire(versionId: string, resourceJson: string): Questionnaire {
  const cached = cache.get(versionId);
  if (cached) return cached;

  const result = importQuestionnaire(JSON.parse(resourceJson));
  if (!result.ok) {
    const paths = result.report.map((issue) => `${issue.path}: ${issue.code}`).join("; ");
    throw new Error(`stored questionnaire version ${versionId} no longer imports: ${paths}`);
  }

  if (cache.size >= MAX_CACHED_VERSIONS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(versionId, result.questionnaire);
  return result.questionnaire;
}

/** Returns the questionnaire without its source JSON, small enough to pass to the browser. */
export function withoutSource(questionnaire: Questionnaire): Questionnaire {
  return { ...questionnaire, source: {} };
}
