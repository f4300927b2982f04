import type { MessageKey } from "../../i18n/translate";

const NOTICES: Record<string, MessageKey> = {
  uploaded: "console.documents.notice.uploaded",
  share: "console.documents.notice.shared",
  unshare: "console.documents.notice.unshared",
  request_acknowledgement: "console.documents.notice.acknowledgement_requested",
  unchanged: "console.documents.notice.unchanged",
};

/** Returns the message of a `?document_notice=` value after a redirect, or null for anything else. */
export function documentNoticeKey(value: string | null): MessageKey | null {
  return value !== null && Object.hasOwn(NOTICES, value) ? (NOTICES[value] ?? null) : null;
}
