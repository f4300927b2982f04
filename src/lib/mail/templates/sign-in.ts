import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/translate";
import type { MailMessage } from "../message";
import { escapeHtml } from "./escape";
import { type MailBranding, renderMailButton, renderMailLayout } from "./layout";

export interface SignInMailInput {
  locale: Locale;
  /** Clients sign in to the portal, staff to the practice console; the intro names which. */
  audience: "client" | "staff";
  branding: MailBranding;
  practiceId: string;
  recipient: { email: string; name: string };
  link: string;
  code: string;
  validMinutes: number;
}

/** Renders the sign-in email with its link and code, in HTML and plain text, in the recipient's language. */
export function renderSignInMail(input: SignInMailInput): MailMessage {
  const t = translator(input.locale);
  const practice = input.branding.practiceName;
  const subject = t("mail.sign_in.subject", { practice });
  const greeting = t("mail.sign_in.greeting", { name: input.recipient.name });
  const intro = t(input.audience === "client" ? "mail.sign_in.intro" : "mail.sign_in.intro_staff", { practice });
  const button = t("mail.sign_in.button", { practice });
  const code = t("mail.sign_in.code", { code: input.code });
  const validity = t("mail.sign_in.validity", { minutes: input.validMinutes });
  const ignore = t("mail.sign_in.ignore");
  const footer = t("mail.footer", { practice });

  const bodyHtml = [
    `<p style="margin:0 0 12px;">${escapeHtml(greeting)}</p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(intro)}</p>`,
    renderMailButton(input.link, button, input.branding.brandColor),
    `<p style="margin:0 0 12px;word-break:break-all;font-size:13px;"><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(code.replace(input.code, ""))}<strong style="font-size:22px;letter-spacing:4px;">${escapeHtml(input.code)}</strong></p>`,
    `<p style="margin:0 0 12px;">${escapeHtml(validity)}</p>`,
    `<p style="margin:0;color:#4a5550;">${escapeHtml(ignore)}</p>`,
  ].join("\n");

  const text = [greeting, "", intro, input.link, "", code, "", validity, "", ignore, "", "--", footer].join("\n");

  return {
    to: input.recipient,
    fromName: practice,
    subject,
    html: renderMailLayout({ locale: input.locale, branding: input.branding, title: subject, bodyHtml, footer }),
    text,
    kind: "sign-in",
    practiceId: input.practiceId,
    primaryLink: input.link,
  };
}
