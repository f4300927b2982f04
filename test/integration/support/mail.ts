import { env } from "cloudflare:workers";

import { type CapturedMail, listCapturedMail } from "../../../src/lib/mail/capture";

export interface SignInMail {
  message: CapturedMail;
  link: URL;
  /** Path of the link, to open with a `TestBrowser`. */
  linkPath: string;
  code: string;
}

/** Returns every captured message sent to `email`, newest first. */
export async function mailTo(email: string): Promise<CapturedMail[]> {
  const messages = await listCapturedMail(1000, env.KV);
  return messages.filter((message) => message.to.email === email);
}

/** Reads the link and code out of the plain-text part of the newest sign-in mail to `email`. */
export async function latestSignInMail(email: string): Promise<SignInMail> {
  const [message] = await mailTo(email);
  if (!message) throw new Error(`no mail was captured for ${email}`);

  const linkMatch = /https?:\/\/\S+\/login\/link\/[a-z2-7]+/.exec(message.text);
  const codeMatch = /\b(\d{6})\b/.exec(message.text);
  if (!linkMatch || !codeMatch?.[1]) throw new Error(`the mail to ${email} holds no link or code:\n${message.text}`);

  const link = new URL(linkMatch[0]);
  return { message, link, linkPath: link.pathname, code: codeMatch[1] };
}
