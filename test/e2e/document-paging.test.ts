import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium } from "./support/browser";
import { executeSql } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { dutchDate, sqlString } from "./support/portal-data";
import { PAGING_CLIENT } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;

/** The portal lists documents in batches of this many. */
const PAGE_SIZE = 20;
const DOCUMENT_COUNT = 27;
const DAY_MS = 24 * 60 * 60 * 1000;
const SEEDED_AT_MS = Date.now();

interface SeededDocument {
  id: string;
  fileName: string;
  sharedAtMs: number;
}

/**
 * Lotte's documents, shared in groups of three at the same millisecond, as when a practitioner
 * shares several files at once. The groups are a day apart, 01 to 03 the newest. Documents 19 to
 * 21 form one group, so the page boundary after the 20th falls inside it and only the id decides
 * the order there.
 */
const SEEDED_DOCUMENTS: SeededDocument[] = Array.from({ length: DOCUMENT_COUNT }, (_, index) => {
  const number = String(index + 1).padStart(2, "0");
  const group = Math.floor(index / 3);
  return {
    id: `doc_e2e_page_${number}`,
    fileName: `Sessieverslag ${number}.pdf`,
    sharedAtMs: SEEDED_AT_MS - (group + 1) * DAY_MS,
  };
});

const sharedAtByName = new Map(SEEDED_DOCUMENTS.map((document) => [document.fileName, document.sharedAtMs]));

/**
 * Adds Lotte with portal access and her shared documents to the demo practice. The rows carry no
 * bytes in R2, which listing does not read.
 */
function seedPagingClient(): Promise<unknown> {
  const practiceId = "prac_demo";
  const staffId = "stf_eva";
  const client = `INSERT INTO clients (id, practice_id, first_name, last_name, preferred_name, email, locale, portal_access, archived_at, created_at)
    VALUES (${sqlString(PAGING_CLIENT.id)}, '${practiceId}', ${sqlString(PAGING_CLIENT.firstName)}, ${sqlString(PAGING_CLIENT.lastName)},
      NULL, ${sqlString(PAGING_CLIENT.email)}, 'nl', 1, NULL, ${SEEDED_AT_MS})`;

  const rows = SEEDED_DOCUMENTS.map((document, index) =>
    [
      sqlString(document.id),
      `'${practiceId}'`,
      sqlString(PAGING_CLIENT.id),
      sqlString(`documents/${document.id}`),
      sqlString(document.fileName),
      "'application/pdf'",
      "'pdf'",
      String(10_000 + index * 100),
      `'${"0".repeat(64)}'`,
      `'${staffId}'`,
      String(document.sharedAtMs - 60_000),
      `'${staffId}'`,
      String(document.sharedAtMs),
    ].join(", "),
  );
  const documents = `INSERT INTO documents (id, practice_id, client_id, storage_key, file_name, content_type, kind, size_bytes, sha256,
      uploaded_by, uploaded_at, shared_by, shared_at)
    VALUES ${rows.map((row) => `(${row})`).join(",\n")}`;

  return executeSql(`${client};\n${documents}`);
}

beforeAll(async () => {
  browser = await launchChromium();
  await seedPagingClient();
});

afterAll(async () => {
  await browser?.close();
});

async function openDocumentList(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await newSignedInContext(browser, PAGING_CLIENT, options);
  const page = await context.newPage();
  await openPortalPage(page, "/documents");
  return page;
}

function documentItems(page: Page): Locator {
  return page.getByRole("main").getByRole("listitem");
}

function documentNames(page: Page): Promise<string[]> {
  return documentItems(page).getByRole("link").allTextContents();
}

/** Checks that `names` are distinct seeded documents, newest share first, each showing its share date. */
async function expectNewestFirst(page: Page, names: string[]) {
  expect(new Set(names).size, "a document is listed twice").toBe(names.length);

  const sharedAt = names.map((name) => {
    const time = sharedAtByName.get(name);
    if (time === undefined) throw new Error(`"${name}" is not one of Lotte's documents`);
    return time;
  });
  for (let index = 1; index < sharedAt.length; index += 1) {
    expect(sharedAt[index], `${names[index]} comes after a document shared earlier`).toBeLessThanOrEqual(
      sharedAt[index - 1] ?? Number.POSITIVE_INFINITY,
    );
  }

  const texts = await documentItems(page).allInnerTexts();
  names.forEach((name, index) => {
    expect(texts[index], name).toContain(`Gedeeld op ${dutchDate(sharedAt[index] ?? 0)}`);
  });
}

