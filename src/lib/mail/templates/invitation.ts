import type { Locale } from "../../i18n/locales";
import type { MailMessage } from "../message";
import { escapeHtml } from "./escape";
import { type MailBranding, renderMailButton, renderMailLayout } from "./layout";

/** The translated texts of an invitation, in the order the email shows them. */
export interface InvitationTexts {
  subject: string;
  greeting: string;
  intro: string;
  /** How to sign in: which address to type on the page the button opens. */
  steps: string;
  button: string;
  unexpected: string;
  footer: string;
}

/**
 * Renders an invitation to the portal or the console, in HTML and plain text. It carries no
 * token: the invited person requests a sign-in email on the page it links to.
 */
export function renderInvitationMail(input: {
  kind: "client-invitation" | "staff-invitation";
  locale: Locale;
  branding: MailBranding;
  practiceId: string;
  recipient: { email: string; name: string };
  loginUrl: string;
  texts: InvitationTexts;
}): MailMessage {
  const { texts, loginUrl } = input;
  const bodyHtml = [
    `<p style="margin:0 0 12px;">${escapeHtml(texts.greeting)}</p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(texts.intro)}</p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(texts.steps)}</p>`,
    renderMailButton(loginUrl, texts.button, input.branding.brandColor),
    `<p style="margin:0 0 12px;word-break:break-all;font-size:13px;"><a href="${escapeHtml(loginUrl)}">${escapeHtml(loginUrl)}</a></p>`,
    `<p style="margin:0;color:#4a5550;">${escapeHtml(texts.unexpected)}</p>`,
  ].join("\n");

  const text = [
    texts.greeting,
    "",
    texts.intro,
    "",
    texts.steps,
    loginUrl,
    "",
    texts.unexpected,
    "",
    "--",
    texts.footer,
  ].join("\n");

  return {
    to: input.recipient,
    fromName: input.branding.practiceName,
    subject: texts.subject,
    html: renderMailLayout({
      locale: input.locale,
      branding: input.branding,
      title: texts.subject,
      bodyHtml,
      footer: texts.footer,
    }),
    text,
    kind: input.kind,
    practiceId: input.practiceId,
    primaryLink: loginUrl,
  };
}
