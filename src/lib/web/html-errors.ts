import { safeReturnPath } from "../auth/return-to";
import type { ErrorCode } from "../http/errors";
import type { Locale } from "../i18n/locales";
import { translate } from "../i18n/translate";
import { escapeHtml } from "../mail/templates/escape";

/** Returns whether the request came from a browser page (a form post or link) rather than a script. */
export function wantsHtml(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return accept.includes("text/html");
}

/** Returns the path of the page that sent the request when it is on this origin, else null. */
export function sameOriginReferer(request: Request, url: URL): string | null {
  const referer = request.headers.get("referer");
  if (!referer) return null;
  try {
    const parsed = new URL(referer);
    return parsed.origin === url.origin ? safeReturnPath(`${parsed.pathname}${parsed.search}`) : null;
  } catch {
    return null;
  }
}

/**
 * Turns a JSON error of an endpoint into a small page with the same status, for browsers that
 * posted a form. The page states the error in words and links back, instead of showing raw JSON.
 */
export async function htmlErrorFromJson(response: Response, locale: Locale, backHref: string): Promise<Response> {
  let code: ErrorCode | null = null;
  try {
    const body = (await response.clone().json()) as { error?: { code?: ErrorCode } };
    code = body.error?.code ?? null;
  } catch {
    return response;
  }
  if (!code) return response;

  const title = translate(locale, "error.title");
  const message = translate(locale, `errors.${code}`);
  const back = translate(locale, "error.back");
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/brand.css"></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(backHref)}">${escapeHtml(back)}</a></p></main></body>
</html>`;
  return new Response(html, { status: response.status, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
