import type { APIRoute } from "astro";

import { requirePermission, requireVisibleClient } from "../../../../../../lib/console/authorize";
import { findClientDocumentForStaff } from "../../../../../../lib/console/documents/repository";
import { recordStaffDownload } from "../../../../../../lib/console/documents/staff-download";
import { getDb } from "../../../../../../lib/db/client";
import { documentFileResponse } from "../../../../../../lib/documents/serve";
import { AppError, responseForError } from "../../../../../../lib/http/errors";
import { clientIpAddress } from "../../../../../../lib/web/request";

/**
 * Sends the document's bytes to staff (`clients.read`) as a download under its original name,
 * whatever its share state. Each download is audited with the staff member as actor.
 */
export const GET: APIRoute = async ({ locals, params, request }) => {
  try {
    const staff = requirePermission(locals.staff, "clients.read");
    const db = getDb();
    const client = await requireVisibleClient(db, staff, params.id ?? "");
    const scope = { practiceId: client.practiceId, clientId: client.id, documentId: params.documentId ?? "" };
    const document = await findClientDocumentForStaff(db, scope);
    if (!document) throw new AppError("not_found");

    const response = await documentFileResponse(document, request, { download: true });
    if (!response) {
      console.error(`[documents] object missing in R2 practice=${scope.practiceId} document=${document.id}`);
      throw new AppError("not_found");
    }

    const range = request.headers.get("range");
    if (request.method === "GET" && (!range || /^bytes=0-/.test(range)) && response.status < 300) {
      await recordStaffDownload(db, {
        ...scope,
        staffId: staff.member.id,
        ipAddress: clientIpAddress(request),
        now: locals.now,
      });
    }
    return response;
  } catch (error) {
    return responseForError(error, locals.locale, "[documents]");
  }
};
