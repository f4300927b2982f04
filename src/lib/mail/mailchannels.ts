import { MailChannels } from "mailchannels-sdk";

import { MailDeliveryError, type MailMessage, type MailTransport } from "./message";

export interface MailChannelsOptions {
  apiKey: string;
  /** API origin; the MailChannels simulator's address in tests. */
  baseUrl: string;
  fromAddress: string;
}

/** Production transport: the MailChannels Email API through `mailchannels-sdk`. */
export function createMailChannelsTransport(options: MailChannelsOptions): MailTransport {
  const client = new MailChannels(options.apiKey, { baseUrl: options.baseUrl });

  return {
    name: "mailchannels",
    async send(message: MailMessage) {
      const result = await client.emails.send({
        from: { email: options.fromAddress, name: message.fromName },
        to: { email: message.to.email, name: message.to.name },
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
      if (result.success) return;

      const status = result.error?.statusCode ?? null;
      // No status means the request never got an answer (network); 429 and 5xx are temporary.
      const retryable = status === null || status === 429 || status >= 500;
      throw new MailDeliveryError(`MailChannels rejected the message: status=${status ?? "none"}`, retryable);
    },
  };
}
