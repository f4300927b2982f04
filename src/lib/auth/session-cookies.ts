import type { AstroCookies } from "astro";

import type { SubjectType } from "../../../db/schema";

/**
 * Cookie names carry the `__Host-` prefix: the browser only accepts them with `Secure`, `Path=/`
 * and no `Domain`, so one practice's cookie is never sent to another practice's host.
 */
export const SESSION_COOKIE: Record<SubjectType, string> = {
  client: "__Host-veranda_session",
  staff: "__Host-veranda_staff_session",
};

/** Holds the id of the browser's latest sign-in request, so its code only works in that browser. */
export const SIGN_IN_REQUEST_COOKIE: Record<SubjectType, string> = {
  client: "__Host-veranda_sign_in",
  staff: "__Host-veranda_staff_sign_in",
};

const HOST_COOKIE_ATTRIBUTES = { httpOnly: true, secure: true, sameSite: "lax", path: "/" } as const;

export function setSessionCookie(cookies: AstroCookies, subjectType: SubjectType, token: string, expiresAt: Date) {
  cookies.set(SESSION_COOKIE[subjectType], token, { ...HOST_COOKIE_ATTRIBUTES, expires: expiresAt });
}

export function clearSessionCookie(cookies: AstroCookies, subjectType: SubjectType) {
  cookies.delete(SESSION_COOKIE[subjectType], HOST_COOKIE_ATTRIBUTES);
}

export function setSignInRequestCookie(
  cookies: AstroCookies,
  subjectType: SubjectType,
  requestId: string,
  maxAgeSeconds: number,
) {
  cookies.set(SIGN_IN_REQUEST_COOKIE[subjectType], requestId, { ...HOST_COOKIE_ATTRIBUTES, maxAge: maxAgeSeconds });
}

export function clearSignInRequestCookie(cookies: AstroCookies, subjectType: SubjectType) {
  cookies.delete(SIGN_IN_REQUEST_COOKIE[subjectType], HOST_COOKIE_ATTRIBUTES);
}
