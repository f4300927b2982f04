import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import { sessionIdFromToken, validateSessionToken } from "../../src/lib/auth/session";
import { getDb } from "../../src/lib/db/client";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../../src/lib/time/clock";
import { parseSetCookie, TestBrowser } from "./support/browser";
import { countRows, execute, rows } from "./support/database";
import { createClient, createPractice } from "./support/fixtures";
import { requestSignIn, signInWithLink } from "./support/sign-in";

const SESSION_COOKIE = "__Host-veranda_session";

function sessionToken(browser: TestBrowser): string {
  const token = browser.cookies.get(SESSION_COOKIE)?.value;
  if (!token) throw new Error("the browser holds no session cookie");
  return token;
}

async function sessionRow(token: string) {
  const [row] = await rows<{ idle_expires_at: number; expires_at: number; created_at: number }>(
    "SELECT * FROM sessions WHERE id = ?",
    sessionIdFromToken(token),
  );
  return row;
}

describe("session cookie", () => {
  it("is host-only, secure, HttpOnly and SameSite=Lax", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    const mail = await requestSignIn(browser, client.email);

    const response = await browser.post(mail.linkPath);
    const header = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`)) ?? "";
    const cookie = parseSetCookie(header);

    expect(cookie.value).toMatch(/^[a-z2-7]{32}$/);
    expect(cookie.attributes).toContain("httponly");
    expect(cookie.attributes).toContain("secure");
    expect(cookie.attributes).toContain("samesite=lax");
    expect(cookie.attributes).toContain("path=/");
    expect(cookie.attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
  });

  it("stores only the token's hash", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    const token = sessionToken(browser);

    expect(await countRows("sessions", "id = ?", token)).toBe(0);
    expect(await countRows("sessions", "id = ?", sessionIdFromToken(token))).toBe(1);
  });

  it("gets a new id at every sign-in and ignores a planted one", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    browser.cookies.set(SESSION_COOKIE, { value: "plantedbyanattacker", attributes: [] });

    const first = await requestSignIn(browser, client.email);
    await browser.post(first.linkPath);
    const firstToken = sessionToken(browser);
    const secondBrowser = new TestBrowser(practice.host);
    const second = await requestSignIn(secondBrowser, client.email);
    await secondBrowser.post(second.linkPath);
    const secondToken = sessionToken(secondBrowser);

    expect(firstToken).not.toBe("plantedbyanattacker");
    expect(secondToken).not.toBe(firstToken);
    expect(await countRows("sessions", "id = ?", sessionIdFromToken("plantedbyanattacker"))).toBe(0);
  });

  it("is worthless on another practice's host", async () => {
    const practiceA = await createPractice();
    const practiceB = await createPractice();
    const client = await createClient(practiceA.id);
    const browserA = await signInWithLink(practiceA.host, client.email);
    const browserB = new TestBrowser(practiceB.host);
    browserB.cookies.set(SESSION_COOKIE, { value: sessionToken(browserA), attributes: [] });

    const response = await browserB.get("/dashboard");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/login/);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(1);
  });
});

describe("session expiry", () => {
  it("ends after 30 idle minutes by the practice clock", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    const token = sessionToken(browser);
    const createdAt = new Date((await sessionRow(token))?.created_at ?? 0);
    const db = getDb(env.DB);
    const at = (minutes: number) => new Date(createdAt.getTime() + minutes * MS_PER_MINUTE);

    expect(await validateSessionToken(db, token, practice, "client", at(29.9), { touch: false })).not.toBeNull();
    expect(await validateSessionToken(db, token, practice, "client", at(30), { touch: false })).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  it("moves the idle timeout with activity but not past 12 hours", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    const token = sessionToken(browser);
    const createdAt = (await sessionRow(token))?.created_at ?? 0;
    const db = getDb(env.DB);

    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      const now = new Date(createdAt + minutes * MS_PER_MINUTE);
      expect(
        await validateSessionToken(db, token, practice, "client", now, { touch: true }),
        `${minutes} min`,
      ).not.toBeNull();
    }
    const row = await sessionRow(token);
    expect(row?.idle_expires_at).toBe(createdAt + 12 * MS_PER_HOUR);
    expect(
      await validateSessionToken(db, token, practice, "client", new Date(createdAt + 12 * MS_PER_HOUR), {
        touch: true,
      }),
    ).toBeNull();
  });

  it("follows the practice's own timeouts", async () => {
    const practice = await createPractice({ clientIdleTimeoutMinutes: 10, clientAbsoluteTimeoutHours: 2 });
    const client = await createClient(practice.id);
    const token = sessionToken(await signInWithLink(practice.host, client.email));
    const row = await sessionRow(token);

    expect((row?.idle_expires_at ?? 0) - (row?.created_at ?? 0)).toBe(10 * MS_PER_MINUTE);
    expect((row?.expires_at ?? 0) - (row?.created_at ?? 0)).toBe(2 * MS_PER_HOUR);
  });

  it("sends an expired visitor to sign in again and back", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    await execute("UPDATE sessions SET idle_expires_at = ? WHERE subject_id = ?", Date.now() - 1, client.id);

    const response = await browser.get("/dashboard?x=1");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/login?next=%2Fdashboard%3Fx%3D1&reason=expired");
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(0);
    expect(await (await browser.get("/login?reason=expired")).text()).toContain("Je sessie is verlopen");
  });

  it("is worthless once the client loses portal access", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    await execute("UPDATE clients SET portal_access = 0 WHERE id = ?", client.id);

    const response = await browser.get("/dashboard");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/login/);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("reports the remaining time without extending it", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    const shortened = Date.now() + 5 * MS_PER_MINUTE;
    await execute("UPDATE sessions SET idle_expires_at = ? WHERE subject_id = ?", shortened, client.id);

    const status = await browser.get("/api/session");
    const body = (await status.json()) as { idleExpiresInSeconds: number; expiresInSeconds: number };

    expect(status.status).toBe(200);
    expect(body.idleExpiresInSeconds).toBeGreaterThan(4 * 60);
    expect(body.idleExpiresInSeconds).toBeLessThanOrEqual(5 * 60);
    expect((await sessionRow(sessionToken(browser)))?.idle_expires_at).toBe(shortened);
  });

  it("extends the idle timeout on 'stay signed in'", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    await execute(
      "UPDATE sessions SET idle_expires_at = ? WHERE subject_id = ?",
      Date.now() + MS_PER_MINUTE,
      client.id,
    );

    const response = await browser.post("/api/session/extend");
    const body = (await response.json()) as { idleExpiresInSeconds: number };

    expect(response.status).toBe(200);
    expect(body.idleExpiresInSeconds).toBeGreaterThan(29 * 60);
    expect((await sessionRow(sessionToken(browser)))?.idle_expires_at).toBeGreaterThan(Date.now() + 29 * MS_PER_MINUTE);
  });

  it("answers the session API with 401 when signed out", async () => {
    const practice = await createPractice();

    const response = await new TestBrowser(practice.host).get("/api/session");

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Log in om verder te gaan." } });
  });
});

describe("sign out", () => {
  it("ends this session and records it", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);
    const other = await signInWithLink(practice.host, client.email);

    const response = await browser.post("/logout");

    expect(response.headers.get("location")).toBe("/login?signed_out=1");
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await browser.get("/dashboard")).status).toBe(303);
    expect((await other.get("/dashboard")).status).toBe(200);
    expect(await countRows("audit_events", "action = 'auth.sign_out' AND actor_id = ?", client.id)).toBe(1);
  });

  it("ends every session on all devices", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const otherClient = await createClient(practice.id);
    const laptop = await signInWithLink(practice.host, client.email);
    const phone = await signInWithLink(practice.host, client.email);
    const someoneElse = await signInWithLink(practice.host, otherClient.email);

    await phone.post("/logout/all");

    expect((await laptop.get("/dashboard")).status).toBe(303);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(0);
    expect((await someoneElse.get("/dashboard")).status).toBe(200);
    expect(await countRows("audit_events", "action = 'auth.sign_out.all_devices' AND actor_id = ?", client.id)).toBe(1);
  });

  it("rejects a sign-out posted from another origin", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = await signInWithLink(practice.host, client.email);

    const response = await browser.request("POST", "/logout", {
      form: {},
      headers: { Origin: "https://evil.example" },
    });

    expect(response.status).toBe(403);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(1);
  });
});
