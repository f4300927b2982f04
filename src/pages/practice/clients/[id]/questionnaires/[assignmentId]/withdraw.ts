import { clientFormEndpoint } from "../../../../../../lib/console/documents/endpoint";
import { clientReturnPath, withNotice } from "../../../../../../lib/console/documents/return-path";
import { withdrawAssignment } from "../../../../../../lib/console/questionnaires/client-assignments";
import { AppError } from "../../../../../../lib/http/errors";
import { formText } from "../../../../../../lib/web/request";

/** Withdraws a pending questionnaire (`forms.assign`); it leaves the client's portal at once. */
export const POST = clientFormEndpoint(
  "forms.assign",
  async ({ db, staff, client, form, ipAddress, now, context }) => {
    const result = await withdrawAssignment(db, {
      practiceId: client.practiceId,
      clientId: client.id,
      assignmentId: context.params.assignmentId ?? "",
      staffId: staff.member.id,
      ipAddress,
      now,
    });
    if (result === "not_found") throw new AppError("not_found");

    const returnPath = clientReturnPath(client.id, form ? formText(form, "return_to") : null);
    return withNotice(returnPath, "questionnaire_notice", result, "questionnaires");
  },
  "[questionnaires]",
);
