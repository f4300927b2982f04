import { describe, expect, it } from "vitest";

import { TestBrowser } from "./support/browser";
import { countRows, execute, rows } from "./support/database";
import { createClient, createPractice } from "./support/fixtures";
import { requestSignIn } from "./support/sign-in";

const SESSION_COOKIE = "__Host-veranda_session";

describe("sign-in link", () => {
  it("shows a confirm page on GET and signs in only on POST", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    const browser = new TestBrowser(practice.host);

    const confirm = await browser.get(mail.linkPath);
    const html = await confirm.text();

    expect(confirm.status).toBe(200);
    expect(html).toContain(`Inloggen bij ${practice.name}`);
    expect(html).toContain('method="post"');
    expect(confirm.headers.getSetCookie().join()).not.toContain(SESSION_COOKIE);
    expect(await countRows("sessions", "practice_id = ?", practice.id)).toBe(0);

    const signedIn = await browser.post(mail.linkPath);

    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/dashboard");
    expect(await countRows("sessions", "practice_id = ? AND subject_id = ?", practice.id, client.id)).toBe(1);
    const dashboard = await browser.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(client.firstName);
  });

  it("survives a mail scanner's HEAD and cookieless GET", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    const scanner = new TestBrowser(practice.host);

    const head = await scanner.request("HEAD", mail.linkPath);
    const get = await scanner.get(mail.linkPath);

    expect(head.headers.getSetCookie().join()).not.toContain(SESSION_COOKIE);
    expect(get.headers.getSetCookie().join()).not.toContain(SESSION_COOKIE);
    expect(await countRows("sessions", "practice_id = ?", practice.id)).toBe(0);
    expect(await countRows("sign_in_requests", "practice_id = ? AND consumed_at IS NULL", practice.id)).toBe(1);

    const person = new TestBrowser(practice.host);
    expect((await person.post(mail.linkPath)).status).toBe(303);
    expect(person.cookies.has(SESSION_COOKIE)).toBe(true);
  });

  it("works once and then explains it was used", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    await new TestBrowser(practice.host).post(mail.linkPath);

    const again = new TestBrowser(practice.host);
    const reused = await again.post(mail.linkPath);
    const html = await reused.text();

    expect(reused.status).toBe(410);
    expect(html).toContain("De link is al gebruikt");
    expect(html).toContain(`value="${client.email}"`);
    expect(again.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await countRows("sessions", "practice_id = ?", practice.id)).toBe(1);
    const failures = await rows<{ detail: string }>(
      "SELECT detail FROM audit_events WHERE practice_id = ? AND action = 'auth.sign_in.failed'",
      practice.id,
    );
    expect(failures.map((event) => JSON.parse(event.detail))).toEqual([{ reason: "used", channel: "link" }]);
  });

  it("explains an expired link and offers a new one", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    await execute("UPDATE sign_in_requests SET expires_at = ? WHERE subject_id = ?", Date.now() - 1, client.id);
    const browser = new TestBrowser(practice.host);

    const page = await browser.get(mail.linkPath);
    const html = await page.text();
    const post = await browser.post(mail.linkPath);

    expect(page.status).toBe(410);
    expect(html).toContain("De link is verlopen");
    expect(html).toContain('action="/login"');
    expect(html).toContain(`value="${client.email}"`);
    expect(post.status).toBe(410);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await countRows("sessions", "practice_id = ?", practice.id)).toBe(0);
  });

  it("is worthless on another practice's host", async () => {
    const practiceA = await createPractice();
    const practiceB = await createPractice();
    const client = await createClient(practiceA.id);
    const mail = await requestSignIn(new TestBrowser(practiceA.host), client.email);
    const browser = new TestBrowser(practiceB.host);

    const page = await browser.get(mail.linkPath);
    const post = await browser.post(mail.linkPath);

    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain(client.email);
    expect(post.status).toBe(404);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await countRows("sessions", "1 = 1 AND subject_id = ?", client.id)).toBe(0);
    expect(await countRows("sign_in_requests", "subject_id = ? AND consumed_at IS NULL", client.id)).toBe(1);
  });

  it("rejects an unknown token with the new-link form", async () => {
    const practice = await createPractice();

    const page = await new TestBrowser(practice.host).get("/login/link/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

    expect(page.status).toBe(404);
    expect(await page.text()).toContain("De link is niet geldig");
  });

  it("gives exactly one session when redemptions race", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    const browsers = Array.from({ length: 8 }, () => new TestBrowser(practice.host));

    const responses = await Promise.all(browsers.map((browser) => browser.post(mail.linkPath)));

    expect(responses.filter((response) => response.status === 303)).toHaveLength(1);
    expect(browsers.filter((browser) => browser.cookies.has(SESSION_COOKIE))).toHaveLength(1);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(1);
    expect(await countRows("audit_events", "action = 'auth.sign_in.succeeded' AND actor_id = ?", client.id)).toBe(1);
  });

  it("revokes the client's other outstanding links after signing in", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const older = await requestSignIn(new TestBrowser(practice.host), client.email);
    const newer = await requestSignIn(new TestBrowser(practice.host), client.email);

    expect((await new TestBrowser(practice.host).post(older.linkPath)).status).toBe(303);
    const stale = await new TestBrowser(practice.host).post(newer.linkPath);

    expect(stale.status).toBe(410);
    expect(await countRows("sign_in_requests", "subject_id = ? AND revoked_at IS NOT NULL", client.id)).toBe(1);
  });

  it("keeps an older link valid until one is used", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const older = await requestSignIn(new TestBrowser(practice.host), client.email);
    await requestSignIn(new TestBrowser(practice.host), client.email);

    expect((await new TestBrowser(practice.host).post(older.linkPath)).status).toBe(303);
  });

  it("fails once portal access is revoked", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    await execute("UPDATE clients SET portal_access = 0 WHERE id = ?", client.id);

    const response = await new TestBrowser(practice.host).post(mail.linkPath);

    expect(response.status).not.toBe(303);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(0);
  });

  it("returns to the page the client first asked for", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);

    const redirect = await browser.get("/dashboard?tab=documenten");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("/login?next=%2Fdashboard%3Ftab%3Ddocumenten");
    const loginPage = await (await browser.get(redirect.headers.get("location") ?? "")).text();
    expect(loginPage).toContain('name="next" value="/dashboard?tab=documenten"');

    const mail = await requestSignIn(browser, client.email, "/dashboard?tab=documenten");
    const signedIn = await browser.post(mail.linkPath);

    expect(signedIn.headers.get("location")).toBe("/dashboard?tab=documenten");
  });

  it("never returns to another origin", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);

    const mail = await requestSignIn(browser, client.email, "//evil.example/phish");
    const signedIn = await browser.post(mail.linkPath);

    expect(signedIn.headers.get("location")).toBe("/dashboard");
  });
});

