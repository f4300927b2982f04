import { describe, expect, it } from "vitest";

import { countRows, rows } from "../support/database";
import { createPractice } from "../support/fixtures";
import { mailTo } from "../support/mail";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { auditEvents, createPracticeWithAdmin, createRole, staffRoleIds } from "./staff-fixtures";

async function signedInAdmin() {
  const setup = await createPracticeWithAdmin({ name: "Praktijk De Linde" });
  const browser = await signInStaff(setup.practice.host, setup.admin.email);
  return { ...setup, browser };
}

function uniqueEmail(name: string): string {
  return `${name}.${crypto.randomUUID().slice(0, 8)}@delinde.example`;
}

async function staffByEmail(practiceId: string, email: string) {
  const [row] = await rows<{ id: string; name: string; locale: string | null; active: number }>(
    "SELECT id, name, locale, active FROM staff_members WHERE practice_id = ? AND email = ?",
    practiceId,
    email,
  );
  return row;
}

describe("staff invitation", () => {
  it("stores the member with roles and emails a link to the console", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    const email = uniqueEmail("ilse");

    const response = await browser.post("/practice/staff", {
      name: "Ilse Verbeek",
      email: email.toUpperCase(),
      locale: "en",
      roles: roles.secretary,
    });
    const stored = await staffByEmail(practice.id, email);
    const [mail] = await mailTo(email);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/staff?notice=invited&staff=${stored?.id}`);
    expect(stored).toMatchObject({ name: "Ilse Verbeek", locale: "en", active: 1 });
    expect(await staffRoleIds(stored?.id ?? "")).toEqual([roles.secretary]);
    expect(mail?.subject).toBe("You have been invited to the practice console of Praktijk De Linde");
    expect(mail?.fromName).toBe("Praktijk De Linde");
    expect(mail?.text).toContain(`http://${practice.host}/practice/login`);
    expect(mail?.text).toContain("Eva Mulder has invited you");
    expect(mail?.html).toContain(`href="http://${practice.host}/practice/login"`);
    expect(mail?.html).toContain("background:#1f5f8b");
    const [event] = await auditEvents(practice.id, "staff.invited");
    expect(event?.actor_id).toBe(admin.id);
    expect(event?.target_id).toBe(stored?.id);
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({ roles: roles.secretary, locale: "en" });
  });

  it("writes the invitation in Dutch and names the member in the notice", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const email = uniqueEmail("koen");

    const response = await browser.post("/practice/staff", {
      name: "Koen de Wit",
      email,
      locale: "nl",
      roles: roles.practitioner,
    });
    const page = await browser.get(response.headers.get("location") ?? "");
    const [mail] = await mailTo(email);

    expect(mail?.subject).toBe("Je bent uitgenodigd voor de praktijkomgeving van Praktijk De Linde");
    expect(mail?.text).toContain(`http://${practice.host}/practice/login`);
    expect(await page.text()).toContain(`Koen de Wit is uitgenodigd. De uitnodiging is verstuurd naar ${email}.`);
  });

  it("builds the link from a custom domain, not the request host", async () => {
    const setup = await createPracticeWithAdmin({ customHost: `portaal-${crypto.randomUUID().slice(0, 8)}.example` });
    const browser = await signInStaff(setup.practice.host, setup.admin.email);
    const email = uniqueEmail("sam");

    await browser.post("/practice/staff", { name: "Sam", email, locale: "nl", roles: setup.roles.secretary });
    const [mail] = await mailTo(email);

    expect(mail?.text).toContain(`https://${setup.practice.customHost}/practice/login`);
    expect(mail?.text).not.toContain(setup.practice.host);
  });

  it("gives several roles to one member", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    const email = uniqueEmail("noor");

    await browser.request("POST", "/practice/staff", {
      body: new URLSearchParams([
        ["name", "Noor"],
        ["email", email],
        ["locale", "nl"],
        ["roles", roles.practitioner],
        ["roles", roles.secretary],
      ]).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const stored = await staffByEmail(practice.id, email);

    expect(await staffRoleIds(stored?.id ?? "")).toEqual([roles.practitioner, roles.secretary].sort());
  });

  it("rejects an email address a staff member already uses", async () => {
    const { practice, roles, admin, browser } = await signedInAdmin();
    const before = await countRows("staff_members", "practice_id = ?", practice.id);

    const response = await browser.post("/practice/staff", {
      name: "Tweede Eva",
      email: ` ${admin.email.toUpperCase()} `,
      locale: "nl",
      roles: roles.secretary,
    });
    const html = await response.text();

    expect(response.status).toBe(409);
    expect(html).toContain("Een medewerker van deze praktijk gebruikt dit e-mailadres al.");
    expect(html).toMatch(/<input[^>]*name="email"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Tweede Eva"');
    expect(await countRows("staff_members", "practice_id = ?", practice.id)).toBe(before);
    expect((await mailTo(admin.email)).filter((mail) => mail.subject.includes("uitgenodigd"))).toEqual([]);
  });

  it("allows an address another practice uses", async () => {
    const { roles, browser } = await signedInAdmin();
    const other = await createPracticeWithAdmin();

    const response = await browser.post("/practice/staff", {
      name: "Eva elders",
      email: other.admin.email,
      locale: "nl",
      roles: roles.secretary,
    });

    expect(response.status).toBe(303);
  });

  it.each([
    [{ name: "" }, "name", "Vul een naam in."],
    [{ email: "geen-adres" }, "email", "Vul een geldig e-mailadres in"],
    [{ roles: "" }, "roles", "Kies minstens één rol."],
    [{ locale: "fr" }, "locale", "Kies Nederlands of Engels."],
  ])("rejects invalid input %j", async (override, _field, message) => {
    const { practice, roles, browser } = await signedInAdmin();
    const before = await countRows("staff_members", "practice_id = ?", practice.id);

    const response = await browser.post("/practice/staff", {
      name: "Nieuwe collega",
      email: uniqueEmail("nieuw"),
      locale: "nl",
      roles: roles.secretary,
      ...override,
    });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await countRows("staff_members", "practice_id = ?", practice.id)).toBe(before);
  });

  it("rejects a role of another practice", async () => {
    const { practice, browser } = await signedInAdmin();
    const elsewhere = await createPractice();
    const foreignRole = await createRole(elsewhere.id, { permissions: ["staff.manage"] });
    const email = uniqueEmail("indringer");

    const response = await browser.post("/practice/staff", { name: "X", email, locale: "nl", roles: foreignRole });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies rollen uit de lijst.");
    expect(await staffByEmail(practice.id, email)).toBeUndefined();
  });
});

