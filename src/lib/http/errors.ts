import type { Locale } from "../i18n/locales";
import type { MessageKey } from "../i18n/translate";
import { translate } from "../i18n/translate";

/** The closed set of error codes the server returns; the UI maps each to localized text. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_answers: 422,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A domain error with a stable code. Its `message` is for logs only and never reaches a user. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, logMessage?: string) {
    super(logMessage ?? code);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Builds the JSON error body `{ error: { code, message } }` with the message in `locale`. */
export function errorResponse(code: ErrorCode, locale: Locale, headers?: HeadersInit): Response {
  const messageKey: MessageKey = `errors.${code}`;
  const body = { error: { code, message: translate(locale, messageKey) } };

  return Response.json(body, { status: ERROR_STATUS[code], headers });
}

/** Turns any thrown value into an error response; unknown errors are logged and become `internal`. */
export function responseForError(error: unknown, locale: Locale, logPrefix: string): Response {
  if (error instanceof AppError) return errorResponse(error.code, locale);

  console.error(`${logPrefix} unhandled error`, error);
  return errorResponse("internal", locale);
}