describe("sign-in code", () => {
  it("signs in the browser that asked", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    const mail = await requestSignIn(browser, client.email);

    const response = await browser.post("/login/code", { code: ` ${mail.code.slice(0, 3)} ${mail.code.slice(3)} ` });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/dashboard");
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(browser.cookies.has("__Host-veranda_sign_in")).toBe(false);
    const [event] = await rows<{ detail: string }>(
      "SELECT detail FROM audit_events WHERE action = 'auth.sign_in.succeeded' AND actor_id = ?",
      client.id,
    );
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ channel: "code" });
  });

  it("does not work in a browser that did not ask", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);
    const other = new TestBrowser(practice.host);
    const neverAsked = new TestBrowser(practice.host);
    await other.post("/login", { email: "niemand@example.nl" });

    const response = await other.post("/login/code", { code: mail.code });
    const withoutRequest = await neverAsked.post("/login/code", { code: mail.code });

    expect(response.headers.get("location")).toBe("/login/check?error=attempts_exhausted");
    expect(withoutRequest.headers.get("location")).toBe("/login/check?error=no_request");
    expect(other.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(neverAsked.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("accepts at most five attempts", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    const mail = await requestSignIn(browser, client.email);
    const wrongCode = mail.code === "000000" ? "111111" : "000000";

    const locations = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      locations.push((await browser.post("/login/code", { code: wrongCode })).headers.get("location"));
    }
    const correct = await browser.post("/login/code", { code: mail.code });

    expect(locations).toEqual(Array(5).fill("/login/check?error=wrong_code"));
    expect(correct.headers.get("location")).toBe("/login/check?error=attempts_exhausted");
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await countRows("sign_in_requests", "subject_id = ? AND code_attempts = 5", client.id)).toBe(1);
    const page = await (await browser.get("/login/check?error=wrong_code")).text();
    expect(page).toContain("Die code klopt niet");
  });

  it("rejects a code that is not six digits without counting it", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    await requestSignIn(browser, client.email);

    const response = await browser.post("/login/code", { code: "12a45" });

    expect(response.headers.get("location")).toBe("/login/check?error=format");
    expect(await countRows("sign_in_requests", "subject_id = ? AND code_attempts = 0", client.id)).toBe(1);
  });

  it("consumes the link as well", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    const mail = await requestSignIn(browser, client.email);
    await browser.post("/login/code", { code: mail.code });

    const link = await new TestBrowser(practice.host).post(mail.linkPath);

    expect(link.status).toBe(410);
    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(1);
  });

  it("gives one session when the code and the link race", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    const mail = await requestSignIn(browser, client.email);
    const linkBrowser = new TestBrowser(practice.host);

    await Promise.all([browser.post("/login/code", { code: mail.code }), linkBrowser.post(mail.linkPath)]);

    expect(await countRows("sessions", "subject_id = ?", client.id)).toBe(1);
    expect([browser, linkBrowser].filter((candidate) => candidate.cookies.has(SESSION_COOKIE))).toHaveLength(1);
  });
});
