import { describe, expect, it } from "vitest";

import type { Permission } from "../../../src/lib/console/permissions";
import type { TestBrowser } from "../support/browser";
import { execute } from "../support/database";
import { createClient, createDocument, createPractice, createStaffMember } from "../support/fixtures";
import { createStaffWithPermissions, signInStaff } from "../support/staff";

async function consoleAs(permissions: readonly Permission[]) {
  const practice = await createPractice({ timeZone: "Europe/Amsterdam" });
  const staff = await createStaffWithPermissions(practice.id, permissions, { name: "Eva Mulder" });
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, staff, browser };
}

interface EventInput {
  practiceId: string;
  action: string;
  at: string;
  actorType?: string;
  actorId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
}

async function storeEvent(event: EventInput) {
  await execute(
    `INSERT INTO audit_events (id, practice_id, actor_type, actor_id, action, target_type, target_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    crypto.randomUUID(),
    event.practiceId,
    event.actorType ?? "system",
    event.actorId ?? null,
    event.action,
    event.targetType ?? null,
    event.targetId ?? null,
    Date.parse(event.at),
  );
}

interface ShownEvent {
  when: string;
  who: string;
  what: string;
  record: string;
}

/** Returns the rows of the audit table as the text in each cell, newest first as shown. */
async function shownEvents(browser: TestBrowser, path: string): Promise<ShownEvent[]> {
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  const body = /<tbody>(.*)<\/tbody>/s.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) => {
    const cells = [...(row[1] ?? "").matchAll(/<td>(.*?)<\/td>/gs)].map((cell) =>
      (cell[1] ?? "").replace(/<[^>]+>/g, "").trim(),
    );
    return { when: cells[0] ?? "", who: cells[1] ?? "", what: cells[2] ?? "", record: cells[3] ?? "" };
  });
}

/** Shown events without the sign-in of the staff member who reads the log. */
async function shownWithoutOwnSignIn(browser: TestBrowser, path: string) {
  const shown = await shownEvents(browser, path);
  return shown.filter((event) => !event.what.startsWith("Inlog") && event.what !== "Ingelogd");
}

describe("audit log viewer", () => {
  it("answers 403 without audit.read", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all", "clients.update"]);
    await storeEvent({ practiceId: practice.id, action: "client.created", at: "2026-11-02T10:00:00Z" });

    const response = await browser.get("/practice/audit");

    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("Cliënt aangemaakt");
  });

  it("shows who, what, which record and when, newest first", async () => {
    const { practice, staff, browser } = await consoleAs(["audit.read"]);
    const client = await createClient(practice.id, { firstName: "Sanne", lastName: "Jansen" });
    const document = await createDocument(practice.id, client.id, { fileName: "Behandelplan.pdf" });
    await storeEvent({
      practiceId: practice.id,
      action: "client.created",
      at: "2026-11-02T10:00:00Z",
      actorType: "staff",
      actorId: staff.id,
      targetType: "client",
      targetId: client.id,
    });
    await storeEvent({
      practiceId: practice.id,
      action: "document.downloaded",
      at: "2026-11-03T15:30:00Z",
      actorType: "client",
      actorId: client.id,
      targetType: "document",
      targetId: document.id,
    });

    const shown = await shownWithoutOwnSignIn(browser, "/practice/audit");

    expect(shown).toEqual([
      {
        when: "3 november 2026 16:30",
        who: "Cliënt Sanne Jansen",
        what: "Document gedownload",
        record: "Document Behandelplan.pdf",
      },
      {
        when: "2 november 2026 11:00",
        who: "Medewerker Eva Mulder",
        what: "Cliënt aangemaakt",
        record: "Cliënt Sanne Jansen",
      },
    ]);
  });

  it("shows only this practice's events", async () => {
    const { practice, browser } = await consoleAs(["audit.read"]);
    const other = await createPractice();
    const stranger = await createClient(other.id, { firstName: "Elders" });
    await storeEvent({
      practiceId: other.id,
      action: "client.archived",
      at: "2026-11-02T10:00:00Z",
      targetType: "client",
      targetId: stranger.id,
    });
    await storeEvent({ practiceId: practice.id, action: "client.restored", at: "2026-11-02T10:00:00Z" });

    const all = await shownWithoutOwnSignIn(browser, "/practice/audit");
    const byForeignClient = await shownEvents(browser, `/practice/audit?client=${stranger.id}`);

    expect(all.map((event) => event.what)).toEqual(["Cliënt teruggezet"]);
    expect(byForeignClient).toEqual([]);
  });

  it("filters by client", async () => {
    const { practice, browser } = await consoleAs(["audit.read"]);
    const sanne = await createClient(practice.id, { firstName: "Sanne", lastName: "Jansen" });
    const daan = await createClient(practice.id, { firstName: "Daan", lastName: "Visser" });
    const document = await createDocument(practice.id, sanne.id, { fileName: "Verslag.pdf" });
    const at = "2026-11-02T10:00:00Z";
    await storeEvent({
      practiceId: practice.id,
      action: "auth.sign_in.succeeded",
      at,
      actorType: "client",
      actorId: sanne.id,
    });
    await storeEvent({
      practiceId: practice.id,
      action: "portal_access.granted",
      at,
      targetType: "client",
      targetId: sanne.id,
    });
    await storeEvent({
      practiceId: practice.id,
      action: "document.viewed",
      at,
      targetType: "document",
      targetId: document.id,
    });
    await storeEvent({
      practiceId: practice.id,
      action: "portal_access.revoked",
      at,
      targetType: "client",
      targetId: daan.id,
    });

    const shown = await shownEvents(browser, `/practice/audit?client=${sanne.id}`);

    expect(shown.map((event) => event.what).sort()).toEqual(
      ["Document bekeken", "Ingelogd", "Toegang tot portaal gegeven"].sort(),
    );
  });

  it("filters by staff member and action", async () => {
    const { practice, staff, browser } = await consoleAs(["audit.read"]);
    const colleague = await createStaffMember(practice.id, { name: "Koen de Wit" });
    const at = "2026-11-02T10:00:00Z";
    await storeEvent({ practiceId: practice.id, action: "client.updated", at, actorType: "staff", actorId: staff.id });
    await storeEvent({ practiceId: practice.id, action: "client.archived", at, actorType: "staff", actorId: staff.id });
    await storeEvent({
      practiceId: practice.id,
      action: "client.updated",
      at,
      actorType: "staff",
      actorId: colleague.id,
    });

    const byColleague = await shownEvents(browser, `/practice/audit?staff=${colleague.id}`);
    const updates = await shownEvents(browser, "/practice/audit?action=client.updated");
    const ownUpdates = await shownEvents(browser, `/practice/audit?action=client.updated&staff=${staff.id}`);

    expect(byColleague.map((event) => `${event.who}: ${event.what}`)).toEqual([
      "Medewerker Koen de Wit: Gegevens van cliënt gewijzigd",
    ]);
    expect(updates.map((event) => event.who).sort()).toEqual(["Medewerker Eva Mulder", "Medewerker Koen de Wit"]);
    expect(ownUpdates.map((event) => event.who)).toEqual(["Medewerker Eva Mulder"]);
  });

  it("filters by calendar dates in the practice's time zone", async () => {
    const { practice, browser } = await consoleAs(["audit.read"]);
    // 22:30 UTC on 1 July is 00:30 on 2 July in Amsterdam; 21:30 UTC on 2 July is still 2 July there.
    await storeEvent({ practiceId: practice.id, action: "client.created", at: "2026-07-01T21:30:00Z" });
    await storeEvent({ practiceId: practice.id, action: "client.updated", at: "2026-07-01T22:30:00Z" });
    await storeEvent({ practiceId: practice.id, action: "client.archived", at: "2026-07-02T21:30:00Z" });
    await storeEvent({ practiceId: practice.id, action: "client.restored", at: "2026-07-02T22:30:00Z" });

    const oneDay = await shownEvents(browser, "/practice/audit?from=2026-07-02&to=2026-07-02");
    const fromOnly = await shownEvents(browser, "/practice/audit?from=2026-07-03&to=2026-07-31");

    expect(oneDay.map((event) => event.what)).toEqual(["Cliënt gearchiveerd", "Gegevens van cliënt gewijzigd"]);
    expect(oneDay.map((event) => event.when)).toEqual(["2 juli 2026 23:30", "2 juli 2026 00:30"]);
    expect(fromOnly.map((event) => event.what)).toEqual(["Cliënt teruggezet"]);
  });

  it("reports an invalid date with 400", async () => {
    const { browser } = await consoleAs(["audit.read"]);

    const invalid = await browser.get("/practice/audit?from=2026-02-30");
    const reversed = await browser.get("/practice/audit?from=2026-07-03&to=2026-07-01");

    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('aria-describedby="audit-from-error"');
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain("De begindatum ligt na de einddatum.");
  });

  it("pages through older and newer events", async () => {
    const { practice, browser } = await consoleAs(["audit.read"]);
    for (let index = 0; index < 60; index += 1) {
      // Pairs share a millisecond, so the id must break ties.
      const at = new Date(Date.UTC(2026, 10, 2, 10, Math.floor(index / 2))).toISOString();
      await storeEvent({ practiceId: practice.id, action: "client.updated", at });
    }
    const path = "/practice/audit?action=client.updated";

    const firstHtml = await (await browser.get(path)).text();
    const olderPath = /rel="next" href="([^"]+)"/.exec(firstHtml)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const secondHtml = await (await browser.get(olderPath)).text();
    const newerPath = /rel="prev" href="([^"]+)"/.exec(secondHtml)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const first = await shownEvents(browser, path);
    const second = await shownEvents(browser, olderPath);
    const back = await shownEvents(browser, newerPath);

    expect(first).toHaveLength(50);
    expect(second).toHaveLength(10);
    expect(firstHtml).not.toContain('rel="prev"');
    expect(secondHtml).not.toContain('rel="next"');
    expect(olderPath).toContain("action=client.updated");
    expect(back).toEqual(first);
    expect(first.at(-1)?.when).toBe("2 november 2026 11:05");
    expect(second[0]?.when).toBe("2 november 2026 11:04");
  });
});
