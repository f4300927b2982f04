import { defineMiddleware } from "astro:middleware";
import { env } from "cloudflare:workers";
import { validateSessionToken } from "./lib/auth/session";
import { clearSessionCookie, SESSION_COOKIE } from "./lib/auth/session-cookies";
import { findSubjectById } from "./lib/auth/subjects";
import { getDb } from "./lib/db/client";
import { errorResponse } from "./lib/http/errors";
import { isLocale } from "./lib/i18n/locales";
import { chooseLocale, LOCALE_COOKIE, LOCALE_QUERY_PARAMETER } from "./lib/i18n/negotiate";
import { translator } from "./lib/i18n/translate";
import { findPracticeByHost, tenancyConfigFromEnv } from "./lib/tenancy/practice";
import { unknownHostResponse } from "./lib/web/not-found";
import { isPassiveSessionCheck, isPublicPath, loginUrl } from "./lib/web/routes";
import { applySecurityHeaders } from "./lib/web/security-headers";

/** The language switch remembers a choice for a year. */
const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * Handles every request before its page: resolve the practice from the host, choose the language, load the
 * client session, send signed-out visitors of portal pages to /login, and add security headers.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { request, url, cookies, locals } = context;
  const db = getDb();
  const tenancy = tenancyConfigFromEnv(env);

  const practice = await findPracticeByHost(db, request.headers.get("host") ?? url.host, tenancy);
  if (!practice) return unknownHostResponse();

  locals.practice = practice;
  locals.now = new Date();

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

  locals.client = null;
  const sessionToken = cookies.get(SESSION_COOKIE.client)?.value;
  if (sessionToken) {
    const session = await validateSessionToken(db, sessionToken, practice, "client", locals.now, {
      touch: !isPassiveSessionCheck(request, url.pathname),
    });
    const subject = session ? await findSubjectById(db, practice.id, "client", session.subjectId) : null;
    if (session && subject) locals.client = { session, subject };
    else clearSessionCookie(cookies, "client");
  }

  locals.locale = chooseLocale({
    subjectLocale: locals.client?.subject.locale,
    cookieLocale: isLocale(requestedLocale) ? requestedLocale : cookies.get(LOCALE_COOKIE)?.value,
    practiceDefault: practice.defaultLocale,
  });
  locals.t = translator(locals.locale);

  const publicPath = isPublicPath(url.pathname);
  if (!publicPath && !locals.client) {
    if (url.pathname.startsWith("/api/")) {
      return applySecurityHeaders(errorResponse("unauthorized", locals.locale), {
        https: url.protocol === "https:",
        privatePage: true,
      });
    }
    return context.redirect(loginUrl(`${url.pathname}${url.search}`, sessionToken ? "expired" : undefined), 303);
  }

  const response = await next();
  return applySecurityHeaders(response, { https: url.protocol === "https:", privatePage: true });
});
