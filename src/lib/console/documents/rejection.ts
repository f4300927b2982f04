import { ERROR_STATUS, type ErrorCode } from "../../http/errors";
import { formatFileSize } from "../../i18n/format";
import type { Locale } from "../../i18n/locales";
import { translate } from "../../i18n/translate";
import { FILE_TYPES, type UploadRejection } from "./file-types";
import type { UploadRefusal } from "./inspect";
import { MAX_DOCUMENT_BYTES } from "./limits";

const ERROR_CODE: Record<UploadRejection, ErrorCode> = {
  missing_file: "invalid_input",
  missing_length: "invalid_input",
  name_too_long: "invalid_input",
  interrupted: "invalid_input",
  empty: "invalid_input",
  too_large: "payload_too_large",
  html: "unsupported_media_type",
  svg: "unsupported_media_type",
  script: "unsupported_media_type",
  executable: "unsupported_media_type",
  archive: "unsupported_media_type",
  extension_mismatch: "unsupported_media_type",
  unsupported_type: "unsupported_media_type",
  damaged_office_file: "unsupported_media_type",
};

/** Returns the error code of a refused upload: 413 for size, 415 for the type, 400 otherwise. */
export function refusalErrorCode(refusal: UploadRefusal): ErrorCode {
  return ERROR_CODE[refusal.reason];
}

export function refusalStatus(refusal: UploadRefusal): number {
  return ERROR_STATUS[refusalErrorCode(refusal)];
}

/** Returns the message that tells the staff member why the file was refused and what to do. */
export function refusalMessage(locale: Locale, refusal: UploadRefusal): string {
  const limit = formatFileSize(locale, MAX_DOCUMENT_BYTES);
  if (refusal.reason === "extension_mismatch" && refusal.detected) {
    return translate(locale, "console.documents.upload.error.extension_mismatch", {
      extension: refusal.extension ? `.${refusal.extension}` : "",
      type: translate(locale, `console.documents.file_type.${refusal.detected}`),
      expected: `.${FILE_TYPES[refusal.detected].extensions[0]}`,
    });
  }
  if (refusal.reason === "extension_mismatch") {
    return translate(locale, "console.documents.upload.error.unsupported_type");
  }
  return translate(locale, `console.documents.upload.error.${refusal.reason}`, { limit });
}

/** Builds the JSON error body of a refused upload, with the reason for code that reacts to it. */
export function refusalResponse(locale: Locale, refusal: UploadRefusal): Response {
  const code = refusalErrorCode(refusal);
  return Response.json(
    { error: { code, reason: refusal.reason, message: refusalMessage(locale, refusal) } },
    { status: ERROR_STATUS[code] },
  );
}
