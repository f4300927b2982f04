import type { APIRoute } from "astro";

import { requirePermission, requireVisibleClient } from "../../../../../lib/console/authorize";
import { handleRawUpload, isSameOriginRequest } from "../../../../../lib/console/documents/raw-upload";
import { getDb } from "../../../../../lib/db/client";
import { AppError, responseForError } from "../../../../../lib/http/errors";
import { clientIpAddress } from "../../../../../lib/web/request";

/**
 * Upload of one document for the client, the file as the raw body (the upload island). Needs
 * `documents.expose`, and responds with 201 and the document or with a JSON error.
 */
export const POST: APIRoute = async ({ locals, params, request, url }) => {
  try {
    if (!isSameOriginRequest(request, url)) throw new AppError("forbidden", "upload from another origin");
    const staff = requirePermission(locals.staff, "documents.expose");
    const db = getDb();
    const client = await requireVisibleClient(db, staff, params.id ?? "");

    return await handleRawUpload(db, {
      staff,
      client,
      request,
      url,
      locale: locals.locale,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
  } catch (error) {
    void request.body?.cancel().catch(() => undefined);
    return responseForError(error, locals.locale, "[documents]");
  }
};
