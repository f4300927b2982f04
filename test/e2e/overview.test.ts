import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium } from "./support/browser";
import { waitForHydration } from "./support/hydration";
import {
  type AssignmentRow,
  type DocumentRow,
  dutchCalendarDate,
  dutchDate,
  dutchFileSize,
  findAssignment,
  isVisibleToClient,
  readClientAssignments,
  readClientDocuments,
} from "./support/portal-data";
import { CLIENTS, DEMO_PRACTICE, DOCUMENTS, dutchGreeting } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;
/** Sanne's documents that she can see, newest share first, as read from D1. */
let sharedDocuments: DocumentRow[];
let assignments: AssignmentRow[];

const client = CLIENTS.sanne;

beforeAll(async () => {
  browser = await launchChromium();
  const [documents, assignmentRows] = await Promise.all([
    readClientDocuments(client.id),
    readClientAssignments(client.id),
  ]);
  sharedDocuments = documents.filter(isVisibleToClient);
  assignments = assignmentRows;
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page in a new context with Sanne's session, not yet navigated anywhere. */
async function newSannePage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await newSignedInContext(browser, client, options);
  return context.newPage();
}

function readHrefs(links: Locator): Promise<(string | null)[]> {
  return links.evaluateAll((elements) => elements.map((element) => element.getAttribute("href")));
}

/** Returns the text of the element as rendered, without hidden elements, with line breaks between blocks. */
function readRenderedText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text this compares; textContent would include hidden elements.
  return locator.innerText();
}

describe("overview", () => {
  it("greets the client and lists pending questionnaires", async () => {
    const page = await newSannePage();
    await openPortalPage(page, "/dashboard");

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      dutchGreeting(client.greetingName),
    );
    await expect(page.getByRole("main").textContent()).resolves.toContain(
      `Dit is je eigen plek om documenten te lezen en vragenlijsten in te vullen van ${DEMO_PRACTICE.name}.`,
    );

    // The seed gives Sanne one questionnaire each overdue, due today, due in two weeks and undated,
    // and a completed one, which the widget leaves out.
    const widget = page.getByRole("region", { name: "Vragenlijsten om in te vullen" });
    const cards = widget.getByRole("listitem");
    const expectedOrder = ["asg_demo_overdue", "asg_demo_today", "asg_demo_later", "asg_demo_undated"];
    await expect(cards.count()).resolves.toBe(expectedOrder.length);
    await expect(readHrefs(cards.getByRole("link"))).resolves.toEqual(expectedOrder.map((id) => `/forms/${id}`));
    await expect(cards.getByRole("link").allTextContents()).resolves.toEqual(
      expectedOrder.map((id) => findAssignment(assignments, id).title),
    );

    const overdue = findAssignment(assignments, "asg_demo_overdue");
    const overdueCard = cards.nth(0);
    const overdueStatus = overdueCard.getByText("Te laat", { exact: true });
    await expect(overdueStatus.isVisible()).resolves.toBe(true);
    // Overdue is marked by text with an icon beside it, not by colour alone.
    const icon = overdueStatus.locator("svg");
    await expect(icon.count()).resolves.toBe(1);
    await expect(icon.isVisible()).resolves.toBe(true);
    await expect(overdueCard.textContent()).resolves.toContain(
      `Moest uiterlijk ${dutchCalendarDate(overdue.dueDate ?? "")} ingevuld zijn`,
    );

    const todayCard = cards.nth(1);
    await expect(todayCard.getByText("Vandaag invullen", { exact: true }).isVisible()).resolves.toBe(true);

    const later = findAssignment(assignments, "asg_demo_later");
    await expect(cards.nth(2).textContent()).resolves.toContain(
      `Invullen vóór of op ${dutchCalendarDate(later.dueDate ?? "")}`,
    );
    await expect(cards.nth(3).textContent()).resolves.toBe(findAssignment(assignments, "asg_demo_undated").title);

    for (const index of [1, 2, 3]) {
      await expect(cards.nth(index).getByText("Te laat").count()).resolves.toBe(0);
      await expect(cards.nth(index).locator("svg").count()).resolves.toBe(0);
    }

    await page.context().close();
  });

  it("shows the five newest documents", async () => {
    const page = await newSannePage();
    await openPortalPage(page, "/dashboard");

    const expected = sharedDocuments.slice(0, 5);
    expect(sharedDocuments.length).toBeGreaterThan(5);

    const widget = page.getByRole("region", { name: "Recente documenten" });
    const items = widget.getByRole("listitem");
    await expect(items.count()).resolves.toBe(5);
    await expect(items.getByRole("link").allTextContents()).resolves.toEqual(
      expected.map((document) => document.fileName),
    );
    await expect(readHrefs(items.getByRole("link"))).resolves.toEqual(
      expected.map((document) => `/documents/${document.id}`),
    );

    for (const [index, document] of expected.entries()) {
      const text = await items.nth(index).textContent();
      expect(text, document.fileName).toContain(dutchFileSize(document.sizeBytes));
      expect(text, document.fileName).toContain(`Gedeeld op ${dutchDate(document.sharedAt ?? 0)}`);
    }

    // Neither in the page nor in the props serialized for the islands.
    expect(await page.content()).not.toContain(DOCUMENTS.unsharedDraft.fileName);

    await page.context().close();
  });

  it("links shortcut cards with counts", async () => {
    const page = await newSannePage();
    await openPortalPage(page, "/dashboard");

    const forms = page.getByRole("region", { name: "Vragenlijsten", exact: true });
    await expect(forms.textContent()).resolves.toContain("Nog 4 vragenlijsten in te vullen");
    const formsLink = forms.getByRole("link", { name: "Bekijk alle vragenlijsten" });
    await expect(formsLink.getAttribute("href")).resolves.toBe("/forms");

    expect(sharedDocuments).toHaveLength(6);
    const documents = page.getByRole("region", { name: "Documenten", exact: true });
    await expect(documents.textContent()).resolves.toContain("6 documenten beschikbaar");
    const documentsLink = documents.getByRole("link", { name: "Bekijk documenten" });
    await expect(documentsLink.getAttribute("href")).resolves.toBe("/documents");

    await formsLink.click();
    await page.waitForURL((url) => url.pathname === "/forms");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Vragenlijsten");

    await page.goBack();
    await documentsLink.click();
    await page.waitForURL((url) => url.pathname === "/documents");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Documenten");

    await page.context().close();
  });
});

describe("overview without JavaScript", () => {
  it("shows the same text as hydrated", async () => {
    const hydrated = await newSannePage();
    const errors = collectPageErrors(hydrated);
    const warnings: string[] = [];
    hydrated.on("console", (message) => {
      if (message.type() === "warning")
        warnings.push(`console warning at ${message.location().url}: ${message.text()}`);
    });
    await openPortalPage(hydrated, "/dashboard");
    await waitForHydration(hydrated);
    await hydrated.waitForLoadState("networkidle");
    const hydratedText = await readRenderedText(hydrated.getByRole("main"));

    const plain = await newSannePage({ javaScriptEnabled: false });
    await openPortalPage(plain, "/dashboard");
    // An island keeps its `ssr` attribute until its script has run, so this shows that none ran.
    await expect(plain.locator("astro-island[ssr]").count()).resolves.toBeGreaterThanOrEqual(2);
    const plainText = await readRenderedText(plain.getByRole("main"));

    expect(plainText).toBe(hydratedText);
    expect(plainText).toContain(findAssignment(assignments, "asg_demo_overdue").title);
    expect(plainText).toContain(sharedDocuments[0]?.fileName);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);

    await hydrated.context().close();
    await plain.context().close();
  });
});
