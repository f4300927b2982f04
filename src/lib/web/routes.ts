/** Paths, with everything below them, that a visitor may open without a client session. */
const PUBLIC_PATH_PREFIXES = ["/login", "/dev", "/practice", "/_astro"];
const PUBLIC_PATHS = new Set(["/brand.css", "/404", "/500"]);

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_PATHS.has(pathname)) return true;
  return PUBLIC_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Requests that report on the session without counting as activity (the idle-warning dialog). */
export function isPassiveSessionCheck(request: Request, pathname: string): boolean {
  return pathname === "/api/session" && request.method === "GET";
}

/** Builds the sign-in URL that brings the visitor back to `returnPath` afterwards. */
export function loginUrl(returnPath: string, reason?: "expired"): string {
  const params = new URLSearchParams();
  if (returnPath !== "/" && returnPath !== "/dashboard") params.set("next", returnPath);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}
