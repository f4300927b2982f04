import { clientFormEndpoint } from "../../../../../../lib/console/documents/endpoint";
import { clientReturnPath, withNotice } from "../../../../../../lib/console/documents/return-path";
import { applyDocumentAction, type DocumentAction } from "../../../../../../lib/console/documents/sharing";
import { AppError } from "../../../../../../lib/http/errors";
import { formText } from "../../../../../../lib/web/request";

const ACTIONS_BY_PATH: Record<string, DocumentAction> = {
  share: "share",
  unshare: "unshare",
  "request-acknowledgement": "request_acknowledgement",
};

/** Shares, unshares or requests acknowledgement of one document (`documents.expose`), then goes back with a notice. */
export const POST = clientFormEndpoint(
  "documents.expose",
  async ({ db, staff, client, form, ipAddress, now, context }) => {
    const action = ACTIONS_BY_PATH[context.params.action ?? ""];
    if (!action) throw new AppError("not_found");

    const result = await applyDocumentAction(db, action, {
      practiceId: client.practiceId,
      clientId: client.id,
      documentId: context.params.documentId ?? "",
      staffId: staff.member.id,
      ipAddress,
      now,
    });
    if (result === "not_found") throw new AppError("not_found");

    const returnPath = clientReturnPath(client.id, form ? formText(form, "return_to") : null);
    return withNotice(returnPath, "document_notice", result === "changed" ? action : "unchanged", "documents");
  },
  "[documents]",
);
