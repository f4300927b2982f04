import { describe, expect, it } from "vitest";

import type { TestBrowser } from "../support/browser";
import { countRows, execute, rows } from "../support/database";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { auditEvents, createPracticeWithAdmin, createRole, createStaffWithRoles, staffRoleIds } from "./staff-fixtures";

async function signedInAdmin(locale: "nl" | "en" | null = null) {
  const setup = await createPracticeWithAdmin();
  if (locale) {
    await execute("UPDATE staff_members SET locale = ? WHERE id = ?", locale, setup.admin.id);
  }
  const browser = await signInStaff(setup.practice.host, setup.admin.email);
  return { ...setup, browser };
}

/** Posts a role form with each permission as its own field, as a browser sends check boxes. */
function postRole(
  browser: TestBrowser,
  path: string,
  fields: { name?: string; permissions?: string[]; intent?: string },
) {
  const pairs: [string, string][] = [["intent", fields.intent ?? "save"]];
  if (fields.name !== undefined) pairs.push(["name", fields.name]);
  for (const permission of fields.permissions ?? []) pairs.push(["permissions", permission]);
  return browser.request("POST", path, {
    body: new URLSearchParams(pairs).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

async function roleRow(roleId: string) {
  const [row] = await rows<{ name: string; system_key: string | null }>(
    "SELECT name, system_key FROM roles WHERE id = ?",
    roleId,
  );
  return row;
}

async function rolePermissions(roleId: string): Promise<string[]> {
  const grants = await rows<{ permission: string }>(
    "SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission",
    roleId,
  );
  return grants.map((grant) => grant.permission);
}

describe("roles list", () => {
  it("shows system roles in Dutch and custom roles", async () => {
    const { practice, browser } = await signedInAdmin();
    await createRole(practice.id, { name: "Stagiair", permissions: ["clients.read"] });

    const response = await browser.get("/practice/roles");
    const html = await response.text();

    expect(response.status).toBe(200);
    for (const name of ["Beheerder", "Behandelaar", "Secretariaat", "Stagiair"]) expect(html).toContain(name);
    expect(html).toContain("Systeemrol");
    expect(html).toContain("Eigen rol");
  });

  it("names system roles in English for an English reader", async () => {
    const { browser } = await signedInAdmin("en");

    const html = await (await browser.get("/practice/roles")).text();

    for (const name of ["Admin", "Practitioner", "Secretary", "System role"]) expect(html).toContain(name);
    expect(html).not.toContain("Behandelaar");
  });

  it("describes every permission in the role form", async () => {
    const { browser } = await signedInAdmin("en");

    const html = await (await browser.get("/practice/roles/new")).text();

    expect(html).toContain("Read the audit log");
    expect(html).toContain("Invite and deactivate staff members and manage roles");
    expect(html.match(/type="checkbox" name="permissions"/g)).toHaveLength(12);
  });
});

describe("system roles", () => {
  it("cannot be renamed or given other permissions", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const permissionsBefore = await rolePermissions(roles.secretary);

    const response = await postRole(browser, `/practice/roles/${roles.secretary}`, {
      name: "Receptie",
      permissions: ["staff.manage", "audit.read"],
    });

    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Systeemrollen kunnen niet worden gewijzigd of verwijderd.");
    expect(await roleRow(roles.secretary)).toEqual({ name: "Secretariaat", system_key: "secretary" });
    expect(await rolePermissions(roles.secretary)).toEqual(permissionsBefore);
    expect(await auditEvents(practice.id, "role.updated")).toEqual([]);
  });

  it("cannot be deleted", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();

    const response = await postRole(browser, `/practice/roles/${roles.admin}`, { intent: "delete" });

    expect(response.status).toBe(403);
    expect(await roleRow(roles.admin)).toBeDefined();
    expect(await staffRoleIds(admin.id)).toEqual([roles.admin]);
    expect(await auditEvents(practice.id, "role.deleted")).toEqual([]);
  });

  it("are shown read-only", async () => {
    const { roles, browser } = await signedInAdmin();

    const html = await (await browser.get(`/practice/roles/${roles.practitioner}`)).text();

    expect(html).toContain("Dit is een systeemrol.");
    expect(html).toContain("Vragenlijsten aan cliënten toewijzen en intrekken");
    expect(html).not.toContain('name="permissions"');
  });
});

describe("custom roles", () => {
  it("are created with their permissions", async () => {
    const { practice, admin, browser } = await signedInAdmin();

    const response = await postRole(browser, "/practice/roles/new", {
      name: "  Praktijk  ondersteuner ",
      permissions: ["clients.read.all", "clients.read"],
    });
    const [role] = await rows<{ id: string }>(
      "SELECT id FROM roles WHERE practice_id = ? AND name = 'Praktijk ondersteuner'",
      practice.id,
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/roles/${role?.id}?notice=created`);
    expect(await roleRow(role?.id ?? "")).toEqual({ name: "Praktijk ondersteuner", system_key: null });
    expect(await rolePermissions(role?.id ?? "")).toEqual(["clients.read", "clients.read.all"]);
    const [event] = await auditEvents(practice.id, "role.created");
    expect(event?.actor_id).toBe(admin.id);
    expect(event?.target_id).toBe(role?.id);
  });

  it.each([
    ["", "Vul een naam voor de rol in."],
    ["Secretariaat", "Er bestaat al een rol met deze naam."],
    ["admin", "Er bestaat al een rol met deze naam."],
    ["x".repeat(61), "Gebruik hoogstens 60 tekens."],
  ])("reject the name %j", async (name, message) => {
    const { practice, browser } = await signedInAdmin();
    const before = await countRows("roles", "practice_id = ?", practice.id);

    const response = await postRole(browser, "/practice/roles/new", { name, permissions: ["clients.read"] });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await countRows("roles", "practice_id = ?", practice.id)).toBe(before);
  });

  it("reject a name another custom role has", async () => {
    const { practice, browser } = await signedInAdmin();
    await createRole(practice.id, { name: "Stagiair", permissions: [] });

    const response = await postRole(browser, "/practice/roles/new", { name: "stagiair", permissions: [] });

    expect(response.status).toBe(400);
    expect(await countRows("roles", "practice_id = ? AND name = 'stagiair'", practice.id)).toBe(0);
  });

  it("reject an unknown permission", async () => {
    const { practice, browser } = await signedInAdmin();

    const response = await postRole(browser, "/practice/roles/new", { name: "Superheld", permissions: ["everything"] });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies rechten uit de lijst.");
    expect(await countRows("roles", "practice_id = ? AND name = 'Superheld'", practice.id)).toBe(0);
  });

  it("are renamed and given new permissions", async () => {
    const { practice, browser } = await signedInAdmin();
    const roleId = await createRole(practice.id, { name: "Stagiair", permissions: ["clients.read", "forms.assign"] });

    const response = await postRole(browser, `/practice/roles/${roleId}`, {
      name: "Junior behandelaar",
      permissions: ["clients.read", "documents.expose"],
    });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/roles/${roleId}?notice=updated`);
    expect((await roleRow(roleId))?.name).toBe("Junior behandelaar");
    expect(await rolePermissions(roleId)).toEqual(["clients.read", "documents.expose"]);
    const [event] = await auditEvents(practice.id, "role.updated");
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({
      renamed: true,
      added: "documents.expose",
      removed: "forms.assign",
    });
  });

  it("change what their holders may do at once", async () => {
    const { practice, browser } = await signedInAdmin();
    const roleId = await createRole(practice.id, { name: "Stagiair", permissions: ["clients.read"] });
    const member = await createStaffWithRoles(practice.id, [roleId]);
    const memberBrowser = await signInStaff(practice.host, member.email);

    await postRole(browser, `/practice/roles/${roleId}`, { name: "Stagiair", permissions: ["audit.read"] });

    expect((await memberBrowser.get("/practice/audit")).status).toBe(200);
  });

  it("are deleted and taken away from every holder", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    const roleId = await createRole(practice.id, { name: "Huisstijl", permissions: ["practice.settings.update"] });
    const member = await createStaffWithRoles(practice.id, [roles.practitioner, roleId]);
    const memberBrowser = await signInStaff(practice.host, member.email);
    const accessBefore = await memberBrowser.get("/practice/settings");

    const response = await postRole(browser, `/practice/roles/${roleId}`, { intent: "delete" });

    expect(accessBefore.status).toBe(200);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/practice/roles?notice=deleted");
    expect(await roleRow(roleId)).toBeUndefined();
    expect(await countRows("role_permissions", "role_id = ?", roleId)).toBe(0);
    expect(await staffRoleIds(member.id)).toEqual([roles.practitioner]);
    expect((await memberBrowser.get("/practice/settings")).status).toBe(403);
    const [event] = await auditEvents(practice.id, "role.deleted");
    expect(event?.actor_id).toBe(admin.id);
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ members: 1 });
  });

  it("cannot take away the editor's own staff.manage", async () => {
    const { practice } = await createPracticeWithAdmin();
    const roleId = await createRole(practice.id, { name: "Personeelszaken", permissions: ["staff.manage"] });
    const manager = await createStaffWithRoles(practice.id, [roleId]);
    const browser = await signInStaff(practice.host, manager.email);

    const edit = await postRole(browser, `/practice/roles/${roleId}`, {
      name: "Personeelszaken",
      permissions: ["clients.read"],
    });
    const remove = await postRole(browser, `/practice/roles/${roleId}`, { intent: "delete" });

    expect(edit.status).toBe(409);
    expect(remove.status).toBe(409);
    expect(await rolePermissions(roleId)).toEqual(["staff.manage"]);
    expect(await staffRoleIds(manager.id)).toEqual([roleId]);
  });
});

