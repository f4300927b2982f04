function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Returns `candidate` when it is a path on this origin (`/forms?x=1`), else null. Rejects absolute
 * URLs, protocol-relative `//host` and `/\host` forms, and control characters, so a `next`
 * parameter can never send a client to another site after signing in.
 */
export function safeReturnPath(candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 2048) return null;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return null;
  if (hasControlCharacter(candidate)) return null;

  const base = "https://return-to.invalid";
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;

  return `${url.pathname}${url.search}`;
}
