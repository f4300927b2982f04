import { createCaptureTransport } from "./capture";
import { createMailChannelsTransport } from "./mailchannels";
import { MailDeliveryError, type MailMessage, type MailTransport } from "./message";

/** Waits before the 2nd and 3rd attempt, in milliseconds. */
const RETRY_DELAYS_MS = [250, 1000] as const;

/** Returns the transport that `MAIL_TRANSPORT` names; an unknown name fails loudly. */
export function mailTransportFromEnv(env: Env): MailTransport {
  if (env.MAIL_TRANSPORT === "capture") return createCaptureTransport(env.KV);

  if (env.MAIL_TRANSPORT === "mailchannels") {
    if (!env.MAILCHANNELS_API_KEY)
      throw new Error("MAILCHANNELS_API_KEY is missing; set it with `wrangler secret put`");
    return createMailChannelsTransport({
      apiKey: env.MAILCHANNELS_API_KEY,
      baseUrl: env.MAILCHANNELS_BASE_URL,
      fromAddress: env.MAIL_FROM_ADDRESS,
    });
  }

  throw new Error(`MAIL_TRANSPORT "${env.MAIL_TRANSPORT}" is unknown; use "capture" or "mailchannels"`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends `message`, retrying temporary failures twice. Returns whether it was delivered; failures
 * are logged with the practice and kind, never with the message content or its link.
 */
export async function deliverMail(transport: MailTransport, message: MailMessage): Promise<boolean> {
  const attempts = RETRY_DELAYS_MS.length + 1;

  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      await transport.send(message);
      return true;
    } catch (error) {
      const retryable = !(error instanceof MailDeliveryError) || error.retryable;
      const reason = error instanceof Error ? error.message : String(error);
      console.error(
        `[mail] send failed transport=${transport.name} kind=${message.kind} practice=${message.practiceId} attempt=${attempt}/${attempts}: ${reason}`,
      );
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (!retryable || delay === undefined) return false;
      await sleep(delay);
    }
  }
  return false;
}
