import { ERROR_STATUS, type ErrorCode } from "../../http/errors";
import { formatFileSize } from "../../i18n/format";
import type { Locale } from "../../i18n/locales";
import { translate } from "../../i18n/translate";
import { FILE_TYPES, type RejectionReason } from "./file-types";
import type { UploadRejection } from "./inspect";
import { MAX_DOCUMENT_BYTES } from "./limits";

const ERROR_CODE: Record<RejectionReason, ErrorCode> = {
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

/** Returns the error code of a rejected upload: 413 for size, 415 for the type, 400 otherwise. */
export function rejectionErrorCode(rejection: UploadRejection): ErrorCode {
  return ERROR_CODE[rejection.reason];
}

export function rejectionStatus(rejection: UploadRejection): number {
  return ERROR_STATUS[rejectionErrorCode(rejection)];
}

/** Returns the message explaining to the staff member why the file was rejected and what to do. */
export function rejectionMessage(locale: Locale, rejection: UploadRejection): string {
  const limit = formatFileSize(locale, MAX_DOCUMENT_BYTES);
  if (rejection.reason === "extension_mismatch" && rejection.detected) {
    return translate(locale, "console.documents.upload.error.extension_mismatch", {
      extension: rejection.extension ? `.${rejection.extension}` : "",
      type: translate(locale, `console.documents.file_type.${rejection.detected}`),
      expected: `.${FILE_TYPES[rejection.detected].extensions[0]}`,
    });
  }
  if (rejection.reason === "extension_mismatch") {
    return translate(locale, "console.documents.upload.error.unsupported_type");
  }
  return translate(locale, `console.documents.upload.error.${rejection.reason}`, { limit });
}

/** Builds the JSON error body of a rejected upload, with the reason for code that reacts to it. */
export function rejectionResponse(locale: Locale, rejection: UploadRejection): Response {
  const code = rejectionErrorCode(rejection);
  return Response.json(
    { error: { code, reason: rejection.reason, message: rejectionMessage(locale, rejection) } },
    { status: ERROR_STATUS[code] },
  );
}
