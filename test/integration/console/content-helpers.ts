import { env } from "cloudflare:workers";

import type { Permission } from "../../../src/lib/console/permissions";
import type { TestBrowser } from "../support/browser";
import { countRows } from "../support/database";
import { createClient, createPractice } from "../support/fixtures";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { dispatch } from "../support/worker";

/** Creates a practice with one client, and signs in a staff member holding exactly `permissions`. */
export async function staffScenario(
  permissions: readonly Permission[],
  clientOverrides: Parameters<typeof createClient>[1] = {},
) {
  const practice = await createPractice();
  const client = await createClient(practice.id, clientOverrides);
  const staff = await createStaffWithPermissions(practice.id, permissions);
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, client, staff, browser };
}

/**
 * Sends a request with the browser's cookies and its Origin, for bodies `TestBrowser` cannot
 * send: bytes, streams and multipart forms.
 */
export function send(
  browser: TestBrowser,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit | null; origin?: string | null } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Cookie", browser.cookieHeader());
  if (init.origin !== null) headers.set("Origin", init.origin ?? browser.origin);
  const request = new Request(`${browser.origin}${path}`, {
    method,
    headers,
    body: init.body ?? null,
    redirect: "manual",
    // A stream body needs `duplex` in the fetch standard; workerd accepts it too.
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return dispatch(request);
}

/** Uploads bytes the way the upload island does: the raw body, the name in `X-File-Name`. */
export function uploadRaw(
  browser: TestBrowser,
  clientId: string,
  fileName: string,
  bytes: Uint8Array<ArrayBuffer>,
  query = "",
): Promise<Response> {
  return send(browser, "POST", `/practice/api/clients/${clientId}/documents${query}`, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "X-File-Name": encodeURIComponent(fileName),
      Accept: "application/json",
    },
    body: bytes,
  });
}

/** Uploads a file through the plain multipart form that works without JavaScript. */
export function uploadForm(
  browser: TestBrowser,
  clientId: string,
  fileName: string,
  bytes: Uint8Array<ArrayBuffer>,
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set("file", new File([bytes], fileName, { type: "application/octet-stream" }));
  return send(browser, "POST", `/practice/clients/${clientId}/documents/upload`, { body: form });
}

/** Returns the keys of every object in the R2 bucket under `documents/`. */
export async function storedDocumentKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.FILES.list({ prefix: "documents/", cursor });
    keys.push(...page.objects.map((object) => object.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

export function documentCount(clientId: string): Promise<number> {
  return countRows("documents", "client_id = ?", clientId);
}

/** Returns the hex SHA-256 of `bytes`. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Returns the audit actions recorded for a target, oldest first. */
export async function auditActions(targetId: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT action FROM audit_events WHERE target_id = ? ORDER BY created_at, rowid",
  )
    .bind(targetId)
    .all<{ action: string }>();
  return results.map((row) => row.action);
}
