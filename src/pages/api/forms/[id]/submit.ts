import type { APIRoute } from "astro";

import { getDb } from "../../../../lib/db/client";
import { loadFillState } from "../../../../lib/forms/fill-state";
import { submitResponse } from "../../../../lib/forms/submit";
import { errorResponse, responseForError } from "../../../../lib/http/errors";
import { MAX_ANSWER_PAYLOAD_BYTES } from "../../../../lib/questionnaires";
import { readJsonBody } from "../../../../lib/web/json-body";
import { clientIpAddress } from "../../../../lib/web/request";

/**
 * Submits the answers `{ answers }`. Invalid answers get 422 with `{ errors: [{ linkId, code }] }`;
 * a repeated submission gets 200 with the first one's completion time.
 */
export const POST: APIRoute = async ({ locals, params, request }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);

  try {
    const body = await readJsonBody(request, MAX_ANSWER_PAYLOAD_BYTES + 1024);
    const answers = typeof body === "object" && body !== null ? (body as Record<string, unknown>).answers : undefined;

    const db = getDb();
    const scope = { practiceId: locals.practice.id, clientId: locals.client.subject.id, assignmentId: params.id ?? "" };
    const state = await loadFillState(db, scope);
    if (!state) return errorResponse("not_found", locals.locale);

    const result = await submitResponse(db, {
      ...scope,
      versionId: state.version.id,
      questionnaire: state.questionnaire,
      answers,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
    if (result.ok) {
      return Response.json({
        completedAt: result.completedAt.toISOString(),
        alreadySubmitted: result.alreadySubmitted,
      });
    }
    if (result.reason === "not_pending") return errorResponse("conflict", locals.locale);
    return Response.json(
      { error: { code: "invalid_answers", message: locals.t("errors.invalid_answers") }, errors: result.errors },
      { status: 422 },
    );
  } catch (error) {
    return responseForError(error, locals.locale, "[forms]");
  }
};
