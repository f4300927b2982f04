/** Seconds browsers remember to use HTTPS only (two years, the HSTS preload minimum is one). */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * Adds the security headers every dynamic response carries. Astro's CSP adds the script and style
 * hashes in a meta element; `frame-ancestors` only works as a header, so it is set here.
 */
export function applySecurityHeaders(response: Response, options: { https: boolean; privatePage: boolean }): Response {
  const headers = response.headers;
  headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (options.https) headers.set("Strict-Transport-Security", `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
  if (options.privatePage && !headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
  return response;
}
