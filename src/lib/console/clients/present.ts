import type { Locale } from "../../i18n/locales";
import type { MessageKey } from "../../i18n/translate";

/**
 * Returns the name staff see for a client: first and last name, with the preferred name in
 * brackets when it differs from the first name.
 *
 * @example clientFullName({ firstName: "Joëlle", lastName: "Bakker", preferredName: "Jo" }) // "Joëlle (Jo) Bakker"
 */
export function clientFullName(client: { firstName: string; lastName: string; preferredName: string | null }): string {
  const preferred =
    client.preferredName && client.preferredName !== client.firstName ? ` (${client.preferredName})` : "";
  return `${client.firstName}${preferred} ${client.lastName}`;
}

/** Returns the dictionary key of a language's name, for the language select and the invitation hint. */
export function languageNameKey(locale: Locale): MessageKey {
  return locale === "nl" ? "console.clients.language.nl" : "console.clients.language.en";
}

/** Notices a client page shows after a redirect, by the `notice` query value. */
export const CLIENT_NOTICES = {
  created: { key: "console.clients.notice.created", error: false },
  updated: { key: "console.clients.notice.updated", error: false },
  access_granted: { key: "console.clients.notice.access_granted", error: false },
  access_revoked: { key: "console.clients.notice.access_revoked", error: false },
  invited: { key: "console.clients.notice.invited", error: false },
  invite_failed: { key: "console.clients.notice.invite_failed", error: true },
  invite_needs_access: { key: "console.clients.notice.invite_needs_access", error: true },
  archived: { key: "console.clients.notice.archived", error: false },
  restored: { key: "console.clients.notice.restored", error: false },
  staff_assigned: { key: "console.clients.notice.staff_assigned", error: false },
  staff_unassigned: { key: "console.clients.notice.staff_unassigned", error: false },
  staff_unassigned_self: { key: "console.clients.notice.staff_unassigned_self", error: false },
} as const satisfies Record<string, { key: MessageKey; error: boolean }>;

export type ClientNotice = keyof typeof CLIENT_NOTICES;

/** Returns the notice named by a `notice` query value, or null for none or an unknown one. */
export function clientNotice(value: string | null): (typeof CLIENT_NOTICES)[ClientNotice] | null {
  if (!value || !Object.hasOwn(CLIENT_NOTICES, value)) return null;
  return CLIENT_NOTICES[value as ClientNotice];
}

/** Returns the path of a client's page with a notice to show after a redirect. */
export function clientPageWithNotice(clientId: string, notice: ClientNotice): string {
  return `/practice/clients/${encodeURIComponent(clientId)}?notice=${notice}`;
}
