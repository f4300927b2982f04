import { describe, expect, it } from "vitest";

import { TestBrowser } from "../support/browser";
import { countRows, rows } from "../support/database";
import { latestSignInMail, mailTo } from "../support/mail";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { auditEvents, createPracticeWithAdmin, createRole, createStaffWithRoles, staffRoleIds } from "./staff-fixtures";

async function signedInAdmin() {
  const setup = await createPracticeWithAdmin();
  const browser = await signInStaff(setup.practice.host, setup.admin.email);
  return { ...setup, browser };
}

async function isActive(staffId: string): Promise<boolean> {
  const [row] = await rows<{ active: number }>("SELECT active FROM staff_members WHERE id = ?", staffId);
  return row?.active === 1;
}

/** Posts the roles form with each id as its own `roles` field, as a browser sends check boxes. */
function postRoles(browser: TestBrowser, staffId: string, roleIds: string[]) {
  return browser.request("POST", `/practice/staff/${staffId}`, {
    body: new URLSearchParams([["intent", "roles"], ...roleIds.map((roleId) => ["roles", roleId])]).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

describe("staff roles", () => {
  it("grants access to a page once a role gives its permission", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.secretary]);
    const memberBrowser = await signInStaff(practice.host, member.email);
    const before = await memberBrowser.get("/practice/settings");

    const response = await postRoles(browser, member.id, [roles.secretary, roles.admin]);
    const after = await memberBrowser.get("/practice/settings");

    expect(before.status).toBe(403);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/staff/${member.id}?notice=roles_saved`);
    expect(after.status).toBe(200);
    expect(await staffRoleIds(member.id)).toEqual([roles.admin, roles.secretary].sort());
    const [event] = await auditEvents(practice.id, "staff.roles_changed");
    expect(event?.actor_id).toBe(admin.id);
    expect(event?.target_id).toBe(member.id);
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ added: roles.admin, removed: "" });
  });

  it("adds up the permissions of several roles", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const settingsRole = await createRole(practice.id, {
      name: "Huisstijl",
      permissions: ["practice.settings.update"],
    });
    const member = await createStaffWithRoles(practice.id, [roles.practitioner]);
    const memberBrowser = await signInStaff(practice.host, member.email);

    await postRoles(browser, member.id, [roles.practitioner, settingsRole]);

    expect((await memberBrowser.get("/practice/settings")).status).toBe(200);
    expect((await memberBrowser.get("/practice/staff")).status).toBe(403);
  });

  it("takes a page away when its role is removed", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.admin, roles.secretary]);
    const memberBrowser = await signInStaff(practice.host, member.email);

    const response = await postRoles(browser, member.id, [roles.secretary]);

    expect(response.status).toBe(303);
    expect((await memberBrowser.get("/practice/staff")).status).toBe(403);
  });

  it("stops members removing their own staff.manage", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    await createStaffWithRoles(practice.id, [roles.admin]);

    const response = await postRoles(browser, admin.id, [roles.practitioner]);
    const html = await response.text();

    expect(response.status).toBe(409);
    expect(html).toContain("Je kunt je eigen recht om medewerkers te beheren niet weghalen.");
    expect(await staffRoleIds(admin.id)).toEqual([roles.admin]);
    expect(await auditEvents(practice.id, "staff.roles_changed")).toEqual([]);
  });

  it("lets members keep staff.manage through another role", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    await createStaffWithRoles(practice.id, [roles.admin]);
    const managers = await createRole(practice.id, { name: "Personeelszaken", permissions: ["staff.manage"] });

    const response = await postRoles(browser, admin.id, [managers]);

    expect(response.status).toBe(303);
    expect(await staffRoleIds(admin.id)).toEqual([managers]);
  });

  it("keeps the Admin role of the last active admin", async () => {
    const { practice, roles, admin } = await createPracticeWithAdmin();
    const manager = await createStaffWithPermissions(practice.id, ["staff.manage"]);
    const browser = await signInStaff(practice.host, manager.email);

    const response = await postRoles(browser, admin.id, [roles.practitioner]);

    expect(response.status).toBe(409);
    expect(await response.text()).toContain("De praktijk heeft minstens één actieve beheerder nodig.");
    expect(await staffRoleIds(admin.id)).toEqual([roles.admin]);
  });

  it("does not count a deactivated admin as the other admin", async () => {
    const { practice, roles, admin } = await createPracticeWithAdmin();
    await createStaffWithRoles(practice.id, [roles.admin], { active: false });
    const manager = await createStaffWithPermissions(practice.id, ["staff.manage"]);
    const browser = await signInStaff(practice.host, manager.email);

    const response = await postRoles(browser, admin.id, []);

    expect(response.status).toBe(409);
    expect(await staffRoleIds(admin.id)).toEqual([roles.admin]);
  });

  it("removes the Admin role when another admin remains", async () => {
    const { practice, roles, admin } = await createPracticeWithAdmin();
    await createStaffWithRoles(practice.id, [roles.admin]);
    const manager = await createStaffWithPermissions(practice.id, ["staff.manage"]);
    const browser = await signInStaff(practice.host, manager.email);

    const response = await postRoles(browser, admin.id, [roles.practitioner]);

    expect(response.status).toBe(303);
    expect(await staffRoleIds(admin.id)).toEqual([roles.practitioner]);
  });

  it("rejects a role of another practice", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const other = await createPracticeWithAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.secretary]);

    const response = await postRoles(browser, member.id, [other.roles.admin]);

    expect(response.status).toBe(400);
    expect(await staffRoleIds(member.id)).toEqual([roles.secretary]);
  });
});

describe("staff deactivation", () => {
  it("ends open sessions and revokes unused sign-in links", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.practitioner]);
    const memberBrowser = await signInStaff(practice.host, member.email);
    const laterBrowser = new TestBrowser(practice.host);
    await laterBrowser.post("/practice/login", { email: member.email });
    const unusedLink = await latestSignInMail(member.email);

    const response = await browser.post(`/practice/staff/${member.id}`, { intent: "deactivate" });
    const afterwards = await memberBrowser.get("/practice/clients");
    const redeemed = await laterBrowser.post(unusedLink.linkPath);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/staff/${member.id}?notice=deactivated`);
    expect(await isActive(member.id)).toBe(false);
    expect(await countRows("sessions", "subject_type = 'staff' AND subject_id = ?", member.id)).toBe(0);
    expect(
      await countRows("sign_in_requests", "subject_id = ? AND consumed_at IS NULL AND revoked_at IS NULL", member.id),
    ).toBe(0);
    expect(afterwards.status).toBe(303);
    expect(afterwards.headers.get("location")).toMatch(/^\/practice\/login/);
    expect(redeemed.status).not.toBe(303);
    expect(laterBrowser.cookies.has("__Host-veranda_staff_session")).toBe(false);
    const [event] = await auditEvents(practice.id, "staff.deactivated");
    expect(event?.actor_id).toBe(admin.id);
    expect(event?.target_id).toBe(member.id);
  });

  it("stops a deactivated member from requesting a sign-in", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.practitioner]);
    await browser.post(`/practice/staff/${member.id}`, { intent: "deactivate" });

    await new TestBrowser(practice.host).post("/practice/login", { email: member.email });

    expect(await mailTo(member.email)).toEqual([]);
  });

  it("keeps other staff signed in", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.practitioner]);
    const colleague = await createStaffWithRoles(practice.id, [roles.admin]);
    const colleagueBrowser = await signInStaff(practice.host, colleague.email);

    await browser.post(`/practice/staff/${member.id}`, { intent: "deactivate" });

    expect((await colleagueBrowser.get("/practice/staff")).status).toBe(200);
  });

  it("rejects deactivating yourself", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    await createStaffWithRoles(practice.id, [roles.admin]);

    const response = await browser.post(`/practice/staff/${admin.id}`, { intent: "deactivate" });

    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Je kunt jezelf niet deactiveren.");
    expect(await isActive(admin.id)).toBe(true);
    expect(await countRows("sessions", "subject_type = 'staff' AND subject_id = ?", admin.id)).toBe(1);
  });

  it("rejects deactivating the last active admin", async () => {
    const { practice, admin } = await createPracticeWithAdmin();
    const manager = await createStaffWithPermissions(practice.id, ["staff.manage"]);
    const browser = await signInStaff(practice.host, manager.email);
    const adminBrowser = await signInStaff(practice.host, admin.email);

    const response = await browser.post(`/practice/staff/${admin.id}`, { intent: "deactivate" });

    expect(response.status).toBe(409);
    expect(await isActive(admin.id)).toBe(true);
    expect((await adminBrowser.get("/practice/staff")).status).toBe(200);
    expect(await auditEvents(practice.id, "staff.deactivated")).toEqual([]);
  });

  it("deactivates an admin when another admin remains", async () => {
    const { practice, roles, admin } = await createPracticeWithAdmin();
    const secondAdmin = await createStaffWithRoles(practice.id, [roles.admin]);
    const browser = await signInStaff(practice.host, secondAdmin.email);

    const response = await browser.post(`/practice/staff/${admin.id}`, { intent: "deactivate" });

    expect(response.status).toBe(303);
    expect(await isActive(admin.id)).toBe(false);
  });

  it("reactivates a member who can then sign in again", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.practitioner], { active: false });

    const response = await browser.post(`/practice/staff/${member.id}`, { intent: "reactivate" });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/staff/${member.id}?notice=reactivated`);
    expect(await isActive(member.id)).toBe(true);
    await signInStaff(practice.host, member.email);
    const [event] = await auditEvents(practice.id, "staff.reactivated");
    expect(event?.actor_id).toBe(admin.id);
    expect(event?.target_id).toBe(member.id);
  });
});

describe("staff invitation resend", () => {
  it("sends the invitation again", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.secretary], { locale: "en" });

    const response = await browser.post(`/practice/staff/${member.id}`, { intent: "resend" });
    const [mail] = await mailTo(member.email);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/staff/${member.id}?notice=invitation_sent`);
    expect(mail?.subject).toContain("You have been invited");
    expect(mail?.text).toContain(`http://${practice.host}/practice/login`);
    const [event] = await auditEvents(practice.id, "staff.invited");
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ resent: true, outcome: "sent" });
  });

  it("refuses to invite a deactivated member", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const member = await createStaffWithRoles(practice.id, [roles.secretary], { active: false });

    const response = await browser.post(`/practice/staff/${member.id}`, { intent: "resend" });

    expect(response.status).toBe(409);
    expect(await mailTo(member.email)).toEqual([]);
  });
});
