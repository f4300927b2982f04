import { describe, expect, it } from "vitest";

import { sessionIdFromToken } from "../../src/lib/auth/session";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../../src/lib/time/clock";
import { TestBrowser } from "./support/browser";
import { countRows, execute, rows } from "./support/database";
import { createClient, createPractice, createStaffMember } from "./support/fixtures";
import { mailTo } from "./support/mail";

const STAFF_COOKIE = "__Host-veranda_staff_session";
const CLIENT_COOKIE = "__Host-veranda_session";

/** Requests a staff sign-in mail and returns the path of its link. */
async function requestStaffLink(browser: TestBrowser, email: string): Promise<string> {
  const response = await browser.post("/practice/login", { email });
  expect(response.headers.get("location")).toBe("/practice/login/check");

  const [message] = await mailTo(email);
  const match = /\/practice\/login\/link\/[a-z2-7]+/.exec(message?.text ?? "");
  if (!match) throw new Error(`no staff sign-in link was mailed to ${email}`);
  return match[0];
}

async function grantAdmin(practiceId: string, staffId: string) {
  await execute(
    "INSERT INTO roles (id, practice_id, name, system_key, created_at) VALUES (?, ?, 'Beheerder', 'admin', ?)",
    `role_${staffId}`,
    practiceId,
    Date.now(),
  );
  await execute(
    "INSERT INTO role_permissions (role_id, practice_id, permission) VALUES (?, ?, 'clients.read')",
    `role_${staffId}`,
    practiceId,
  );
  await execute(
    "INSERT INTO staff_roles (staff_id, role_id, practice_id) VALUES (?, ?, ?)",
    staffId,
    `role_${staffId}`,
    practiceId,
  );
}

describe("staff sign-in", () => {
  it("signs staff in with their own cookie and timeouts", async () => {
    const practice = await createPractice({ staffIdleTimeoutMinutes: 60, staffAbsoluteTimeoutHours: 12 });
    const staff = await createStaffMember(practice.id);
    await grantAdmin(practice.id, staff.id);
    const browser = new TestBrowser(practice.host);

    const linkPath = await requestStaffLink(browser, staff.email);
    const confirm = await browser.get(linkPath);
    const signedIn = await browser.post(linkPath);

    expect(confirm.status).toBe(200);
    expect(signedIn.headers.get("location")).toBe("/practice");
    expect(browser.cookies.has(STAFF_COOKIE)).toBe(true);
    expect(browser.cookies.has(CLIENT_COOKIE)).toBe(false);
    const [session] = await rows<{
      subject_type: string;
      idle_expires_at: number;
      expires_at: number;
      created_at: number;
    }>("SELECT * FROM sessions WHERE id = ?", sessionIdFromToken(browser.cookies.get(STAFF_COOKIE)?.value ?? ""));
    expect(session?.subject_type).toBe("staff");
    expect((session?.idle_expires_at ?? 0) - (session?.created_at ?? 0)).toBe(60 * MS_PER_MINUTE);
    expect((session?.expires_at ?? 0) - (session?.created_at ?? 0)).toBe(12 * MS_PER_HOUR);
  });

  it("keeps a client's session out of the console and a staff session out of the portal", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id, { email: "dubbel@example.nl" });
    const staff = await createStaffMember(practice.id, { email: "dubbel@example.nl" });
    await grantAdmin(practice.id, staff.id);
    const clientBrowser = new TestBrowser(practice.host);
    await clientBrowser.post("/login", { email: client.email });
    const clientMail = (await mailTo(client.email)).find((message) => message.text.includes("/login/link/"));
    const clientLink = /\/login\/link\/[a-z2-7]+/.exec(clientMail?.text ?? "")?.[0] ?? "";
    await clientBrowser.post(clientLink);

    const console = await clientBrowser.get("/practice/clients");
    const staffBrowser = new TestBrowser(practice.host);
    await staffBrowser.post(await requestStaffLink(staffBrowser, staff.email));
    const portal = await staffBrowser.get("/dashboard");

    expect(console.status).toBe(303);
    expect(console.headers.get("location")).toBe("/practice/login?next=%2Fpractice%2Fclients");
    expect(portal.status).toBe(303);
    expect(portal.headers.get("location")).toMatch(/^\/login/);
  });

  it("sends no mail to inactive staff", async () => {
    const practice = await createPractice();
    const inactive = await createStaffMember(practice.id, { active: false });

    await new TestBrowser(practice.host).post("/practice/login", { email: inactive.email });

    expect(await mailTo(inactive.email)).toHaveLength(0);
    expect(await countRows("sign_in_requests", "practice_id = ?", practice.id)).toBe(0);
  });

  it("refuses a client's link on the staff sign-in page", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    await new TestBrowser(practice.host).post("/login", { email: client.email });
    const [message] = await mailTo(client.email);
    const token = /\/login\/link\/([a-z2-7]+)/.exec(message?.text ?? "")?.[1] ?? "";
    const browser = new TestBrowser(practice.host);

    const response = await browser.post(`/practice/login/link/${token}`);

    expect(response.status).toBe(404);
    expect(browser.cookies.has(STAFF_COOKIE)).toBe(false);
    expect(await countRows("sign_in_requests", "subject_id = ? AND consumed_at IS NULL", client.id)).toBe(1);
  });

  it("signs staff out", async () => {
    const practice = await createPractice();
    const staff = await createStaffMember(practice.id);
    await grantAdmin(practice.id, staff.id);
    const browser = new TestBrowser(practice.host);
    await browser.post(await requestStaffLink(browser, staff.email));

    const response = await browser.post("/practice/logout");

    expect(response.headers.get("location")).toBe("/practice/login?signed_out=1");
    expect(browser.cookies.has(STAFF_COOKIE)).toBe(false);
    expect(await countRows("sessions", "subject_id = ?", staff.id)).toBe(0);
    expect(
      await countRows("audit_events", "action = 'auth.sign_out' AND actor_id = ? AND actor_type = 'staff'", staff.id),
    ).toBe(1);
  });
});

describe("console errors", () => {
  it("shows a page, not JSON, to a person who posted a form", async () => {
    const practice = await createPractice();
    const staff = await createStaffMember(practice.id);
    await grantAdmin(practice.id, staff.id);
    const browser = new TestBrowser(practice.host);
    await browser.post(await requestStaffLink(browser, staff.email));

    const page = await browser.request("POST", "/practice/clients/cli_missing/archive", {
      form: {},
      headers: { Accept: "text/html", Referer: `${browser.origin}/practice/clients` },
    });
    const json = await browser.request("POST", "/practice/clients/cli_missing/archive", {
      form: {},
      headers: { Accept: "application/json" },
    });
    const html = await page.text();

    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("Er ging iets mis");
    expect(html).toContain('href="/practice/clients"');
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(page.status).toBe(json.status);
  });
});
