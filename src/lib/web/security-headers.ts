/** Seconds browsers remember to use HTTPS only (two years, the HSTS preload minimum is one). */
const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * Adds `frame-ancestors 'none'` to the policy a response already has (Astro's policy with the
 * script and style hashes of the page, or a route's own sandbox), or sets it alone.
 */
function withFrameAncestors(policy: string | null): string {
  if (!policy) return "frame-ancestors 'none'";
  if (policy.includes("frame-ancestors")) return policy;
  return `${policy.replace(/;\s*$/, "")}; frame-ancestors 'none'`;
}

/** Adds the security headers every dynamic response carries. */
export function applySecurityHeaders(response: Response, options: { https: boolean; privatePage: boolean }): Response {
  const headers = response.headers;
  headers.set("Content-Security-Policy", withFrameAncestors(headers.get("Content-Security-Policy")));
  headers.set("X-Content-Type-Options", "nosniff");
  if (!headers.has("X-Frame-Options")) headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  if (options.https) headers.set("Strict-Transport-Security", `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`);
  if (options.privatePage && !headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
  return response;
}
