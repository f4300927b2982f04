import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import type { TestBrowser } from "../support/browser";
import { rows } from "../support/database";
import { createClient } from "../support/fixtures";
import { signInWithLink } from "../support/sign-in";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { dispatch } from "../support/worker";
import { auditEvents, createPracticeWithAdmin } from "./staff-fixtures";

const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (character) => character.charCodeAt(0),
);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const WEBP = new Uint8Array([
  ...new TextEncoder().encode("RIFF"),
  0x1a,
  0x00,
  0x00,
  0x00,
  ...new TextEncoder().encode("WEBPVP8L"),
  0x0d,
  0x00,
  0x00,
  0x00,
  0x2f,
  0x00,
  0x00,
  0x00,
  0x10,
  0x07,
  0x10,
  0x11,
  0x11,
  0x88,
  0x88,
  0xfe,
  0x07,
  0x00,
]);
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>',
);
const HTML = new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>");

/** Posts a multipart form the way a browser uploads a file, with the browser's cookies and Origin. */
async function upload(
  browser: TestBrowser,
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  type: string,
  intent = "upload",
) {
  const form = new FormData();
  form.set("intent", intent);
  form.set("logo", new File([bytes], fileName, { type }));
  return dispatch(
    new Request(`${browser.origin}/practice/settings/logo`, {
      method: "POST",
      headers: { Cookie: browser.cookieHeader(), Origin: browser.origin },
      body: form,
      redirect: "manual",
    }),
  );
}

async function logoKey(practiceId: string): Promise<string | null> {
  const [row] = await rows<{ logo_storage_key: string | null }>(
    "SELECT logo_storage_key FROM practices WHERE id = ?",
    practiceId,
  );
  return row?.logo_storage_key ?? null;
}

async function storedLogoCount(): Promise<number> {
  const listing = await env.FILES.list({ prefix: "logos/" });
  return listing.objects.length;
}

async function signedInAdmin() {
  const setup = await createPracticeWithAdmin();
  const browser = await signInStaff(setup.practice.host, setup.admin.email);
  return { ...setup, browser };
}

