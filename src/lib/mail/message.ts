/** One email, rendered and ready for any transport. */
export interface MailMessage {
  to: { email: string; name: string };
  /** Display name of the sender: the practice's name. */
  fromName: string;
  subject: string;
  html: string;
  text: string;
  /** Kind of message, for logs and the development mailbox. */
  kind: "sign-in" | "client-invitation" | "staff-invitation";
  /** Practice the message is sent for. */
  practiceId: string;
  /** Link the message is about; the development transport prints it in the terminal. */
  primaryLink?: string;
}

/** A transport failed to hand the message over; `retryable` says whether trying again may help. */
export class MailDeliveryError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.name = "MailDeliveryError";
    this.retryable = retryable;
  }
}

/** Hands a message to whatever delivers it; throws `MailDeliveryError` when that fails. */
export interface MailTransport {
  readonly name: string;
  send(message: MailMessage): Promise<void>;
}
