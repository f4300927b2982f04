import { and, eq } from "drizzle-orm";

import { questionnaireResponses } from "../../../db/schema";
import type { Database } from "../db/client";

/**
 * Returns a submitted response as FHIR R4 `QuestionnaireResponse` JSON, exactly as stored at
 * submission, or null when the practice has no such response. The practice console's download
 * uses it; the caller checks the staff member's permission.
 */
export async function exportQuestionnaireResponse(
  db: Database,
  practiceId: string,
  responseId: string,
): Promise<Record<string, unknown> | null> {
  const row = await db
    .select({ resourceJson: questionnaireResponses.resourceJson })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.id, responseId), eq(questionnaireResponses.practiceId, practiceId)))
    .get();
  if (!row) return null;

  const resource: unknown = JSON.parse(row.resourceJson);
  return typeof resource === "object" && resource !== null ? (resource as Record<string, unknown>) : null;
}
