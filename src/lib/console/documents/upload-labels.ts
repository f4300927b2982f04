import { formatFileSize } from "../../i18n/format";
import type { Locale } from "../../i18n/locales";
import { translate } from "../../i18n/translate";
import { MAX_DOCUMENT_BYTES } from "./limits";

/** The texts of the upload island, translated on the server; `{…}` parameters stay in. */
export interface DocumentUploadLabels {
  file: string;
  help: string;
  options: string;
  share: string;
  acknowledgement: string;
  submit: string;
  uploading: string;
  /** Visible progress line with `{percent}`, `{loaded}` and `{total}`. */
  progress: string;
  /** Progress announced to screen readers in steps of 25 %, with `{percent}`. */
  progressAnnouncement: string;
  cancel: string;
  cancelled: string;
  missingFile: string;
  tooLarge: string;
  failed: string;
}

export function documentUploadLabels(locale: Locale): DocumentUploadLabels {
  const limit = formatFileSize(locale, MAX_DOCUMENT_BYTES);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key, { limit });
  return {
    file: t("console.documents.upload.file"),
    help: t("console.documents.upload.help"),
    options: t("console.documents.upload.options"),
    share: t("console.documents.upload.share"),
    acknowledgement: t("console.documents.upload.acknowledgement"),
    submit: t("console.documents.upload.submit"),
    uploading: t("console.documents.upload.uploading"),
    progress: translate(locale, "console.documents.upload.progress"),
    progressAnnouncement: translate(locale, "console.documents.upload.progress_announcement"),
    cancel: t("console.documents.upload.cancel"),
    cancelled: t("console.documents.upload.cancelled"),
    missingFile: t("console.documents.upload.error.missing_file"),
    tooLarge: t("console.documents.upload.error.too_large"),
    failed: t("console.documents.upload.failed"),
  };
}
