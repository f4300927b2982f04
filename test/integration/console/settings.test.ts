import { describe, expect, it } from "vitest";

import { TestBrowser } from "../support/browser";
import { rows } from "../support/database";
import { createStaffWithPermissions, signInStaff } from "../support/staff";
import { auditEvents, createPracticeWithAdmin } from "./staff-fixtures";

interface PracticeRow {
  name: string;
  brand_color: string;
  contact_email: string | null;
  contact_phone: string | null;
  default_locale: string;
  time_zone: string;
  sign_in_ttl_minutes: number;
  client_idle_timeout_minutes: number;
  client_absolute_timeout_hours: number;
  staff_idle_timeout_minutes: number;
  staff_absolute_timeout_hours: number;
}

async function practiceRow(practiceId: string): Promise<PracticeRow> {
  const [row] = await rows<PracticeRow>("SELECT * FROM practices WHERE id = ?", practiceId);
  if (!row) throw new Error(`practice ${practiceId} is missing`);
  return row;
}

/** Returns the settings form as a browser submits it, filled with the practice fixture's defaults. */
function settingsForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: "Praktijk De Linde",
    brandColor: "#1f5f8b",
    contactEmail: "",
    contactPhone: "",
    defaultLocale: "nl",
    timeZone: "Europe/Amsterdam",
    signInTtlMinutes: "30",
    clientIdleTimeoutMinutes: "30",
    clientAbsoluteTimeoutHours: "12",
    staffIdleTimeoutMinutes: "60",
    staffAbsoluteTimeoutHours: "12",
    ...overrides,
  };
}

async function signedInAdmin() {
  const setup = await createPracticeWithAdmin({ name: "Praktijk De Linde" });
  const browser = await signInStaff(setup.practice.host, setup.admin.email);
  return { ...setup, browser };
}

/** Returns the opening tag of the input or select named `name`. */
function fieldTag(html: string, name: string): string {
  const match = new RegExp(`<(?:input|select)[^>]*name="${name}"[^>]*>`).exec(html);
  if (!match) throw new Error(`the page has no field named ${name}`);
  return match[0];
}

