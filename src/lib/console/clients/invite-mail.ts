import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/translate";
import type { MailMessage } from "../../mail/message";
import { escapeHtml } from "../../mail/templates/escape";
import { type MailBranding, renderMailButton, renderMailLayout } from "../../mail/templates/layout";

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

  const bodyHtml = [
    `<p style="margin:0 0 12px;">${escapeHtml(greeting)}</p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(intro)}</p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(signInSteps)}</p>`,
    renderMailButton(input.loginUrl, button, input.branding.brandColor),
    `<p style="margin:0 0 12px;word-break:break-all;font-size:13px;"><a href="${escapeHtml(input.loginUrl)}">${escapeHtml(input.loginUrl)}</a></p>`,
    `<p style="margin:0;color:#4a5550;">${escapeHtml(unexpected)}</p>`,
  ].join("\n");

  const text = [greeting, "", intro, "", signInSteps, input.loginUrl, "", unexpected, "", "--", footer].join("\n");

  return {
    to: input.recipient,
    fromName: practice,
    subject,
    html: renderMailLayout({ locale: input.locale, branding: input.branding, title: subject, bodyHtml, footer }),
    text,
    kind: "client-invitation",
    practiceId: input.practiceId,
    primaryLink: input.loginUrl,
  };
}
