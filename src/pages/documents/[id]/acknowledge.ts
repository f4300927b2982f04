import type { APIRoute } from "astro";

import { getDb } from "../../../lib/db/client";
import { acknowledgeDocument } from "../../../lib/documents/actions";
import { errorResponse } from "../../../lib/http/errors";
import { clientIpAddress } from "../../../lib/web/request";

/** Records that the client read the document; repeating it changes nothing. Form posts get 303. */
export const POST: APIRoute = async ({ locals, params, request, redirect }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);

  const documentId = params.id ?? "";
  const result = await acknowledgeDocument(getDb(), {
    practiceId: locals.practice.id,
    clientId: locals.client.subject.id,
    documentId,
    ipAddress: clientIpAddress(request),
    now: locals.now,
  });
  if (result === "not_found") return errorResponse("not_found", locals.locale);

  // A request the practice withdrew meanwhile sends the client back to the page, which then shows
  // no acknowledgement form; the row is unchanged.
  if (result === "not_requested") return redirect(`/documents/${documentId}`, 303);
  return redirect(`/documents/${documentId}?acknowledged=1`, 303);
};
