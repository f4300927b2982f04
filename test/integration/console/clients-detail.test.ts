import { describe, expect, it } from "vitest";

import { PERMISSIONS, type Permission } from "../../../src/lib/console/permissions";
import { countRows, execute, rows } from "../support/database";
import { createClient, createPractice, createStaffMember } from "../support/fixtures";
import { createStaffWithPermissions, signInStaff } from "../support/staff";

async function consoleAs(permissions: readonly Permission[]) {
  const practice = await createPractice();
  const staff = await createStaffWithPermissions(practice.id, permissions);
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, staff, browser };
}

async function assign(practiceId: string, clientId: string, staffId: string) {
  await execute(
    "INSERT INTO client_staff (client_id, staff_id, practice_id) VALUES (?, ?, ?)",
    clientId,
    staffId,
    practiceId,
  );
}

async function assignedStaffIds(clientId: string): Promise<string[]> {
  const found = await rows<{ staff_id: string }>(
    "SELECT staff_id FROM client_staff WHERE client_id = ? ORDER BY staff_id",
    clientId,
  );
  return found.map((row) => row.staff_id);
}

function editForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    first_name: "Anouk",
    last_name: "de Jong",
    preferred_name: "Noek",
    email: "anouk.nieuw@example.nl",
    language: "en",
    ...overrides,
  };
}

function fieldTag(html: string, name: string): string {
  const match = new RegExp(`<(?:input|select)[^>]*name="${name}"[^>]*>`).exec(html);
  if (!match) throw new Error(`the page has no field named ${name}`);
  return match[0];
}

describe("client page", () => {
  it("shows the client with the actions the staff member may use", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    const client = await createClient(practice.id, { firstName: "Joëlle", preferredName: "Jo", lastName: "Bakker" });

    const response = await browser.get(`/practice/clients/${client.id}`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain("<h1>Joëlle (Jo) Bakker</h1>");
    expect(html).toContain(client.email);
    expect(html).not.toContain("/revoke-access");
    expect(html).not.toContain("/archive");
    expect(html).not.toContain('name="first_name"');
  });

  it("shows every section to an admin", async () => {
    const { practice, browser } = await consoleAs(PERMISSIONS);
    const client = await createClient(practice.id);

    const html = await (await browser.get(`/practice/clients/${client.id}`)).text();

    for (const path of ["revoke-access", "invite", "archive", "assign-staff"]) {
      expect(html, path).toContain(`action="/practice/clients/${client.id}/${path}"`);
    }
    expect(html).toContain(`href="/practice/audit?client=${client.id}"`);
  });

  it("answers 403 without clients.read", async () => {
    const { practice, browser } = await consoleAs(["audit.read"]);
    const client = await createClient(practice.id, { firstName: "Verborgen" });

    const response = await browser.get(`/practice/clients/${client.id}`);

    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("Verborgen");
  });

  it("answers 404 for another practice's client and an unknown id", async () => {
    const { browser } = await consoleAs(PERMISSIONS);
    const other = await createPractice();
    const client = await createClient(other.id, { firstName: "Elders" });

    const foreign = await browser.get(`/practice/clients/${client.id}`);
    const unknown = await browser.get("/practice/clients/cli_missing");

    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Elders");
    expect(unknown.status).toBe(404);
  });

  it("answers 404 for an unassigned client without clients.read.all", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read", "clients.update"]);
    const mine = await createClient(practice.id);
    const theirs = await createClient(practice.id);
    await assign(practice.id, mine.id, staff.id);

    expect((await browser.get(`/practice/clients/${mine.id}`)).status).toBe(200);
    expect((await browser.get(`/practice/clients/${theirs.id}`)).status).toBe(404);
  });
});

