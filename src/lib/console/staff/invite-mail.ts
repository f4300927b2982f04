import type { Locale } from "../../i18n/locales";
import { translator } from "../../i18n/translate";
import type { MailMessage } from "../../mail/message";
import { renderInvitationMail } from "../../mail/templates/invitation";
import type { MailBranding } from "../../mail/templates/layout";

export interface StaffInvitationMailInput {
  locale: Locale;
  branding: MailBranding;
  practiceId: string;
  recipient: { email: string; name: string };
  /** Name of the staff member who sent the invitation. */
  inviterName: string;
  /** The console's sign-in page on the practice's canonical origin. */
  loginUrl: string;
}

/**
 * Renders the email that invites a new staff member to the practice console, in HTML and plain
 * text, in their language and the practice's branding. It carries no token, because the staff
 * member requests a sign-in email on the page it links to, so the invitation is worthless to anyone else.
 */
export function renderStaffInvitationMail(input: StaffInvitationMailInput): MailMessage {
  const t = translator(input.locale);
  const practice = input.branding.practiceName;
  const subject = t("console.staff.invitation_mail.subject", { practice });
  const greeting = t("console.staff.invitation_mail.greeting", { name: input.recipient.name });
  const intro = t("console.staff.invitation_mail.intro", { inviter: input.inviterName, practice });
  const how = t("console.staff.invitation_mail.how", { email: input.recipient.email });
  const button = t("console.staff.invitation_mail.button");
  const unexpected = t("console.staff.invitation_mail.unexpected");
  const footer = t("mail.footer", { practice });

  return renderInvitationMail({
    kind: "staff-invitation",
    locale: input.locale,
    branding: input.branding,
    practiceId: input.practiceId,
    recipient: input.recipient,
    loginUrl: input.loginUrl,
    texts: { subject, greeting, intro, steps: how, button, unexpected, footer },
  });
}
