import { env } from "cloudflare:workers";
import type { APIContext, AstroCookies } from "astro";

import type { SubjectType } from "../../../db/schema";
import { getDb } from "../db/client";
import { LOCALE_COOKIE } from "../i18n/negotiate";
import { mailTransportFromEnv } from "../mail/deliver";
import { tenancyConfigFromEnv } from "../tenancy/practice";
import { MS_PER_MINUTE } from "../time/clock";
import { clientIpAddress } from "../web/request";
import { safeReturnPath } from "./return-to";
import {
  clearSignInRequestCookie,
  SIGN_IN_REQUEST_COOKIE,
  setSessionCookie,
  setSignInRequestCookie,
} from "./session-cookies";
import type { Redemption } from "./sign-in-redeem";
import { processSignInRequest } from "./sign-in-request";
import { signInTtlMinutes } from "./timeouts";
import { generateToken, hashSecret } from "./tokens";

/** Shows the typed address on the "check your email" page; it never decides anything. */
export const SIGN_IN_EMAIL_COOKIE: Record<SubjectType, string> = {
  client: "__Host-veranda_sign_in_email",
  staff: "__Host-veranda_staff_sign_in_email",
};

/**
 * Starts a sign-in for `email` and returns at once. The browser gets a fresh request cookie for
 * every address, known or not. The lookup, throttling and email run after the response
 * (`waitUntil`), so the response and its timing are the same for every address.
 */
export function beginSignIn(
  context: Pick<APIContext, "request" | "cookies" | "locals">,
  input: { subjectType: SubjectType; email: string; returnTo: string | null },
): void {
  const { practice, now } = context.locals;
  const requestToken = generateToken();
  const ttlSeconds = (signInTtlMinutes(practice) * MS_PER_MINUTE) / 1000;

  setSignInRequestCookie(context.cookies, input.subjectType, requestToken, ttlSeconds);
  context.cookies.set(SIGN_IN_EMAIL_COOKIE[input.subjectType], input.email, {
    httpOnly: true,
    secure: true,
    sameSite: "lax",
    path: "/",
    maxAge: ttlSeconds,
  });

  const work = processSignInRequest(
    { db: getDb(), kv: env.KV, transport: mailTransportFromEnv(env), tenancy: tenancyConfigFromEnv(env) },
    {
      practice,
      subjectType: input.subjectType,
      email: input.email,
      requestId: hashSecret(requestToken),
      ipAddress: clientIpAddress(context.request),
      returnTo: input.returnTo,
      pageLocale: context.cookies.get(LOCALE_COOKIE)?.value,
      now,
    },
  ).catch((error: unknown) => {
    console.error(`[auth] sign-in request failed practice=${practice.id}`, error);
  });
  context.locals.cfContext.waitUntil(work);
}

/** Returns the token of this browser's latest sign-in request, if it has one. */
export function signInRequestToken(cookies: AstroCookies, subjectType: SubjectType): string | undefined {
  return cookies.get(SIGN_IN_REQUEST_COOKIE[subjectType])?.value;
}

export function signInEmail(cookies: AstroCookies, subjectType: SubjectType): string | undefined {
  return cookies.get(SIGN_IN_EMAIL_COOKIE[subjectType])?.value;
}

/** Sets the new session's cookie, clears the pending request's cookies and returns where to go next. */
export function finishSignIn(
  cookies: AstroCookies,
  subjectType: SubjectType,
  redemption: Extract<Redemption, { ok: true }>,
  fallbackPath: string,
): string {
  setSessionCookie(cookies, subjectType, redemption.sessionToken, redemption.sessionExpiresAt);
  clearSignInRequestCookie(cookies, subjectType);
  cookies.delete(SIGN_IN_EMAIL_COOKIE[subjectType], { path: "/", secure: true, httpOnly: true, sameSite: "lax" });
  return safeReturnPath(redemption.returnTo) ?? fallbackPath;
}