describe("editing a client", () => {
  it("saves the details and audits the changed fields", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    const client = await createClient(practice.id, { firstName: "Anouk", lastName: "de Jong" });

    const response = await browser.post(
      `/practice/clients/${client.id}`,
      editForm({ email: " Anouk.Nieuw@Example.NL" }),
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/practice/clients/${client.id}?notice=updated`);
    const [row] = await rows("SELECT preferred_name, email, locale FROM clients WHERE id = ?", client.id);
    expect(row).toEqual({ preferred_name: "Noek", email: "anouk.nieuw@example.nl", locale: "en" });
    const [event] = await rows(
      "SELECT actor_id, detail FROM audit_events WHERE practice_id = ? AND action = 'client.updated' AND target_id = ?",
      practice.id,
      client.id,
    );
    expect(event).toEqual({ actor_id: staff.id, detail: JSON.stringify({ fields: "preferred_name,email,language" }) });
  });

  it("shows invalid input again with 400", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    const client = await createClient(practice.id, { lastName: "de Jong" });

    const response = await browser.post(`/practice/clients/${client.id}`, editForm({ last_name: "", email: "nope" }));
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(fieldTag(html, "last_name")).toContain('aria-invalid="true"');
    expect(fieldTag(html, "email")).toContain('value="nope"');
    expect(fieldTag(html, "preferred_name")).toContain('value="Noek"');
    const [row] = await rows("SELECT last_name, email FROM clients WHERE id = ?", client.id);
    expect(row).toEqual({ last_name: "de Jong", email: client.email });
  });

  it("rejects an email address another client has", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    const client = await createClient(practice.id);
    const other = await createClient(practice.id);

    const response = await browser.post(`/practice/clients/${client.id}`, editForm({ email: other.email }));

    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Een andere cliënt van deze praktijk heeft dit e-mailadres al.");
    const [row] = await rows("SELECT email FROM clients WHERE id = ?", client.id);
    expect(row).toEqual({ email: client.email });
  });

  it("answers 403 without clients.update", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "portal.access.manage"]);
    const client = await createClient(practice.id, { lastName: "de Jong" });

    const response = await browser.post(`/practice/clients/${client.id}`, editForm({ last_name: "Anders" }));

    expect(response.status).toBe(403);
    const [row] = await rows("SELECT last_name FROM clients WHERE id = ?", client.id);
    expect(row).toEqual({ last_name: "de Jong" });
    expect(await countRows("audit_events", "practice_id = ? AND action = 'client.updated'", practice.id)).toBe(0);
  });

  it("answers 404 for another practice's client", async () => {
    const { browser } = await consoleAs(PERMISSIONS);
    const other = await createPractice();
    const client = await createClient(other.id, { lastName: "de Jong" });

    const response = await browser.post(`/practice/clients/${client.id}`, editForm({ last_name: "Anders" }));

    expect(response.status).toBe(404);
    const [row] = await rows("SELECT last_name FROM clients WHERE id = ?", client.id);
    expect(row).toEqual({ last_name: "de Jong" });
  });
});

describe("assigned staff", () => {
  it("assigns and unassigns a practitioner", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    const client = await createClient(practice.id);
    const practitioner = await createStaffMember(practice.id, { name: "Koen de Wit" });

    const page = await (await browser.get(`/practice/clients/${client.id}`)).text();
    const assigned = await browser.post(`/practice/clients/${client.id}/assign-staff`, { staff_id: practitioner.id });
    const afterAssign = await assignedStaffIds(client.id);
    const unassigned = await browser.post(`/practice/clients/${client.id}/unassign-staff`, {
      staff_id: practitioner.id,
    });

    expect(page).toContain(`<option value="${practitioner.id}">Koen de Wit</option>`);
    expect(assigned.status).toBe(303);
    expect(afterAssign).toEqual([practitioner.id]);
    expect(unassigned.status).toBe(303);
    expect(await assignedStaffIds(client.id)).toEqual([]);
    const events = await rows(
      "SELECT action, actor_id, detail FROM audit_events WHERE practice_id = ? AND target_id = ? ORDER BY action",
      practice.id,
      client.id,
    );
    const detail = JSON.stringify({ staff_id: practitioner.id });
    expect(events).toEqual([
      { action: "client.staff_assigned", actor_id: staff.id, detail },
      { action: "client.staff_unassigned", actor_id: staff.id, detail },
    ]);
  });

  it("lets the assigned practitioner see the client", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    const client = await createClient(practice.id, { firstName: "Fenna" });
    const practitioner = await createStaffWithPermissions(practice.id, ["clients.read"]);
    const practitionerBrowser = await signInStaff(practice.host, practitioner.email);
    expect((await practitionerBrowser.get(`/practice/clients/${client.id}`)).status).toBe(404);

    await browser.post(`/practice/clients/${client.id}/assign-staff`, { staff_id: practitioner.id });

    expect((await practitionerBrowser.get(`/practice/clients/${client.id}`)).status).toBe(200);
  });

  it("rejects another practice's staff member", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    const client = await createClient(practice.id);
    const other = await createPractice();
    const stranger = await createStaffMember(other.id);

    const response = await browser.post(`/practice/clients/${client.id}/assign-staff`, { staff_id: stranger.id });

    expect(response.status).toBe(400);
    expect(await assignedStaffIds(client.id)).toEqual([]);
  });

  it("sends a practitioner who unassigns themselves to the list", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read", "clients.update"]);
    const client = await createClient(practice.id);
    await assign(practice.id, client.id, staff.id);

    const response = await browser.post(`/practice/clients/${client.id}/unassign-staff`, { staff_id: staff.id });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/practice/clients?notice=staff_unassigned_self");
    expect(await assignedStaffIds(client.id)).toEqual([]);
  });

  it("answers 403 without clients.update", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    const client = await createClient(practice.id);
    const practitioner = await createStaffMember(practice.id);
    await assign(practice.id, client.id, practitioner.id);

    const assigning = await browser.post(`/practice/clients/${client.id}/assign-staff`, { staff_id: staff.id });
    const unassigning = await browser.post(`/practice/clients/${client.id}/unassign-staff`, {
      staff_id: practitioner.id,
    });

    expect(assigning.status).toBe(403);
    expect(unassigning.status).toBe(403);
    expect(await assignedStaffIds(client.id)).toEqual([practitioner.id]);
  });

  it("answers 404 for another practice's client", async () => {
    const { browser } = await consoleAs(PERMISSIONS);
    const other = await createPractice();
    const client = await createClient(other.id);
    const practitioner = await createStaffMember(other.id);
    await assign(other.id, client.id, practitioner.id);

    const assigning = await browser.post(`/practice/clients/${client.id}/assign-staff`, {
      staff_id: practitioner.id,
    });
    const unassigning = await browser.post(`/practice/clients/${client.id}/unassign-staff`, {
      staff_id: practitioner.id,
    });

    expect(assigning.status).toBe(404);
    expect(unassigning.status).toBe(404);
    expect(await assignedStaffIds(client.id)).toEqual([practitioner.id]);
  });
});
