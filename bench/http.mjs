// One HTTP request to a practice host on the bench server. Node's `fetch` replaces a `Host`
// header with the address it connects to and does not resolve `*.localhost`, so requests go to
// 127.0.0.1 with the practice host in `Host`, as a browser would send it.
import { request } from "node:http";

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends one request to `url` (such as `http://demo.localhost:8787/login`) and returns status,
 * headers, every `Set-Cookie` and the body as a Buffer. Redirects are not followed.
 */
export function portalRequest(url, { method = "GET", headers = {}, body } = {}) {
  const target = new URL(url);

  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: Number(target.port || 80),
        path: `${target.pathname}${target.search}`,
        method,
        headers: { ...headers, Host: target.host },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            setCookies: response.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${method} ${url} timed out`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Returns the value of cookie `name` from a response's `Set-Cookie` headers, or null. */
export function cookieValue(setCookies, name) {
  for (const header of setCookies) {
    const [pair] = header.split(";");
    const separator = pair.indexOf("=");
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}