describe("roles permission", () => {
  it("forbids every roles page and form without staff.manage", async () => {
    const { practice, roles } = await createPracticeWithAdmin();
    const roleId = await createRole(practice.id, { name: "Stagiair", permissions: ["clients.read"] });
    const staff = await createStaffWithPermissions(practice.id, ["practice.settings.update", "clients.read"]);
    const browser = await signInStaff(practice.host, staff.email);
    const rolesBefore = await countRows("roles", "practice_id = ?", practice.id);

    const responses = [
      await browser.get("/practice/roles"),
      await browser.get("/practice/roles/new"),
      await postRole(browser, "/practice/roles/new", { name: "Stiekem", permissions: ["staff.manage"] }),
      await browser.get(`/practice/roles/${roleId}`),
      await postRole(browser, `/practice/roles/${roleId}`, { name: "Stagiair", permissions: ["staff.manage"] }),
      await postRole(browser, `/practice/roles/${roleId}`, { intent: "delete" }),
      await postRole(browser, `/practice/roles/${roles.admin}`, { intent: "delete" }),
    ];

    for (const response of responses) expect(response.status).toBe(403);
    expect(await countRows("roles", "practice_id = ?", practice.id)).toBe(rolesBefore);
    expect(await rolePermissions(roleId)).toEqual(["clients.read"]);
  });

  it("answers 404 for another practice's role", async () => {
    const { browser } = await signedInAdmin();
    const other = await createPracticeWithAdmin();
    const foreignRole = await createRole(other.practice.id, { name: "Vreemd", permissions: ["clients.read"] });

    const page = await browser.get(`/practice/roles/${foreignRole}`);
    const post = await postRole(browser, `/practice/roles/${foreignRole}`, { intent: "delete" });

    expect(page.status).toBe(404);
    expect(post.status).toBe(404);
    expect(await roleRow(foreignRole)).toBeDefined();
  });
});
