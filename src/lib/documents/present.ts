import { formatDate, formatFileSize } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import { translate } from "../i18n/translate";
import type { ClientDocument } from "./repository";

/** A document as lists render it; every text is formatted on the server, so islands never reformat. */
export interface DocumentListItem {
  id: string;
  href: string;
  fileName: string;
  kindLabel: string;
  sizeLabel: string;
  sharedLabel: string;
  acknowledgement: { state: "not_requested" | "needed" | "done"; label: string | null };
}

/** Formats one document for the client's lists in `locale` and the practice's time zone. */
export function presentDocument(document: ClientDocument, locale: Locale, timeZone: string): DocumentListItem {
  const sharedAt = document.sharedAt ?? new Date(0);
  let acknowledgement: DocumentListItem["acknowledgement"] = { state: "not_requested", label: null };
  if (document.acknowledgedAt) {
    acknowledgement = {
      state: "done",
      label: translate(locale, "documents.acknowledged_on", {
        date: formatDate(locale, document.acknowledgedAt, timeZone),
      }),
    };
  } else if (document.acknowledgementRequestedAt) {
    acknowledgement = { state: "needed", label: translate(locale, "documents.needs_acknowledgement") };
  }

  return {
    id: document.id,
    href: `/documents/${document.id}`,
    fileName: document.fileName,
    kindLabel: translate(locale, `documents.kind.${document.kind}`),
    sizeLabel: formatFileSize(locale, document.sizeBytes),
    sharedLabel: translate(locale, "documents.shared_on", { date: formatDate(locale, sharedAt, timeZone) }),
    acknowledgement,
  };
}
