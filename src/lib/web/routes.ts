/** Paths, with everything below them, that a visitor may open without a client session. */
const PUBLIC_PATH_PREFIXES = ["/login", "/dev", "/practice", "/_astro"];
const PUBLIC_PATHS = new Set(["/brand.css", "/logo", "/404", "/500"]);

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_PATHS.has(pathname)) return true;
  return PUBLIC_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Returns whether the path belongs to the practice console, which has its own staff session. */
export function isConsolePath(pathname: string): boolean {
  return pathname === "/practice" || pathname.startsWith("/practice/");
}

/** Console paths a visitor may open without a staff session: the staff sign-in pages. */
export function isPublicConsolePath(pathname: string): boolean {
  return pathname === "/practice/login" || pathname.startsWith("/practice/login/");
}

/** Requests that report on the session without counting as activity (the idle-warning dialog). */
export function isPassiveSessionCheck(request: Request, pathname: string): boolean {
  return (pathname === "/api/session" || pathname === "/practice/api/session") && request.method === "GET";
}

/** Builds the sign-in URL that brings the visitor back to `returnPath` afterwards. */
export function loginUrl(returnPath: string, reason?: "expired", loginBase = "/login"): string {
  const params = new URLSearchParams();
  if (returnPath !== "/" && returnPath !== "/dashboard" && returnPath !== "/practice") params.set("next", returnPath);
  if (reason) params.set("reason", reason);
  const query = params.toString();
  return query ? `${loginBase}?${query}` : loginBase;
}
