import type { APIRoute } from "astro";

import { requirePermission } from "../../../../lib/console/authorize";
import { changeQuestionnaireStatus, isLibraryStatus } from "../../../../lib/console/questionnaires/lifecycle";
import { getDb } from "../../../../lib/db/client";
import { AppError, responseForError } from "../../../../lib/http/errors";
import { clientIpAddress, formText, readForm } from "../../../../lib/web/request";

/** Moves a questionnaire along its lifecycle (`forms.manage`): draft → active → retired. */
export const POST: APIRoute = async ({ locals, params, request, redirect }) => {
  try {
    const staff = requirePermission(locals.staff, "forms.manage");
    const form = await readForm(request);
    const to = form ? formText(form, "status") : "";
    if (!isLibraryStatus(to)) throw new AppError("invalid_input", `unknown status ${to}`);

    const questionnaireId = params.questionnaireId ?? "";
    const result = await changeQuestionnaireStatus(getDb(), {
      practiceId: staff.member.practiceId,
      questionnaireId,
      to,
      staffId: staff.member.id,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
    if (result === "not_found") throw new AppError("not_found");
    return redirect(`/practice/questionnaires/${encodeURIComponent(questionnaireId)}?notice=${result}`, 303);
  } catch (error) {
    return responseForError(error, locals.locale, "[questionnaires]");
  }
};