describe("practice logo", () => {
  it.each([
    ["PNG", PNG, "logo.png", "image/png"],
    ["JPEG", JPEG, "logo.jpg", "image/jpeg"],
    ["WebP", WEBP, "logo.webp", "image/webp"],
  ])("accepts a %s logo and serves it from R2", async (_kind, bytes, fileName, type) => {
    const { practice, admin, browser } = await signedInAdmin();

    const response = await upload(browser, bytes, fileName, "application/octet-stream");
    const key = await logoKey(practice.id);
    const stored = key ? await env.FILES.get(key) : null;

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/practice/settings?notice=logo_saved");
    expect(key).toMatch(/^logos\/[0-9a-f-]{36}$/);
    expect(stored?.httpMetadata?.contentType).toBe(type);
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
    const [event] = await auditEvents(practice.id, "practice.settings_updated");
    expect(event?.actor_id).toBe(admin.id);
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ fields: "logo" });
  });

  it("replaces the old logo and deletes its object", async () => {
    const { practice, browser } = await signedInAdmin();
    await upload(browser, PNG, "oud.png", "image/png");
    const oldKey = await logoKey(practice.id);

    await upload(browser, JPEG, "nieuw.jpg", "image/jpeg");
    const newKey = await logoKey(practice.id);

    expect(newKey).not.toBe(oldKey);
    expect(await env.FILES.head(oldKey ?? "")).toBeNull();
    expect(await env.FILES.head(newKey ?? "")).not.toBeNull();
  });

  it.each([
    ["an SVG", SVG, "logo.svg", "image/svg+xml"],
    ["an SVG renamed .png", SVG, "logo.png", "image/png"],
    ["an HTML page renamed .png", HTML, "logo.png", "image/png"],
  ])("rejects %s and stores nothing", async (_case, bytes, fileName, type) => {
    const { practice, browser } = await signedInAdmin();
    const objectsBefore = await storedLogoCount();

    const response = await upload(browser, bytes, fileName, type);
    const html = await response.text();

    expect(response.status).toBe(415);
    expect(html).toContain('id="field-logo-error"');
    expect(html).toContain("geen PNG-, JPEG- of WebP-afbeelding");
    expect(await logoKey(practice.id)).toBeNull();
    expect(await storedLogoCount()).toBe(objectsBefore);
    expect(await auditEvents(practice.id, "practice.settings_updated")).toEqual([]);
  });

  it("rejects a logo above 1 MB and stores nothing", async () => {
    const { practice, browser } = await signedInAdmin();
    const objectsBefore = await storedLogoCount();
    const large = new Uint8Array(1024 * 1024 + 1);
    large.set(PNG);

    const response = await upload(browser, large, "groot.png", "image/png");
    const html = await response.text();

    expect(response.status).toBe(413);
    expect(html).toContain("groter dan 1 MB");
    expect(await logoKey(practice.id)).toBeNull();
    expect(await storedLogoCount()).toBe(objectsBefore);
  });

  it("accepts a logo of exactly 1 MB", async () => {
    const { practice, browser } = await signedInAdmin();
    const largest = new Uint8Array(1024 * 1024);
    largest.set(PNG);

    const response = await upload(browser, largest, "precies.png", "image/png");

    expect(response.status).toBe(303);
    expect(await logoKey(practice.id)).not.toBeNull();
  });

  it("asks for a file when none was chosen", async () => {
    const { practice, browser } = await signedInAdmin();

    const response = await upload(browser, new Uint8Array(0), "", "application/octet-stream");

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies een afbeelding om te uploaden.");
    expect(await logoKey(practice.id)).toBeNull();
  });

  it("removes the logo and its object", async () => {
    const { practice, browser } = await signedInAdmin();
    await upload(browser, PNG, "logo.png", "image/png");
    const key = await logoKey(practice.id);

    const response = await upload(browser, new Uint8Array(0), "", "application/octet-stream", "remove");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/practice/settings?notice=logo_removed");
    expect(await logoKey(practice.id)).toBeNull();
    expect(await env.FILES.head(key ?? "")).toBeNull();
  });

  it("serves /logo with cache headers", async () => {
    const { practice, browser } = await signedInAdmin();
    await upload(browser, PNG, "logo.png", "image/png");
    const key = (await logoKey(practice.id)) ?? "";
    const version = key.slice(key.lastIndexOf("/") + 1);
    const client = await createClient(practice.id);
    const portal = await signInWithLink(practice.host, client.email);

    const versioned = await portal.get(`/logo?v=${version}`);
    const plain = await portal.get("/logo");
    const settingsPage = await (await browser.get("/practice/settings")).text();

    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("content-type")).toBe("image/png");
    expect(versioned.headers.get("x-content-type-options")).toBe("nosniff");
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await versioned.arrayBuffer())).toEqual(PNG);
    expect(plain.headers.get("cache-control")).toBe("public, max-age=300");
    expect(settingsPage).toContain(`src="/logo?v=${version}"`);
  });

  it("answers /logo with 304 for a cached copy", async () => {
    const { practice, browser } = await signedInAdmin();
    await upload(browser, PNG, "logo.png", "image/png");
    const client = await createClient(practice.id);
    const portal = await signInWithLink(practice.host, client.email);
    const first = await portal.get("/logo");
    const etag = first.headers.get("etag") ?? "";

    const second = await portal.get("/logo", { "If-None-Match": etag });

    expect(etag).not.toBe("");
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
  });

  it("answers /logo with 404 when the practice has no logo", async () => {
    const { practice } = await createPracticeWithAdmin();
    const client = await createClient(practice.id);
    const portal = await signInWithLink(practice.host, client.email);

    const response = await portal.get("/logo");

    expect(response.status).toBe(404);
  });

  it("forbids uploads without practice.settings.update", async () => {
    const { practice } = await createPracticeWithAdmin();
    const staff = await createStaffWithPermissions(practice.id, ["staff.manage"]);
    const browser = await signInStaff(practice.host, staff.email);
    const objectsBefore = await storedLogoCount();

    const response = await upload(browser, PNG, "logo.png", "image/png");

    expect(response.status).toBe(403);
    expect(await logoKey(practice.id)).toBeNull();
    expect(await storedLogoCount()).toBe(objectsBefore);
  });

  it("rejects an upload from another origin", async () => {
    const { practice, browser } = await signedInAdmin();
    const form = new FormData();
    form.set("logo", new File([PNG], "logo.png", { type: "image/png" }));

    const response = await dispatch(
      new Request(`${browser.origin}/practice/settings/logo`, {
        method: "POST",
        headers: { Cookie: browser.cookieHeader(), Origin: "https://evil.example" },
        body: form,
        redirect: "manual",
      }),
    );

    expect(response.status).toBe(403);
    expect(await logoKey(practice.id)).toBeNull();
  });
});
