import { describe, expect, it } from "vitest";

import type { Permission } from "../../../src/lib/console/permissions";
import { TestBrowser } from "../support/browser";
import { countRows, rows } from "../support/database";
import { createClient, createPractice } from "../support/fixtures";
import { createStaffWithPermissions, signInStaff } from "../support/staff";

async function consoleAs(permissions: readonly Permission[]) {
  const practice = await createPractice();
  const staff = await createStaffWithPermissions(practice.id, permissions);
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, staff, browser };
}

function newClientForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    first_name: "Thijs",
    last_name: "van Dam",
    preferred_name: "",
    email: "  Thijs.VanDam@Example.NL ",
    language: "en",
    ...overrides,
  };
}

/** Returns the opening tag of the form field named `name`. */
function fieldTag(html: string, name: string): string {
  const match = new RegExp(`<(?:input|select)[^>]*name="${name}"[^>]*>`).exec(html);
  if (!match) throw new Error(`the page has no field named ${name}`);
  return match[0];
}

interface ClientRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  email: string;
  locale: string | null;
  portal_access: number;
  archived_at: number | null;
}

describe("new client", () => {
  it("creates the client assigned to its creator", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read", "clients.create"]);

    const response = await browser.post("/practice/clients/new", newClientForm({ preferred_name: " Tijs " }));

    expect(response.status).toBe(303);
    const [client] = await rows<ClientRow>("SELECT * FROM clients WHERE practice_id = ?", practice.id);
    expect(client).toMatchObject({
      first_name: "Thijs",
      last_name: "van Dam",
      preferred_name: "Tijs",
      email: "thijs.vandam@example.nl",
      locale: "en",
      portal_access: 0,
      archived_at: null,
    });
    expect(response.headers.get("location")).toBe(`/practice/clients/${client?.id}?notice=created`);
    expect(
      await rows("SELECT staff_id FROM client_staff WHERE client_id = ? AND practice_id = ?", client?.id, practice.id),
    ).toEqual([{ staff_id: staff.id }]);
    expect(
      await rows(
        "SELECT actor_type, actor_id, target_type, target_id FROM audit_events WHERE practice_id = ? AND action = 'client.created'",
        practice.id,
      ),
    ).toEqual([{ actor_type: "staff", actor_id: staff.id, target_type: "client", target_id: client?.id }]);
  });

  it("lets a practitioner see their new client", async () => {
    const { browser } = await consoleAs(["clients.read", "clients.create"]);

    const created = await browser.post("/practice/clients/new", newClientForm({ language: "" }));
    const location = created.headers.get("location") ?? "";
    const page = await browser.get(location);
    const list = await (await browser.get("/practice/clients")).text();

    expect(page.status).toBe(200);
    expect(await page.text()).toContain("De cliënt is aangemaakt.");
    expect(list).toContain("Thijs van Dam");
  });

  it("rejects an email address another client has", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.create"]);
    await createClient(practice.id, { email: "thijs.vandam@example.nl" });

    const response = await browser.post("/practice/clients/new", newClientForm());
    const html = await response.text();

    expect(response.status).toBe(409);
    expect(html).toContain("Een andere cliënt van deze praktijk heeft dit e-mailadres al.");
    expect(fieldTag(html, "email")).toContain('aria-invalid="true"');
    expect(fieldTag(html, "email")).toContain('value="  Thijs.VanDam@Example.NL "');
    expect(fieldTag(html, "first_name")).toContain('value="Thijs"');
    expect(await countRows("clients", "practice_id = ?", practice.id)).toBe(1);
    expect(await countRows("client_staff", "practice_id = ?", practice.id)).toBe(0);
    expect(await countRows("audit_events", "practice_id = ? AND action = 'client.created'", practice.id)).toBe(0);
  });

  it("allows an email address used in another practice", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.create"]);
    const other = await createPractice();
    await createClient(other.id, { email: "thijs.vandam@example.nl" });

    const response = await browser.post("/practice/clients/new", newClientForm());

    expect(response.status).toBe(303);
    expect(await countRows("clients", "practice_id = ?", practice.id)).toBe(1);
  });

  it("shows invalid fields again with their values", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.create"]);

    const response = await browser.post(
      "/practice/clients/new",
      newClientForm({ first_name: "   ", last_name: "x".repeat(101), email: "thijs@", language: "de" }),
    );
    const html = await response.text();

    expect(response.status).toBe(400);
    for (const name of ["first_name", "last_name", "email", "language"]) {
      expect(fieldTag(html, name), name).toContain('aria-invalid="true"');
      expect(fieldTag(html, name), name).toContain(`aria-describedby="new-${name}-error"`);
    }
    expect(fieldTag(html, "preferred_name")).not.toContain("aria-invalid");
    expect(html).toContain('id="new-first_name-error" class="field__error">Vul dit veld in.');
    expect(html).toContain("Gebruik hoogstens 100 tekens.");
    expect(html).toContain("Vul een geldig e-mailadres in");
    expect(fieldTag(html, "email")).toContain('value="thijs@"');
    expect(fieldTag(html, "last_name")).toContain(`value="${"x".repeat(101)}"`);
    expect(await countRows("clients", "practice_id = ?", practice.id)).toBe(0);
  });

  it("answers 400 to a body that is not a form", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.create"]);

    const response = await browser.request("POST", "/practice/clients/new", {
      headers: { "Content-Type": "text/plain" },
      body: "first_name=Thijs",
    });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Het formulier kon niet worden gelezen.");
    expect(await countRows("clients", "practice_id = ?", practice.id)).toBe(0);
  });

  it("answers 403 without clients.create", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);

    const page = await browser.get("/practice/clients/new");
    const posted = await browser.post("/practice/clients/new", newClientForm());

    expect(page.status).toBe(403);
    expect(posted.status).toBe(403);
    expect(await countRows("clients", "practice_id = ?", practice.id)).toBe(0);
    expect(await countRows("audit_events", "practice_id = ? AND action = 'client.created'", practice.id)).toBe(0);
  });

  it("sends signed-out visitors to the staff sign-in", async () => {
    const practice = await createPractice();
    const browser = new TestBrowser(practice.host);

    const response = await browser.post("/practice/clients/new", newClientForm());

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/practice\/login/);
    expect(await countRows("clients", "practice_id = ?", practice.id)).toBe(0);
  });
});