describe("staff list", () => {
  it("shows members with their roles and status", async () => {
    const { practice, roles, browser } = await signedInAdmin();
    await browser.post("/practice/staff", {
      name: "Ilse Verbeek",
      email: uniqueEmail("ilse"),
      locale: "en",
      roles: roles.secretary,
    });

    const response = await browser.get("/practice/staff");
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain(`Medewerkers van ${practice.name}`);
    expect(html).toMatch(/Eva Mulder<\/a>\s*<span class="muted"[^>]*> \(jij\)/);
    expect(html).toContain("Beheerder");
    expect(html).toContain("Secretariaat");
    expect(html).toContain("English");
    expect(html).toContain("Actief");
  });

  it("names the system roles in English for an English admin", async () => {
    const { practice, roles } = await createPracticeWithAdmin();
    const staff = await createStaffWithPermissions(practice.id, ["staff.manage"], { locale: "en" });
    const browser = await signInStaff(practice.host, staff.email);
    await browser.post("/practice/staff", {
      name: "Daan",
      email: uniqueEmail("daan"),
      locale: "en",
      roles: roles.practitioner,
    });

    const html = await (await browser.get("/practice/staff")).text();

    expect(html).toContain("Practitioner");
    expect(html).not.toContain("Behandelaar");
  });
});

describe("staff permission", () => {
  it("forbids every staff page and form without staff.manage", async () => {
    const { practice, roles, admin } = await createPracticeWithAdmin();
    const staff = await createStaffWithPermissions(practice.id, ["clients.read", "practice.settings.update"]);
    const browser = await signInStaff(practice.host, staff.email);
    const email = uniqueEmail("stiekem");

    const list = await browser.get("/practice/staff");
    const invite = await browser.post("/practice/staff", { name: "X", email, locale: "nl", roles: roles.admin });
    const member = await browser.get(`/practice/staff/${admin.id}`);
    const changeRoles = await browser.post(`/practice/staff/${admin.id}`, { intent: "roles", roles: roles.secretary });
    const deactivate = await browser.post(`/practice/staff/${admin.id}`, { intent: "deactivate" });
    const resend = await browser.post(`/practice/staff/${admin.id}`, { intent: "resend" });

    expect(list.status).toBe(403);
    expect(invite.status).toBe(403);
    expect(member.status).toBe(403);
    expect(changeRoles.status).toBe(403);
    expect(deactivate.status).toBe(403);
    expect(resend.status).toBe(403);
    expect(await staffByEmail(practice.id, email)).toBeUndefined();
    expect(await staffRoleIds(admin.id)).toEqual([roles.admin]);
    expect((await staffByEmail(practice.id, admin.email))?.active).toBe(1);
    expect(await mailTo(email)).toEqual([]);
    expect(await auditEvents(practice.id, "staff.invited")).toEqual([]);
  });

  it("answers 404 for another practice's staff member", async () => {
    const { browser } = await signedInAdmin();
    const other = await createPracticeWithAdmin();

    const page = await browser.get(`/practice/staff/${other.admin.id}`);
    const post = await browser.post(`/practice/staff/${other.admin.id}`, { intent: "deactivate" });

    expect(page.status).toBe(404);
    expect(post.status).toBe(404);
    expect((await staffByEmail(other.practice.id, other.admin.email))?.active).toBe(1);
  });
});
