import { normalizeEmail } from "../../auth/subjects";
import { isLocale, type Locale } from "../../i18n/locales";
import { formText } from "../../web/request";

/** Maximum length of a first, last or preferred name, in characters. */
export const MAX_NAME_LENGTH = 100;

/** The text fields of the client form, exactly as typed, so an invalid form is shown again unchanged. */
export interface ClientFormValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  email: string;
  /** `nl`, `en`, or "" for the practice default. */
  language: string;
}

export type ClientFormField = keyof ClientFormValues;
export type ClientFieldError = "required" | "too_long" | "email_invalid" | "email_taken" | "language_invalid";
export type ClientFormErrors = Partial<Record<ClientFormField, ClientFieldError>>;

/** A valid client form, normalized for storage. */
export interface ClientInput {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  /** Trimmed and lower-cased, as every email address is stored. */
  email: string;
  /** Null means the practice default. */
  locale: Locale | null;
}

export type ParsedClientForm =
  | { ok: true; values: ClientFormValues; input: ClientInput }
  | { ok: false; values: ClientFormValues; errors: ClientFormErrors };

export const EMPTY_CLIENT_FORM: ClientFormValues = {
  firstName: "",
  lastName: "",
  preferredName: "",
  email: "",
  language: "",
};

export function clientFormValues(client: {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  email: string;
  locale: string | null;
}): ClientFormValues {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    preferredName: client.preferredName ?? "",
    email: client.email,
    language: client.locale ?? "",
  };
}

function checkName(value: string, required: boolean): ClientFieldError | undefined {
  if (required && value === "") return "required";
  if (value.length > MAX_NAME_LENGTH) return "too_long";
  return undefined;
}

/** Reads and validates the client form; a missing form (wrong content type) reads as all fields empty. */
export function parseClientForm(form: FormData | null): ParsedClientForm {
  const read = (name: string) => (form ? formText(form, name) : "");
  const values: ClientFormValues = {
    firstName: read("first_name"),
    lastName: read("last_name"),
    preferredName: read("preferred_name"),
    email: read("email"),
    language: read("language"),
  };

  const firstName = values.firstName.trim();
  const lastName = values.lastName.trim();
  const preferredName = values.preferredName.trim();
  const email = normalizeEmail(values.email);
  let emailError: ClientFieldError | undefined;
  if (values.email.trim() === "") emailError = "required";
  else if (!email) emailError = "email_invalid";

  const errors: ClientFormErrors = {
    firstName: checkName(firstName, true),
    lastName: checkName(lastName, true),
    preferredName: checkName(preferredName, false),
    email: emailError,
    language: values.language === "" || isLocale(values.language) ? undefined : "language_invalid",
  };

  const failed = Object.fromEntries(Object.entries(errors).filter(([, error]) => error !== undefined));
  if (Object.keys(failed).length > 0 || !email) return { ok: false, values, errors: failed };

  return {
    ok: true,
    values,
    input: {
      firstName,
      lastName,
      preferredName: preferredName === "" ? null : preferredName,
      email,
      locale: isLocale(values.language) ? values.language : null,
    },
  };
}
