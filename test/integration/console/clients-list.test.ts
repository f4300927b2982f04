import { describe, expect, it } from "vitest";

import { PERMISSIONS, type Permission } from "../../../src/lib/console/permissions";
import type { TestBrowser } from "../support/browser";
import { execute } from "../support/database";
import { createClient, createPractice } from "../support/fixtures";
import { createStaffWithPermissions, signInStaff } from "../support/staff";

async function consoleAs(permissions: readonly Permission[]) {
  const practice = await createPractice();
  const staff = await createStaffWithPermissions(practice.id, permissions);
  const browser = await signInStaff(practice.host, staff.email);
  return { practice, staff, browser };
}

/** Returns the client names in the list's table, in order. */
async function listedNames(browser: TestBrowser, path: string): Promise<string[]> {
  const response = await browser.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  return [...html.matchAll(/<th scope="row"><a href="\/practice\/clients\/[^"]+">([^<]+)<\/a>/g)].map(
    (match) => match[1] ?? "",
  );
}

describe("client list", () => {
  it("answers 403 without clients.read", async () => {
    const { practice, browser } = await consoleAs(["clients.create", "audit.read"]);
    await createClient(practice.id, { firstName: "Verborgen", lastName: "Cliënt" });

    const response = await browser.get("/practice/clients");
    const html = await response.text();

    expect(response.status).toBe(403);
    expect(html).toContain("Geen toestemming");
    expect(html).not.toContain("Verborgen");
  });

  it("shows the new client link only with clients.create", async () => {
    const reader = await consoleAs(["clients.read", "clients.read.all"]);
    const creator = await consoleAs(["clients.read", "clients.create"]);

    const readerHtml = await (await reader.browser.get("/practice/clients")).text();
    const creatorHtml = await (await creator.browser.get("/practice/clients")).text();

    expect(readerHtml).not.toContain('href="/practice/clients/new"');
    expect(creatorHtml).toContain('href="/practice/clients/new"');
  });

  it("shows portal access and status by text", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    await createClient(practice.id, { firstName: "Met", lastName: "Toegang", portalAccess: true });
    await createClient(practice.id, { firstName: "Zonder", lastName: "Toegang", portalAccess: false });

    const html = await (await browser.get("/practice/clients")).text();
    const rowOf = (name: string) => new RegExp(`${name}</a></th>(.*?)</tr>`, "s").exec(html)?.[1] ?? "";

    expect(rowOf("Met Toegang")).toMatch(/<td>Ja<\/td>\s*<td>Huidig<\/td>/);
    expect(rowOf("Zonder Toegang")).toMatch(/<td>Nee<\/td>\s*<td>Huidig<\/td>/);
  });

  it("searches names and email ignoring case and accents", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    await createClient(practice.id, { firstName: "Joëlle", lastName: "Bakker", email: "jo.bakker@example.nl" });
    await createClient(practice.id, { firstName: "Émile", lastName: "Özdemir", email: "emile@example.com" });
    await createClient(practice.id, { firstName: "Sanne", lastName: "de Vries", email: "sanne@example.nl" });

    expect(await listedNames(browser, "/practice/clients?q=joelle")).toEqual(["Joëlle Bakker"]);
    expect(await listedNames(browser, "/practice/clients?q=BAKKER")).toEqual(["Joëlle Bakker"]);
    expect(await listedNames(browser, "/practice/clients?q=%C3%A9mile%20ozdemir")).toEqual(["Émile Özdemir"]);
    expect(await listedNames(browser, "/practice/clients?q=EXAMPLE.COM")).toEqual(["Émile Özdemir"]);
    expect(await listedNames(browser, "/practice/clients?q=sanne%20vries")).toEqual(["Sanne de Vries"]);
    expect(await listedNames(browser, "/practice/clients?q=100%25")).toEqual([]);
  });

  it("sorts by last name without Dutch prefixes", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    for (const [firstName, lastName] of [
      ["Zoë", "Zwart"],
      ["Sanne", "de Vries"],
      ["Fenna", "Çelik"],
      ["Joëlle", "van den Berg"],
      ["Daan", "Bakker"],
      ["Mila", "Dekker"],
    ]) {
      await createClient(practice.id, { firstName, lastName });
    }

    expect(await listedNames(browser, "/practice/clients")).toEqual([
      "Daan Bakker",
      "Joëlle van den Berg",
      "Fenna Çelik",
      "Mila Dekker",
      "Sanne de Vries",
      "Zoë Zwart",
    ]);
  });

  it("shows the empty search message", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    await createClient(practice.id);

    const html = await (await browser.get("/practice/clients?q=nobody")).text();

    expect(html).toContain("Geen cliënten gevonden bij deze zoekopdracht.");
  });

  it("pages by 25 with next and previous", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    for (let index = 0; index < 30; index += 1) {
      await createClient(practice.id, { firstName: "Cliënt", lastName: `Nummer ${String(index).padStart(2, "0")}` });
    }

    const firstHtml = await (await browser.get("/practice/clients")).text();
    const first = await listedNames(browser, "/practice/clients");
    const second = await listedNames(browser, "/practice/clients?page=2");
    const secondHtml = await (await browser.get("/practice/clients?page=2")).text();

    expect(first).toHaveLength(25);
    expect(first[0]).toBe("Cliënt Nummer 00");
    expect(second).toEqual(["25", "26", "27", "28", "29"].map((number) => `Cliënt Nummer ${number}`));
    expect(firstHtml).toContain('href="/practice/clients?page=2"');
    expect(firstHtml).not.toContain('rel="prev"');
    expect(secondHtml).toContain('rel="prev" href="/practice/clients"');
    expect(secondHtml).not.toContain('rel="next"');
  });

  it("keeps the search while paging", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    for (let index = 0; index < 26; index += 1) {
      await createClient(practice.id, { firstName: "Fenna", lastName: `Smit ${String(index).padStart(2, "0")}` });
    }
    await createClient(practice.id, { firstName: "Daan", lastName: "Visser" });

    const html = await (await browser.get("/practice/clients?q=fenna")).text();

    expect(html).toContain('href="/practice/clients?q=fenna&amp;page=2"');
    expect(await listedNames(browser, "/practice/clients?q=fenna&page=2")).toEqual(["Fenna Smit 25"]);
  });

  it("lists only assigned clients without clients.read.all", async () => {
    const { practice, staff, browser } = await consoleAs(["clients.read"]);
    const own = await createClient(practice.id, { firstName: "Eigen", lastName: "Cliënt" });
    await createClient(practice.id, { firstName: "Andere", lastName: "Cliënt" });
    await execute(
      "INSERT INTO client_staff (client_id, staff_id, practice_id) VALUES (?, ?, ?)",
      own.id,
      staff.id,
      practice.id,
    );

    expect(await listedNames(browser, "/practice/clients")).toEqual(["Eigen Cliënt"]);
    expect(await listedNames(browser, "/practice/clients?q=andere")).toEqual([]);
  });

  it("hides archived clients unless the filter shows them", async () => {
    const { practice, browser } = await consoleAs(["clients.read", "clients.read.all"]);
    await createClient(practice.id, { firstName: "Huidige", lastName: "Cliënt" });
    await createClient(practice.id, { firstName: "Oude", lastName: "Cliënt", archivedAt: new Date() });

    expect(await listedNames(browser, "/practice/clients")).toEqual(["Huidige Cliënt"]);
    expect(await listedNames(browser, "/practice/clients?status=archived")).toEqual(["Oude Cliënt"]);
    expect(await listedNames(browser, "/practice/clients?status=all")).toEqual(["Huidige Cliënt", "Oude Cliënt"]);
    const archivedHtml = await (await browser.get("/practice/clients?status=archived")).text();
    expect(archivedHtml).toContain("<td>Gearchiveerd</td>");
  });

  it("never lists another practice's clients", async () => {
    const { practice, browser } = await consoleAs(PERMISSIONS);
    const other = await createPractice();
    await createClient(practice.id, { firstName: "Hier", lastName: "Cliënt" });
    await createClient(other.id, { firstName: "Daar", lastName: "Cliënt" });

    expect(await listedNames(browser, "/practice/clients?status=all")).toEqual(["Hier Cliënt"]);
    expect(await listedNames(browser, "/practice/clients?q=daar")).toEqual([]);
  });
});
