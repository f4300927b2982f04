import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/translate";
import type { MailMessage } from "../../mail/message";
import { renderInvitationMail } from "../../mail/templates/invitation";
import type { MailBranding } from "../../mail/templates/layout";

export interface ClientInvitationMailInput {
  locale: Locale;
  branding: MailBranding;
  practiceId: string;
  recipient: { email: string; name: string };
  /** The portal's sign-in page on the practice's canonical origin. */
  loginUrl: string;
}

/**
 * Renders the email that informs a client of their portal access and explains how to sign in, in HTML and
 * plain text, in the client's language. It carries no token: the client asks for a sign-in email
 * on the page it links to, so the invitation never expires and is worthless to anyone else.
 */
export function renderClientInvitationMail(input: ClientInvitationMailInput): MailMessage {
  const t = translator(input.locale);
  const practice = input.branding.practiceName;
  const subject = t("console.clients.invite_mail.subject", { practice });
  const greeting = t("console.clients.invite_mail.greeting", { name: input.recipient.name });
  const intro = t("console.clients.invite_mail.intro", { practice });
  const signInSteps = t("console.clients.invite_mail.how", { email: input.recipient.email });
  const button = t("console.clients.invite_mail.button", { practice });
  const unexpected = t("console.clients.invite_mail.unexpected", { practice });
  const footer = t("mail.footer", { practice });

  return renderInvitationMail({
    kind: "client-invitation",
    locale: input.locale,
    branding: input.branding,
    practiceId: input.practiceId,
    recipient: input.recipient,
    loginUrl: input.loginUrl,
    texts: { subject, greeting, intro, steps: signInSteps, button, unexpected, footer },
  });
}
