import type { APIRoute } from "astro";

import { requirePermission, requireVisibleClient } from "../../../../../../lib/console/authorize";
import { exportAssignmentResponse } from "../../../../../../lib/console/questionnaires/response";
import { getDb } from "../../../../../../lib/db/client";
import { contentDisposition } from "../../../../../../lib/documents/content-disposition";
import { AppError, responseForError } from "../../../../../../lib/http/errors";
import { clientIpAddress } from "../../../../../../lib/web/request";

/**
 * Download of a submitted questionnaire as the FHIR R4 QuestionnaireResponse stored at
 * submission (`forms.read_answers`), for import into the practice's EPD.
 */
export const GET: APIRoute = async ({ locals, params, request }) => {
  try {
    const staff = requirePermission(locals.staff, "forms.read_answers");
    const db = getDb();
    const client = await requireVisibleClient(db, staff, params.id ?? "");
    const exported = await exportAssignmentResponse(db, {
      practiceId: client.practiceId,
      clientId: client.id,
      assignmentId: params.assignmentId ?? "",
      staffId: staff.member.id,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
    if (!exported) throw new AppError("not_found");

    return new Response(JSON.stringify(exported.resource, null, 2), {
      headers: {
        "Content-Type": "application/fhir+json; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `QuestionnaireResponse-${exported.responseId}.json`),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return responseForError(error, locals.locale, "[questionnaires]");
  }
};
