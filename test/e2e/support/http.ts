import { request } from "node:http";

export interface PortalResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Every `Set-Cookie` header of the response, unparsed. */
  setCookies: string[];
  body: string;
}

export interface PortalRequestInit {
  method?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Sends one HTTP request to a portal URL such as `http://demo.localhost:8787/login`, connecting to
 * 127.0.0.1 and sending the URL's host as the `Host` header. Node's `fetch` replaces a `Host`
 * header with the address it connects to, and Node does not resolve `*.localhost`, so it cannot
 * reach a practice host. No cookies are sent unless given, and redirects are not followed.
 */
export function portalRequest(url: string, init: PortalRequestInit = {}): Promise<PortalResponse> {
  const target = new URL(url);

  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port: Number(target.port || 80),
        path: `${target.pathname}${target.search}`,
        method: init.method ?? "GET",
        headers: { ...init.headers, Host: target.host },
        timeout: init.timeoutMs ?? 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            setCookies: response.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${init.method ?? "GET"} ${url} timed out`)));
    outgoing.on("error", reject);
    outgoing.end();
  });
}
