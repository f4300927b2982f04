import { listKeys, readJson, writeJson } from "../kv/store";
import type { MailMessage, MailTransport } from "./message";

/** Captured messages are kept for a day, enough to sign in during development. */
const CAPTURED_MAIL_TTL_SECONDS = 24 * 60 * 60;
const CAPTURED_MAIL_PREFIX = "dev-mail:";
/** Keys sort newest first because they start with this minus the send time. */
const KEY_ORDER_BASE_MS = 10_000_000_000_000;

export interface CapturedMail extends MailMessage {
  id: string;
  sentAt: string;
}

/**
 * Development transport: keeps every message in KV for `/dev/mail` and prints the sign-in link in
 * the terminal, so a newcomer signs in without any mail setup. Nothing leaves the machine.
 */
export function createCaptureTransport(kv?: KVNamespace): MailTransport {
  return {
    name: "capture",
    async send(message) {
      const sentAt = new Date();
      const order = String(KEY_ORDER_BASE_MS - sentAt.getTime()).padStart(14, "0");
      const id = `${order}-${crypto.randomUUID()}`;
      const captured: CapturedMail = { ...message, id, sentAt: sentAt.toISOString() };
      await writeJson(`${CAPTURED_MAIL_PREFIX}${id}`, captured, CAPTURED_MAIL_TTL_SECONDS, kv);

      console.info(`[mail] captured ${message.kind} mail for ${message.to.email}; read it at /dev/mail`);
      if (message.primaryLink) console.info(`[mail] development ${message.kind} link: ${message.primaryLink}`);
    },
  };
}

/** Returns captured messages, newest first. */
export async function listCapturedMail(limit = 50, kv?: KVNamespace): Promise<CapturedMail[]> {
  const keys = await listKeys(CAPTURED_MAIL_PREFIX, limit, kv);
  const messages = await Promise.all(keys.map((key) => readJson<CapturedMail>(key, kv)));
  return messages.filter((message): message is CapturedMail => message !== null);
}

export async function readCapturedMail(id: string, kv?: KVNamespace): Promise<CapturedMail | null> {
  return readJson<CapturedMail>(`${CAPTURED_MAIL_PREFIX}${id}`, kv);
}
