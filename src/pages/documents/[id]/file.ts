import type { APIRoute } from "astro";

import { getDb } from "../../../lib/db/client";
import { recordDocumentDownloaded } from "../../../lib/documents/actions";
import { findClientDocument } from "../../../lib/documents/repository";
import { documentFileResponse } from "../../../lib/documents/serve";
import { errorResponse } from "../../../lib/http/errors";
import { clientIpAddress } from "../../../lib/web/request";

/**
 * The document's bytes, inline or (with `?download=1`) as a download under the original name.
 * Session, practice and share state are checked on every request, so an unshared document's URL
 * stops working at once.
 */
export const GET: APIRoute = async ({ locals, params, request, url }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);

  const db = getDb();
  const scope = { practiceId: locals.practice.id, clientId: locals.client.subject.id, documentId: params.id ?? "" };
  const document = await findClientDocument(db, scope);
  if (!document) return errorResponse("not_found", locals.locale);

  const download = url.searchParams.get("download") === "1";
  const response = await documentFileResponse(document, request, { download });
  if (!response) {
    console.error(`[documents] object missing in R2 practice=${scope.practiceId} document=${document.id}`);
    return errorResponse("not_found", locals.locale);
  }

  // A download counts once per transfer: later Range requests of the same transfer are not new downloads.
  const range = request.headers.get("range");
  const firstBytes = !range || /^bytes=0-/.test(range);
  if (download && request.method === "GET" && firstBytes && response.status < 300) {
    await recordDocumentDownloaded(db, { ...scope, ipAddress: clientIpAddress(request), now: locals.now });
  }
  return response;
};
