import type { APIRoute } from "astro";

import { getDb } from "../../../../lib/db/client";
import { saveDraft } from "../../../../lib/forms/drafts";
import { loadFillState } from "../../../../lib/forms/fill-state";
import { errorResponse, responseForError } from "../../../../lib/http/errors";
import { MAX_ANSWER_PAYLOAD_BYTES, validateAnswers } from "../../../../lib/questionnaires";
import { readJsonBody } from "../../../../lib/web/json-body";
import { clientIpAddress } from "../../../../lib/web/request";

/** Request body: `{ baseRevision: number, answers: { [linkId]: AnswerValue[] } }`. */
function parseDraftBody(body: unknown): { baseRevision: number; answers: unknown } | null {
  if (typeof body !== "object" || body === null) return null;
  const { baseRevision, answers } = body as Record<string, unknown>;
  if (typeof baseRevision !== "number" || !Number.isInteger(baseRevision) || baseRevision < 0) return null;
  return { baseRevision, answers };
}

/**
 * Saves the client's draft. Answers that do not fit their question are left out of the draft
 * (the page keeps showing them); a stale revision gets 409 with the current revision.
 */
export const PUT: APIRoute = async ({ locals, params, request }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);

  try {
    const body = parseDraftBody(await readJsonBody(request, MAX_ANSWER_PAYLOAD_BYTES + 1024));
    if (!body) return errorResponse("invalid_input", locals.locale);

    const db = getDb();
    const scope = { practiceId: locals.practice.id, clientId: locals.client.subject.id, assignmentId: params.id ?? "" };
    const state = await loadFillState(db, scope);
    if (!state) return errorResponse("not_found", locals.locale);

    const validation = validateAnswers(state.questionnaire, body.answers, "draft");
    const payloadError = validation.errors.find((error) => error.linkId === "");
    if (payloadError) {
      return errorResponse(
        payloadError.code === "payload_too_large" ? "payload_too_large" : "invalid_input",
        locals.locale,
      );
    }

    const result = await saveDraft(db, {
      ...scope,
      baseRevision: body.baseRevision,
      answers: validation.answers,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
    if (result.ok) return Response.json({ revision: result.revision, savedAt: result.savedAt.toISOString() });
    if (result.reason === "not_pending") return errorResponse("conflict", locals.locale);

    const current = await loadFillState(db, scope);
    return Response.json(
      { error: { code: "conflict", message: locals.t("errors.conflict") }, revision: current?.draft?.revision ?? 0 },
      { status: 409 },
    );
  } catch (error) {
    return responseForError(error, locals.locale, "[forms]");
  }
};