describe("practice settings", () => {
  it("saves every field and audits the changed field names", async () => {
    const { practice, admin, browser } = await signedInAdmin();

    const response = await browser.post(
      "/practice/settings",
      settingsForm({
        name: "Praktijk De Linde & Partners",
        brandColor: "#FFD700",
        contactEmail: " Info@DeLinde.example ",
        contactPhone: "+31 20 123 45 67",
        defaultLocale: "en",
        timeZone: "europe/brussels",
        signInTtlMinutes: "120",
        clientIdleTimeoutMinutes: "5",
        clientAbsoluteTimeoutHours: "24",
        staffIdleTimeoutMinutes: "120",
        staffAbsoluteTimeoutHours: "1",
      }),
    );

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/practice/settings?notice=saved");
    expect(await practiceRow(practice.id)).toMatchObject({
      name: "Praktijk De Linde & Partners",
      brand_color: "#ffd700",
      contact_email: "info@delinde.example",
      contact_phone: "+31 20 123 45 67",
      default_locale: "en",
      time_zone: "Europe/Brussels",
      sign_in_ttl_minutes: 120,
      client_idle_timeout_minutes: 5,
      client_absolute_timeout_hours: 24,
      staff_idle_timeout_minutes: 120,
      staff_absolute_timeout_hours: 1,
    });
    const [event] = await auditEvents(practice.id, "practice.settings_updated");
    expect(event?.actor_id).toBe(admin.id);
    expect(event?.target_id).toBe(practice.id);
    expect(JSON.parse(event?.detail ?? "{}")).toEqual({
      fields:
        "name,brandColor,contactEmail,contactPhone,defaultLocale,timeZone,signInTtlMinutes,clientIdleTimeoutMinutes,clientAbsoluteTimeoutHours,staffIdleTimeoutMinutes,staffAbsoluteTimeoutHours",
    });
  });

  it("shows the saved values and a notice after saving", async () => {
    const { browser } = await signedInAdmin();
    await browser.post("/practice/settings", settingsForm({ contactPhone: "020 123 4567" }));

    const page = await browser.get("/practice/settings?notice=saved");
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html).toContain('role="status"');
    expect(fieldTag(html, "contactPhone")).toContain('value="020 123 4567"');
  });

  it("clears optional contact details", async () => {
    const { practice, browser } = await signedInAdmin();
    await browser.post("/practice/settings", settingsForm({ contactEmail: "info@delinde.example" }));

    const response = await browser.post("/practice/settings", settingsForm({ contactEmail: "" }));

    expect(response.status).toBe(303);
    expect((await practiceRow(practice.id)).contact_email).toBeNull();
  });

  it("writes nothing when nothing changed", async () => {
    const { practice, browser } = await signedInAdmin();

    const response = await browser.post("/practice/settings", settingsForm());

    expect(response.headers.get("location")).toBe("/practice/settings?notice=unchanged");
    expect(await auditEvents(practice.id, "practice.settings_updated")).toEqual([]);
  });

  it.each([
    ["signInTtlMinutes", "9"],
    ["signInTtlMinutes", "121"],
    ["clientIdleTimeoutMinutes", "4"],
    ["clientIdleTimeoutMinutes", "121"],
    ["clientAbsoluteTimeoutHours", "0"],
    ["clientAbsoluteTimeoutHours", "25"],
    ["staffIdleTimeoutMinutes", "200"],
    ["staffAbsoluteTimeoutHours", "48"],
    ["staffAbsoluteTimeoutHours", "1.5"],
    ["signInTtlMinutes", ""],
    ["signInTtlMinutes", "-30"],
  ])("rejects %s = %j outside its bounds", async (field, value) => {
    const { practice, browser } = await signedInAdmin();
    const before = await practiceRow(practice.id);

    const response = await browser.post("/practice/settings", settingsForm({ name: "Nieuwe naam", [field]: value }));
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(fieldTag(html, field)).toContain('aria-invalid="true"');
    expect(fieldTag(html, field)).toContain(`aria-describedby="field-${field}-error`);
    expect(html).toMatch(/Vul een heel getal in van \d+ tot en met \d+\./);
    expect(fieldTag(html, "name")).toContain('value="Nieuwe naam"');
    expect(await practiceRow(practice.id)).toEqual(before);
    expect(await auditEvents(practice.id, "practice.settings_updated")).toEqual([]);
  });

  it.each([
    ["name", ""],
    ["brandColor", "red"],
    ["brandColor", "#12345"],
    ["contactEmail", "info@"],
    ["contactPhone", "bel me even"],
    ["contactPhone", "12345"],
    ["defaultLocale", "de"],
    ["timeZone", "Mars/Olympus_Mons"],
    ["timeZone", "+01:00"],
    ["timeZone", ""],
  ])("rejects %s = %j", async (field, value) => {
    const { practice, browser } = await signedInAdmin();
    const before = await practiceRow(practice.id);

    const response = await browser.post("/practice/settings", settingsForm({ [field]: value }));
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(fieldTag(html, field)).toContain('aria-invalid="true"');
    expect(html).toContain(`id="field-${field}-error"`);
    expect(await practiceRow(practice.id)).toEqual(before);
  });

  it("serves the brand colour with its AA text colour in /brand.css", async () => {
    const { practice, browser } = await signedInAdmin();

    await browser.post("/practice/settings", settingsForm({ brandColor: "#ffd700" }));
    const css = await (await new TestBrowser(practice.host).get("/brand.css")).text();
    const page = await (await browser.get("/practice/settings")).text();

    expect(css).toContain("--brand:#ffd700");
    expect(css).toContain("--on-brand:#000000");
    expect(page).toContain("zwart (#000000)");
    expect(page).toContain("contrastverhouding van 14,9:1");
  });

  it("picks white text on a dark brand colour", async () => {
    const { practice, browser } = await signedInAdmin();

    await browser.post("/practice/settings", settingsForm({ brandColor: "#1f3a5f" }));
    const css = await (await new TestBrowser(practice.host).get("/brand.css")).text();

    expect(css).toContain("--brand:#1f3a5f;--on-brand:#ffffff");
  });

  it("forbids the page and the form without practice.settings.update", async () => {
    const { practice } = await createPracticeWithAdmin();
    const staff = await createStaffWithPermissions(practice.id, ["clients.read", "staff.manage"]);
    const browser = await signInStaff(practice.host, staff.email);
    const before = await practiceRow(practice.id);

    const page = await browser.get("/practice/settings");
    const post = await browser.post("/practice/settings", settingsForm({ name: "Overgenomen" }));

    expect(page.status).toBe(403);
    expect(post.status).toBe(403);
    expect(await practiceRow(practice.id)).toEqual(before);
    expect(await auditEvents(practice.id, "practice.settings_updated")).toEqual([]);
  });

  it("sends a signed-out visitor to the staff sign-in", async () => {
    const { practice } = await createPracticeWithAdmin();

    const response = await new TestBrowser(practice.host).post("/practice/settings", settingsForm());

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/practice\/login/);
  });
});