/**
 * Waits a moment for focus to reach the link named `name`, then compares, so that a failure
 * names the element that has focus instead of only timing out.
 */
async function expectFocusOnLink(page: Page, name: string) {
  await page
    .waitForFunction((expected) => document.activeElement?.textContent === expected, name, { timeout: 2_000 })
    .catch(() => undefined);
  const focused = await page.evaluate(() => ({
    tag: document.activeElement?.tagName ?? null,
    text: document.activeElement?.textContent ?? null,
  }));
  expect(focused).toEqual({ tag: "A", text: name });
}

const allNames = SEEDED_DOCUMENTS.map((document) => document.fileName).sort();

describe("document list paging", () => {
  it("loads the next batch with JavaScript", async () => {
    const page = await openDocumentList();
    const errors = collectPageErrors(page);
    await waitForHydration(page);

    const firstBatch = await documentNames(page);
    expect(firstBatch).toHaveLength(PAGE_SIZE);

    const loadMore = page.getByRole("link", { name: "Meer documenten laden" });
    await expect(loadMore.getAttribute("href")).resolves.toMatch(/^\/documents\?cursor=[\w-]+$/);
    await loadMore.click();
    await documentItems(page)
      .nth(DOCUMENT_COUNT - 1)
      .waitFor();

    // The island fetched the batch; the browser did not follow the link.
    expect(new URL(page.url()).search).toBe("");
    const names = await documentNames(page);
    expect(names).toHaveLength(DOCUMENT_COUNT);
    expect(names.slice(0, PAGE_SIZE)).toEqual(firstBatch);
    expect([...names].sort()).toEqual(allNames);
    await expectNewestFirst(page, names);

    // Keyboard and screen reader users continue at the first document of the new batch.
    await expectFocusOnLink(page, names[PAGE_SIZE] ?? "");

    await expect(loadMore.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("follows the cursor link without JavaScript", async () => {
    const page = await openDocumentList({ javaScriptEnabled: false });

    const firstBatch = await documentNames(page);
    expect(firstBatch).toHaveLength(PAGE_SIZE);
    await expectNewestFirst(page, firstBatch);

    await page.getByRole("link", { name: "Meer documenten laden" }).click();
    await page.waitForURL((url) => url.pathname === "/documents" && url.searchParams.has("cursor"));

    const secondBatch = await documentNames(page);
    expect(secondBatch).toHaveLength(DOCUMENT_COUNT - PAGE_SIZE);
    await expectNewestFirst(page, secondBatch);
    expect([...firstBatch, ...secondBatch].sort()).toEqual(allNames);
    // The second batch starts no earlier than the first one ended.
    expect(sharedAtByName.get(secondBatch[0] ?? "")).toBeLessThanOrEqual(
      sharedAtByName.get(firstBatch.at(-1) ?? "") ?? 0,
    );
    await expect(page.getByRole("link", { name: "Meer documenten laden" }).count()).resolves.toBe(0);

    await page.context().close();
  });

  it("offers to try again after a failed load", async () => {
    const page = await openDocumentList();
    await waitForHydration(page);

    let failedRequests = 0;
    const isDocumentsApi = (url: URL) => url.pathname === "/api/documents";
    await page.route(isDocumentsApi, async (route) => {
      failedRequests += 1;
      await route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "internal", message: "Er ging bij ons iets mis." } }),
      });
    });

    await page.getByRole("link", { name: "Meer documenten laden" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("De documenten konden niet worden geladen.");
    expect(failedRequests).toBe(1);
    await expect(documentItems(page).count()).resolves.toBe(PAGE_SIZE);
    await expect(page.getByRole("link", { name: "Meer documenten laden" }).count()).resolves.toBe(0);

    await page.unroute(isDocumentsApi);
    await alert.getByRole("button", { name: "Opnieuw proberen" }).click();
    await documentItems(page)
      .nth(DOCUMENT_COUNT - 1)
      .waitFor();

    await expect(documentItems(page).count()).resolves.toBe(DOCUMENT_COUNT);
    await expect(alert.count()).resolves.toBe(0);
    expect(failedRequests).toBe(1);
    const names = await documentNames(page);
    expect([...names].sort()).toEqual(allNames);
    await expectFocusOnLink(page, names[PAGE_SIZE] ?? "");

    await page.context().close();
  });
});
