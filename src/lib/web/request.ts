/** Address of the visitor as Cloudflare's edge reports it; "unknown" outside Cloudflare. */
export function clientIpAddress(request: Request): string {
  // Cloudflare sets CF-Connecting-IP itself and overwrites any value a client sends; headers such
  // as X-Forwarded-For are not trusted.
  return request.headers.get("cf-connecting-ip") ?? "unknown";
}

/** Reads a form body, or returns null when the body is not a valid form submission. */
export async function readForm(request: Request): Promise<FormData | null> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/x-www-form-urlencoded") && !contentType.startsWith("multipart/form-data")) {
    return null;
  }
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** Returns a text field of a form, or "" when it is missing or a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
