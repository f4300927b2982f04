import type { Client } from "../../../../db/schema";
import type { Database } from "../../db/client";
import type { StaffContext } from "../staff-context";
import type { UploadRejection } from "./inspect";
import { storeMultipartUpload } from "./multipart-upload";
import { clientReturnPath, withNotice } from "./return-path";
import { recordUploadedDocument } from "./upload";

export type FormUploadResult = { ok: true; redirect: string } | { ok: false; rejection: UploadRejection };

/**
 * Handles the plain upload form (multipart, without JavaScript). It streams the file into R2
 * and records the document with the options ticked in the form. The result is the page to go
 * back to with a notice, or the rejection to show beside the file field.
 */
export async function handleFormUpload(
  db: Database,
  input: { staff: StaffContext; client: Client; request: Request; ipAddress: string; now: Date },
): Promise<FormUploadResult> {
  const result = await storeMultipartUpload(input.request);
  if (!result.ok) return { ok: false, rejection: result.rejection };

  await recordUploadedDocument(
    db,
    {
      practiceId: input.client.practiceId,
      clientId: input.client.id,
      staffId: input.staff.member.id,
      ipAddress: input.ipAddress,
      now: input.now,
      share: result.fields.get("share") === "1",
      requestAcknowledgement: result.fields.get("acknowledgement") === "1",
    },
    result.file,
  );
  const returnPath = clientReturnPath(input.client.id, result.fields.get("return_to"));
  return { ok: true, redirect: withNotice(returnPath, "document_notice", "uploaded", "documents") };
}
