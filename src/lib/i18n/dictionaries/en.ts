/**
 * English messages. Keys are dotted (`screen.element`); `{name}` marks a parameter. The Dutch
 * dictionary must hold exactly the same keys.
 */
export const en = {
  "app.name": "Veranda",
  "app.skip_to_content": "Skip to content",
  "app.language": "Language",
  "app.language.nl": "Nederlands",
  "app.language.en": "English",
  "app.footer": "{practice} client portal",

  "login.title": "Sign in to {practice}",
  "login.intro": "Enter your email address. We will send you a link and a code to sign in, no password needed.",
  "login.email_label": "Email address",
  "login.submit": "Send sign-in email",
  "login.error.email_invalid": "Enter a valid email address, such as name@example.com.",
  "login.signed_out": "You are signed out.",
  "login.session_expired": "Your session has ended. Sign in again to continue.",

  "check.title": "Check your email",
  "check.body":
    "If {email} belongs to a client of {practice} with access to the portal, an email is on its way with a sign-in link and a code. The link and the code are valid for {minutes} minutes.",
  "check.code_intro": "Reading your email on another device? Enter the code from the most recent email here.",
  "check.code_label": "6-digit code",
  "check.code_submit": "Sign in with code",
  "check.code_error.invalid": "That code is not correct. Check the most recent email and try again.",
  "check.code_error.format": "The code has 6 digits.",
  "check.code_error.expired":
    "This code can no longer be used: it has expired, was used already or was entered wrong too often. Request a new email.",
  "check.no_email": "No email? Check your spam folder, or request a new one.",
  "check.request_again": "Send a new email",

  "link.confirm_title": "Sign in to {practice}",
  "link.confirm_body": "Press the button to sign in as {email}.",
  "link.confirm_submit": "Sign in to {practice}",
  "link.invalid_title": "This sign-in link can no longer be used",
  "link.expired_body": "The link has expired: links are valid for {minutes} minutes after they are sent.",
  "link.used_body": "The link has been used already. Each link works once.",
  "link.unknown_body": "The link is not valid. It may have been copied incompletely or belong to another portal.",
  "link.new_link_intro": "We can send you a new link.",
  "link.new_link_submit": "Send a new link",

  "session.warning_title": "You will be signed out soon",
  "session.warning_body": "For your privacy you will be signed out in {time} because you have been inactive.",
  "session.stay": "Stay signed in",
  "session.sign_out": "Sign out",
  "session.sign_out_all": "Sign out on all devices",
  "session.sign_out_all_help": "Ends your sessions on every phone, tablet and computer.",

  "dashboard.title": "Overview",
  "dashboard.greeting.morning": "Good morning, {name}",
  "dashboard.greeting.afternoon": "Good afternoon, {name}",
  "dashboard.greeting.evening": "Good evening, {name}",
  "dashboard.purpose": "This is your own place to read documents and fill in questionnaires from {practice}.",

  "not_found.title": "Page not found",
  "not_found.body": "The page you are looking for does not exist.",
  "error.title": "Something went wrong",
  "error.body": "Try again in a moment. If this keeps happening, contact your practice.",

  "errors.invalid_input": "The request contains invalid input.",
  "errors.unauthorized": "Sign in to continue.",
  "errors.forbidden": "You are not allowed to do this.",
  "errors.not_found": "Not found.",
  "errors.conflict": "This was changed elsewhere in the meantime.",
  "errors.payload_too_large": "The request is too large.",
  "errors.unsupported_media_type": "This type of content is not accepted.",
  "errors.rate_limited": "Too many requests. Wait a moment and try again.",
  "errors.internal": "Something went wrong on our side. Try again later.",

  "mail.sign_in.subject": "Your sign-in link for {practice}",
  "mail.sign_in.greeting": "Hello {name},",
  "mail.sign_in.intro": "Use this link to sign in to the client portal of {practice}:",
  "mail.sign_in.button": "Sign in to {practice}",
  "mail.sign_in.code": "Or enter this code on the sign-in page: {code}",
  "mail.sign_in.validity": "The link and the code are valid for {minutes} minutes and work once.",
  "mail.sign_in.ignore": "Did you not ask to sign in? Then you can ignore this email; nobody can sign in without it.",
  "mail.footer": "This email was sent by {practice} through its client portal.",
} as const;

export type MessageKey = keyof typeof en;
