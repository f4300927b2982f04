import { readForm } from "../../web/request";
import { type ClientFormErrors, type ClientFormValues, type ClientInput, parseClientForm } from "./form";
import type { SaveClientResult } from "./records";

/** Outcome of a client form POST: the saved client to redirect to, or the form to show again. */
export type ClientFormSubmission =
  | { saved: true; clientId: string }
  | {
      saved: false;
      values: ClientFormValues;
      errors: ClientFormErrors;
      /** Whether the body was not a form at all (wrong content type or unreadable). */
      unreadable: boolean;
      /** 400 for invalid input, 409 for an email address another client has. */
      status: 400 | 409;
    };

/**
 * Reads and validates a client form and, when it is valid, hands it to `save`. Invalid input comes
 * back with the values as typed, so the page shows them again beside each error.
 */
export async function submitClientForm(
  request: Request,
  save: (input: ClientInput) => Promise<SaveClientResult>,
): Promise<ClientFormSubmission> {
  const form = await readForm(request);
  const parsed = parseClientForm(form);
  if (!parsed.ok) return { saved: false, values: parsed.values, errors: parsed.errors, unreadable: !form, status: 400 };

  const result = await save(parsed.input);
  if (result.ok) return { saved: true, clientId: result.clientId };
  return { saved: false, values: parsed.values, errors: { email: "email_taken" }, unreadable: false, status: 409 };
}
