import { dispatch } from "./worker";

export interface CookieRecord {
  value: string;
  attributes: string[];
}

/** Splits a `Set-Cookie` header into name, value and its lower-cased attribute list. */
export function parseSetCookie(header: string): { name: string; value: string; attributes: string[] } {
  const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
  const separator = pair.indexOf("=");
  return {
    name: pair.slice(0, separator),
    value: pair.slice(separator + 1),
    attributes: attributes.map((attribute) => attribute.toLowerCase()),
  };
}

/**
 * A minimal browser for one origin: keeps cookies like a browser does (deleting expired ones),
 * sends the Origin header on POST like a browser's form submission, and never follows redirects,
 * so tests see each response.
 */
export class TestBrowser {
  readonly origin: string;
  readonly cookies = new Map<string, CookieRecord>();

  constructor(host: string) {
    this.origin = `http://${host}`;
  }

  cookieHeader(): string {
    return [...this.cookies.entries()].map(([name, cookie]) => `${name}=${cookie.value}`).join("; ");
  }

  async request(
    method: string,
    path: string,
    init: { form?: Record<string, string>; headers?: Record<string, string>; body?: string } = {},
  ) {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader();
    if (cookie) headers.set("Cookie", cookie);
    if (method !== "GET" && method !== "HEAD" && !headers.has("Origin")) headers.set("Origin", this.origin);

    let body: string | undefined = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }

    const response = await dispatch(
      new Request(`${this.origin}${path}`, { method, headers, body, redirect: "manual" }),
    );
    this.storeCookies(response);
    return response;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request("GET", path, { headers });
  }

  post(path: string, form: Record<string, string> = {}) {
    return this.request("POST", path, { form });
  }

  private storeCookies(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      const expired =
        cookie.attributes.some(
          (attribute) => attribute.startsWith("expires=") && Date.parse(attribute.slice(8)) < Date.now(),
        ) || cookie.attributes.includes("max-age=0");
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, { value: cookie.value, attributes: cookie.attributes });
    }
  }
}
