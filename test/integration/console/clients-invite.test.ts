import { describe, expect, it } from "vitest";

import type { Permission } from "../../../src/lib/console/permissions";
import { countRows, rows } from "../support/database";
import { createClient, createPractice } from "../support/fixtures";
import { mailTo } from "../support/mail";
import { createStaffWithPermissions, signInStaff } from "../support/staff";

async function consoleAs(permissions: readonly Permission[], practiceOverrides = {}) {
  const practice = await createPractice(practiceOverrides);
  const staff = await createStaffWithPermissions(practice.id, ["clients.read", "clients.read.all", ...permissions]);
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, staff, browser };
}

async function inviteEvents(practiceId: string, clientId: string) {
  return rows<{ actor_id: string; detail: string }>(
    "SELECT actor_id, detail FROM audit_events WHERE practice_id = ? AND action = 'client.invited' AND target_id = ?",
    practiceId,
    clientId,
  );
}

describe("invitation email", () => {
  it("is sent in the client's language from the practice", async () => {
    const { practice, staff, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id, { firstName: "Daniel", preferredName: "Daan", locale: "en" });

    const response = await browser.post(`/practice/clients/${client.id}/invite`);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/clients/${client.id}?notice=invited`);
    const [mail, ...others] = await mailTo(client.email);
    expect(others).toEqual([]);
    expect(mail?.fromName).toBe(practice.name);
    expect(mail?.to).toEqual({ email: client.email, name: "Daan" });
    expect(mail?.subject).toBe(`Your access to the client portal of ${practice.name}`);
    expect(mail?.text).toContain("Hello Daan,");
    expect(mail?.text).toContain(`enter your email address ${client.email}`);
    expect(mail?.text).toContain(`\nhttp://${practice.slug}.localhost:4321/login\n`);
    expect(mail?.html).toContain(`href="http://${practice.slug}.localhost:4321/login"`);
    expect(mail?.html).toContain('<html lang="en">');
    expect(mail?.html).toContain(practice.brandColor);
    expect(await inviteEvents(practice.id, client.id)).toEqual([
      { actor_id: staff.id, detail: JSON.stringify({ outcome: "sent" }) },
    ]);
  });

  it("falls back to the practice language", async () => {
    const { practice, browser } = await consoleAs(["portal.access.manage"], { defaultLocale: "nl" });
    const client = await createClient(practice.id, { firstName: "Sanne", locale: null });

    await browser.post(`/practice/clients/${client.id}/invite`);

    const [mail] = await mailTo(client.email);
    expect(mail?.subject).toBe(`Je toegang tot het cliëntportaal van ${practice.name}`);
    expect(mail?.text).toContain("Beste Sanne,");
    expect(mail?.text).toContain(`http://${practice.slug}.localhost:4321/login`);
  });

  it("builds the link from the practice, not the Host header", async () => {
    const { practice, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id);

    const response = await browser.request("POST", `/practice/clients/${client.id}/invite`, {
      headers: { "X-Forwarded-Host": "evil.example", Forwarded: "host=evil.example" },
    });

    expect(response.status).toBe(303);
    const [mail] = await mailTo(client.email);
    expect(mail?.text).not.toContain("evil.example");
    expect(mail?.text).toContain(`http://${practice.slug}.localhost:4321/login`);
  });

  it("is not sent without portal access", async () => {
    const { practice, browser } = await consoleAs(["portal.access.manage"]);
    const client = await createClient(practice.id, { portalAccess: false });

    const response = await browser.post(`/practice/clients/${client.id}/invite`);
    const page = await browser.get(response.headers.get("location") ?? "");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/clients/${client.id}?notice=invite_needs_access`);
    expect(await page.text()).toContain("Geef eerst toegang tot het portaal");
    expect(await mailTo(client.email)).toEqual([]);
    expect(await inviteEvents(practice.id, client.id)).toEqual([]);
  });

  it("answers 403 without portal.access.manage", async () => {
    const { practice, browser } = await consoleAs(["clients.update"]);
    const client = await createClient(practice.id);

    const response = await browser.post(`/practice/clients/${client.id}/invite`);

    expect(response.status).toBe(403);
    expect(await mailTo(client.email)).toEqual([]);
    expect(await countRows("audit_events", "practice_id = ? AND action = 'client.invited'", practice.id)).toBe(0);
  });

  it("answers 404 for another practice's client", async () => {
    const { browser } = await consoleAs(["portal.access.manage"]);
    const other = await createPractice();
    const client = await createClient(other.id);

    const response = await browser.post(`/practice/clients/${client.id}/invite`);

    expect(response.status).toBe(404);
    expect(await mailTo(client.email)).toEqual([]);
  });
});
