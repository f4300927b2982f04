import type { Client, Practice } from "../../../../db/schema";
import { SIGN_IN_ROUTES } from "../../auth/sign-in-routes";
import type { Database } from "../../db/client";
import { chooseLocale } from "../../i18n/negotiate";
import { mailBranding } from "../../mail/branding";
import { deliverMail } from "../../mail/deliver";
import type { MailTransport } from "../../mail/message";
import { practiceOrigin, type TenancyConfig } from "../../tenancy/practice";
import { renderClientInvitationMail } from "./invite-mail";
import { clientAuditStatement, type StaffActor } from "./records";

export type InviteResult = "sent" | "delivery_failed" | "no_access";

export interface InviteDependencies {
  db: Database;
  transport: MailTransport;
  tenancy: TenancyConfig;
}

/**
 * Emails a client with portal access an invitation to the portal's sign-in page, in the client's
 * language (else the practice default), and records the outcome. The link is built from the
 * practice's canonical origin, never from the request's `Host` header.
 */
export async function inviteClient(
  deps: InviteDependencies,
  actor: StaffActor,
  practice: Practice,
  client: Client,
): Promise<InviteResult> {
  if (!client.portalAccess || client.archivedAt) return "no_access";

  const message = renderClientInvitationMail({
    locale: chooseLocale({
      subjectLocale: client.locale,
      cookieLocale: undefined,
      practiceDefault: practice.defaultLocale,
    }),
    branding: mailBranding(practice, deps.tenancy),
    practiceId: practice.id,
    recipient: { email: client.email, name: client.preferredName ?? client.firstName },
    loginUrl: `${practiceOrigin(practice, deps.tenancy)}${SIGN_IN_ROUTES.client.base}`,
  });
  const delivered = await deliverMail(deps.transport, message);

  const outcome = delivered ? "sent" : "delivery_failed";
  await clientAuditStatement(deps.db, actor, "client.invited", client.id, { outcome });
  console.info(`[console] client invitation ${outcome} practice=${practice.id} client=${client.id}`);
  return outcome;
}
