import { defineMiddleware } from "astro:middleware";
import { env } from "cloudflare:workers";
import { clearSessionCookie, SESSION_COOKIE } from "./lib/auth/session-cookies";
import { SIGN_IN_ROUTES } from "./lib/auth/sign-in-routes";
import { getDb } from "./lib/db/client";
import { errorResponse } from "./lib/http/errors";
import { isLocale } from "./lib/i18n/locales";
import { chooseLocale, LOCALE_COOKIE, LOCALE_QUERY_PARAMETER } from "./lib/i18n/negotiate";
import { translator } from "./lib/i18n/translate";
import { tenancyConfigFromEnv } from "./lib/tenancy/practice";
import { htmlErrorFromJson, sameOriginReferer, wantsHtml } from "./lib/web/html-errors";
import { unknownHostResponse } from "./lib/web/not-found";
import { loadRequestIdentity } from "./lib/web/request-identity";
import { isConsolePath, isPassiveSessionCheck, isPublicConsolePath, isPublicPath, loginUrl } from "./lib/web/routes";
import { applySecurityHeaders } from "./lib/web/security-headers";

/** The language switch remembers a choice for a year. */
const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Handles every request before its page: resolve the practice from the host and the client or
 * staff session (one D1 round trip), choose the language, send signed-out visitors to the matching
 * sign-in page, and add security headers.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { request, url, cookies, locals } = context;
  const db = getDb();
  const tenancy = tenancyConfigFromEnv(env);

  const consolePath = isConsolePath(url.pathname);
  const sessionCookie = consolePath ? SESSION_COOKIE.staff : SESSION_COOKIE.client;
  const sessionToken = cookies.get(sessionCookie)?.value;
  const now = new Date();
  const identity = await loadRequestIdentity(db, {
    hostHeader: request.headers.get("host") ?? url.host,
    tenancy,
    sessionToken,
    area: consolePath ? "console" : "portal",
    now,
    touch: !isPassiveSessionCheck(request, url.pathname),
  });
  const practice = identity.practice;
  if (!practice) return unknownHostResponse();

  locals.practice = practice;
  locals.now = now;
  locals.client = identity.client;
  locals.staff = identity.staff;
  if (sessionToken && !identity.client && !identity.staff)
    clearSessionCookie(cookies, consolePath ? "staff" : "client");

  const requestedLocale = url.searchParams.get(LOCALE_QUERY_PARAMETER);
  if (isLocale(requestedLocale)) {
    cookies.set(LOCALE_COOKIE, requestedLocale, {
      path: "/",
      sameSite: "lax",
      secure: true,
      httpOnly: true,
      maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    });
  }

  locals.locale = chooseLocale({
    subjectLocale: locals.staff?.member.locale ?? locals.client?.subject.locale,
    cookieLocale: isLocale(requestedLocale) ? requestedLocale : cookies.get(LOCALE_COOKIE)?.value,
    practiceDefault: practice.defaultLocale,
  });
  locals.t = translator(locals.locale);

  const signedIn = consolePath ? locals.staff !== null : locals.client !== null;
  const publicPath = consolePath ? isPublicConsolePath(url.pathname) : isPublicPath(url.pathname);
  if (!publicPath && !signedIn) {
    if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/practice/api/")) {
      return applySecurityHeaders(errorResponse("unauthorized", locals.locale), {
        https: url.protocol === "https:",
        privatePage: true,
      });
    }
    const loginBase = consolePath ? SIGN_IN_ROUTES.staff.base : SIGN_IN_ROUTES.client.base;
    const reason = sessionToken ? "expired" : undefined;
    return context.redirect(loginUrl(`${url.pathname}${url.search}`, reason, loginBase), 303);
  }

  let response = await next();
  // Console endpoints answer errors as JSON; a person who posted a form gets them as a page.
  const jsonError = response.status >= 400 && response.headers.get("content-type")?.startsWith("application/json");
  if (consolePath && jsonError && request.method === "POST" && wantsHtml(request)) {
    response = await htmlErrorFromJson(response, locals.locale, sameOriginReferer(request, url) ?? "/practice");
  }
  return applySecurityHeaders(response, { https: url.protocol === "https:", privatePage: true });
});
