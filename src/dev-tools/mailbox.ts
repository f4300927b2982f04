import { env } from "cloudflare:workers";

/** The mailbox only shows anything while mail is captured; with a real transport it is empty. */
export function mailboxEnabled(): boolean {
  return env.MAIL_TRANSPORT === "capture";
}
