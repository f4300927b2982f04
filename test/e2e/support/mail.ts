import { portalRequest } from "./http";

/** One message as `/dev/mail.json` returns it. */
export interface CapturedMail {
  id: string;
  sentAt: string;
  to: { email: string; name: string };
  fromName: string;
  subject: string;
  text: string;
  html: string;
  primaryLink?: string;
}

/** A sign-in email with the link and the 6-digit code read from its plain-text part. */
export interface SignInMail {
  message: CapturedMail;
  link: string;
  code: string;
}

const MAIL_WAIT_TIMEOUT_MS = 15_000;
const MAIL_POLL_INTERVAL_MS = 200;

/** Returns the captured messages of the e2e server, newest first. */
export async function listCapturedMail(origin: string): Promise<CapturedMail[]> {
  const response = await portalRequest(`${origin}/dev/mail.json`);
  if (response.status !== 200) throw new Error(`GET ${origin}/dev/mail.json returned ${response.status}`);

  const body = JSON.parse(response.body) as { messages: CapturedMail[] };
  return body.messages;
}

/**
 * Reads the sign-in link and code from the plain-text part: the link is the line containing the
 * `/login/link/` URL, the code the only 6-digit number on a line without a URL.
 */
export function parseSignInMail(message: CapturedMail): SignInMail {
  const lines = message.text.split("\n").map((line) => line.trim());

  const link = lines.find((line) => /^https?:\/\/\S+\/login\/link\/\S+$/.test(line));
  if (!link) throw new Error(`no sign-in link in the text part of "${message.subject}":\n${message.text}`);

  const codes = lines
    .filter((line) => !line.includes("://"))
    .flatMap((line) => [...line.matchAll(/(?<!\d)\d{6}(?!\d)/g)].map((match) => match[0]));
  const [code] = codes;
  if (!code || codes.length !== 1) {
    throw new Error(`expected one 6-digit code in the text part of "${message.subject}", found ${codes.length}`);
  }

  return { message, link, code };
}

/**
 * The mailbox of one address on the e2e server. `open` remembers the messages already there, so
 * `waitForSignInMail` returns only a message sent afterwards.
 */
export class Inbox {
  private constructor(
    readonly origin: string,
    readonly address: string,
    private readonly seenIds: Set<string>,
  ) {}

  static async open(origin: string, address: string): Promise<Inbox> {
    const messages = await listCapturedMail(origin);
    return new Inbox(origin, address, new Set(messages.map((message) => message.id)));
  }

  /** Returns the newest sign-in email to this address since `open` or the previous call. */
  async waitForSignInMail(timeoutMs = MAIL_WAIT_TIMEOUT_MS): Promise<SignInMail> {
    const deadline = Date.now() + timeoutMs;

    while (Date.now() < deadline) {
      const messages = await listCapturedMail(this.origin);
      const message = messages.find(
        (candidate) => candidate.to.email === this.address && !this.seenIds.has(candidate.id),
      );
      if (message) {
        for (const seen of messages) this.seenIds.add(seen.id);
        return parseSignInMail(message);
      }
      await new Promise((resolve) => setTimeout(resolve, MAIL_POLL_INTERVAL_MS));
    }

    throw new Error(
      `no new email to ${this.address} within ${timeoutMs} ms; the address may be throttled or lack portal access (see .test-artifacts/e2e-wrangler-dev.log)`,
    );
  }
}
