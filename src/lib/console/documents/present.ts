import { formatDate, formatFileSize, formatTime } from "../../i18n/format";
import type { Locale } from "../../i18n/locales";
import { translate } from "../../i18n/translate";
import type { StaffDocument } from "./repository";

/** A document row of the console's list, every text formatted on the server. */
export interface StaffDocumentRow {
  id: string;
  fileName: string;
  fileHref: string;
  kindLabel: string;
  sizeLabel: string;
  uploadedLabel: string;
  shareState: "not_shared" | "shared" | "unshared";
  shareLabel: string;
  acknowledgementLabel: string;
  viewedLabel: string;
  downloadedLabel: string;
  canShare: boolean;
  canUnshare: boolean;
  canRequestAcknowledgement: boolean;
}

/** Formats an instant as date and time of day in the practice's time zone. */
export function formatDateTime(locale: Locale, instant: Date, timeZone: string): string {
  return translate(locale, "console.content.date_time", {
    date: formatDate(locale, instant, timeZone),
    time: formatTime(locale, instant, timeZone),
  });
}

function shareStateOf(document: StaffDocument): StaffDocumentRow["shareState"] {
  if (document.unsharedAt) return "unshared";
  return document.sharedAt ? "shared" : "not_shared";
}

/** Formats one of a client's documents for the console in `locale` and the practice's time zone. */
export function presentStaffDocument(
  document: StaffDocument,
  clientId: string,
  locale: Locale,
  timeZone: string,
): StaffDocumentRow {
  const at = (instant: Date) => formatDateTime(locale, instant, timeZone);
  const shareState = shareStateOf(document);

  let shareLabel = translate(locale, "console.documents.state.not_shared");
  if (shareState === "unshared" && document.unsharedAt) {
    shareLabel = translate(locale, "console.documents.state.unshared", { date: at(document.unsharedAt) });
  } else if (shareState === "shared" && document.sharedAt) {
    shareLabel = document.sharerName
      ? translate(locale, "console.documents.state.shared_by", {
          date: at(document.sharedAt),
          name: document.sharerName,
        })
      : translate(locale, "console.documents.state.shared", { date: at(document.sharedAt) });
  }

  let acknowledgementLabel = translate(locale, "console.documents.acknowledgement.not_requested");
  if (document.acknowledgedAt) {
    acknowledgementLabel = translate(locale, "console.documents.acknowledgement.done", {
      date: at(document.acknowledgedAt),
    });
  } else if (document.acknowledgementRequestedAt) {
    acknowledgementLabel = translate(locale, "console.documents.acknowledgement.requested", {
      date: at(document.acknowledgementRequestedAt),
    });
  }

  const uploadedLabel = document.uploaderName
    ? translate(locale, "console.documents.uploaded_by", { date: at(document.uploadedAt), name: document.uploaderName })
    : translate(locale, "console.documents.uploaded", { date: at(document.uploadedAt) });

  return {
    id: document.id,
    fileName: document.fileName,
    fileHref: `/practice/clients/${encodeURIComponent(clientId)}/documents/${encodeURIComponent(document.id)}/file`,
    kindLabel: translate(locale, `documents.kind.${document.kind}`),
    sizeLabel: formatFileSize(locale, document.sizeBytes),
    uploadedLabel,
    shareState,
    shareLabel,
    acknowledgementLabel,
    viewedLabel: document.firstViewedAt
      ? translate(locale, "console.documents.viewed", { date: at(document.firstViewedAt) })
      : translate(locale, "console.documents.not_viewed"),
    downloadedLabel: document.firstDownloadedAt
      ? translate(locale, "console.documents.downloaded", { date: at(document.firstDownloadedAt) })
      : translate(locale, "console.documents.not_downloaded"),
    canShare: shareState !== "shared",
    canUnshare: shareState === "shared",
    canRequestAcknowledgement: document.acknowledgementRequestedAt === null,
  };
}
