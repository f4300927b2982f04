import type { MessageKey } from "../../i18n/translate";

const CLIENT_NOTICES: Record<string, MessageKey> = {
  assigned: "console.questionnaires.notice.assigned",
  withdrawn: "console.questionnaires.notice.withdrawn",
  not_pending: "console.questionnaires.notice.not_pending",
};

const LIBRARY_NOTICES: Record<string, MessageKey> = {
  imported: "console.library.notice.imported",
  changed: "console.library.notice.status_changed",
  not_allowed: "console.library.notice.not_allowed",
};

function lookup(notices: Record<string, MessageKey>, value: string | null): MessageKey | null {
  return value !== null && Object.hasOwn(notices, value) ? (notices[value] ?? null) : null;
}

/** Returns the message of a `?questionnaire_notice=` value on a client's page, or null. */
export function questionnaireNoticeKey(value: string | null): MessageKey | null {
  return lookup(CLIENT_NOTICES, value);
}

/** Returns the message of a `?notice=` value on a library page, or null. */
export function libraryNoticeKey(value: string | null): MessageKey | null {
  return lookup(LIBRARY_NOTICES, value);
}
