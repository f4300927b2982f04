import { env } from "cloudflare:workers";

/** Returns whether mail is captured; with a real transport the mailbox routes answer 404. */
export function mailboxEnabled(): boolean {
  return env.MAIL_TRANSPORT === "capture";
}
