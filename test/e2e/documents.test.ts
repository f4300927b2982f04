import { readFile } from "node:fs/promises";

import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, describeViolations, findAxeViolations, launchChromium } from "./support/browser";
import {
  type DocumentRow,
  DUTCH_KIND_LABELS,
  dutchDate,
  dutchFileSize,
  isVisibleToClient,
  readClientDocuments,
} from "./support/portal-data";
import { CLIENTS, DOCUMENTS } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;
/** Sanne's documents that she can see, newest share first, as D1 held them before these tests. */
let sharedDocuments: DocumentRow[];
let treatmentPlan: DocumentRow;

const client = CLIENTS.sanne;
const treatmentPlanPath = `/documents/${DOCUMENTS.treatmentPlan.id}`;
const treatmentPlanFilePath = `${treatmentPlanPath}/file`;

beforeAll(async () => {
  browser = await launchChromium();
  sharedDocuments = (await readClientDocuments(client.id)).filter(isVisibleToClient);

  const plan = sharedDocuments.find((document) => document.id === DOCUMENTS.treatmentPlan.id);
  if (!plan) throw new Error(`${DOCUMENTS.treatmentPlan.id} is not shared with ${client.id} in the e2e database`);
  treatmentPlan = plan;
});

afterAll(async () => {
  await browser?.close();
});

async function newSannePage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await newSignedInContext(browser, client, options);
  return context.newPage();
}

async function readDownload(download: Download): Promise<Buffer> {
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${download.url()} failed: ${failure}`);
  return readFile(await download.path());
}

interface FetchedFile {
  status: number;
  contentRange: string | null;
  acceptRanges: string | null;
  bytes: number[];
}

/** Fetches `url` from the page, as the page's own scripts would, with an optional `Range` header. */
function fetchFromPage(page: Page, url: string, range?: string): Promise<FetchedFile> {
  return page.evaluate(
    async ({ url, range }) => {
      const response = await fetch(url, { headers: range ? { Range: range } : {}, cache: "no-store" });
      return {
        status: response.status,
        contentRange: response.headers.get("Content-Range"),
        acceptRanges: response.headers.get("Accept-Ranges"),
        bytes: Array.from(new Uint8Array(await response.arrayBuffer())),
      };
    },
    { url, range },
  );
}

describe("document list", () => {
  it("lists shared documents with details", async () => {
    const page = await newSannePage();
    const errors = collectPageErrors(page);
    await openPortalPage(page, "/documents");

    // The seed shares six of Sanne's documents and keeps a seventh unshared.
    expect(sharedDocuments).toHaveLength(6);
    const items = page.getByRole("main").getByRole("listitem");
    await expect(items.count()).resolves.toBe(sharedDocuments.length);
    await expect(items.getByRole("link").allTextContents()).resolves.toEqual(
      sharedDocuments.map((document) => document.fileName),
    );

    for (const [index, document] of sharedDocuments.entries()) {
      const text = await items.nth(index).textContent();
      expect(text, document.fileName).toContain(DUTCH_KIND_LABELS[document.kind] ?? `unknown kind ${document.kind}`);
      expect(text, document.fileName).toContain(dutchFileSize(document.sizeBytes));
      expect(text, document.fileName).toContain(`Gedeeld op ${dutchDate(document.sharedAt ?? 0)}`);

      if (document.acknowledgedAt !== null) {
        expect(text, document.fileName).toContain(`Bevestigd op ${dutchDate(document.acknowledgedAt)}`);
      } else if (document.acknowledgementRequestedAt !== null) {
        expect(text, document.fileName).toContain("Bevestiging gevraagd");
      } else {
        expect(text, document.fileName).not.toMatch(/Bevestig/);
      }
    }

    // The seed has one document of each acknowledgement state that the list shows.
    expect(treatmentPlan.acknowledgedAt).toBeNull();
    expect(sharedDocuments.filter((document) => document.acknowledgedAt !== null)).toHaveLength(1);

    const mainText = await page.getByRole("main").textContent();
    expect(mainText).not.toContain(DOCUMENTS.unsharedDraft.fileName);
    await expect(page.getByRole("link", { name: "Meer documenten laden" }).count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("document page", () => {
  it("records an acknowledgement", async () => {
    // axe-core needs a context that ignores the page's Content-Security-Policy.
    const page = await newSannePage({ bypassCSP: true });
    const errors = collectPageErrors(page);
    await openPortalPage(page, treatmentPlanPath);

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(DOCUMENTS.treatmentPlan.fileName);
    const button = page.getByRole("button", { name: "Ik heb dit document gelezen" });
    await expect(button.isVisible()).resolves.toBe(true);
    const withForm = await findAxeViolations(page);
    expect(withForm, describeViolations(withForm)).toEqual([]);

    await button.click();
    await page.waitForURL((url) => url.pathname === treatmentPlanPath && url.searchParams.get("acknowledged") === "1");

    const acknowledgedLabel = `Bevestigd op ${dutchDate(Date.now())}`;
    await expect(page.getByRole("status").textContent()).resolves.toBe(
      "Dank je wel. Je praktijk ziet dat je dit document hebt gelezen.",
    );
    await expect(page.getByText(acknowledgedLabel, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(button.count()).resolves.toBe(0);
    const withNotice = await findAxeViolations(page);
    expect(withNotice, describeViolations(withNotice)).toEqual([]);

    await page.reload();
    await expect(button.count()).resolves.toBe(0);
    await expect(page.getByText(acknowledgedLabel, { exact: true }).isVisible()).resolves.toBe(true);

    await openPortalPage(page, treatmentPlanPath);
    await expect(button.count()).resolves.toBe(0);
    await expect(page.getByRole("status").count()).resolves.toBe(0);
    await expect(page.getByText(acknowledgedLabel, { exact: true }).isVisible()).resolves.toBe(true);

    await openPortalPage(page, "/documents");
    const row = page.getByRole("listitem").filter({ hasText: DOCUMENTS.treatmentPlan.fileName });
    await expect(row.textContent()).resolves.toContain(acknowledgedLabel);
    await expect(page.getByText("Bevestiging gevraagd").count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("downloads under the original file name", async () => {
    const page = await newSannePage();
    const errors = collectPageErrors(page);
    await openPortalPage(page, treatmentPlanPath);

    const link = page.getByRole("link", { name: `${DOCUMENTS.treatmentPlan.fileName} downloaden` });
    const [clicked] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(clicked.suggestedFilename()).toBe(DOCUMENTS.treatmentPlan.fileName);
    const clickedBytes = await readDownload(clicked);
    expect(clickedBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(clickedBytes.length).toBe(treatmentPlan.sizeBytes);

    // Opened without the link's `download` attribute, only the Content-Disposition header names the file.
    const downloadUrl = await link.getAttribute("href");
    expect(downloadUrl).toBe(`${treatmentPlanFilePath}?download=1`);
    const [navigated] = await Promise.all([
      page.waitForEvent("download"),
      page.evaluate((url) => window.location.assign(url), downloadUrl ?? ""),
    ]);
    expect(navigated.suggestedFilename()).toBe(DOCUMENTS.treatmentPlan.fileName);
    expect((await readDownload(navigated)).equals(clickedBytes)).toBe(true);

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("answers byte ranges", async () => {
    const page = await newSannePage();
    await openPortalPage(page, treatmentPlanPath);

    const full = await fetchFromPage(page, treatmentPlanFilePath);
    expect(full.status).toBe(200);
    expect(full.acceptRanges).toBe("bytes");
    const size = treatmentPlan.sizeBytes;
    expect(size).toBeGreaterThan(200);
    expect(full.bytes).toHaveLength(size);
    expect(String.fromCharCode(...full.bytes.slice(0, 5))).toBe("%PDF-");

    const cases = [
      { range: "bytes=0-99", start: 0, end: 99 },
      { range: "bytes=-100", start: size - 100, end: size - 1 },
      { range: "bytes=100-", start: 100, end: size - 1 },
    ];
    for (const { range, start, end } of cases) {
      const partial = await fetchFromPage(page, treatmentPlanFilePath, range);
      expect(partial.status, range).toBe(206);
      expect(partial.contentRange, range).toBe(`bytes ${start}-${end}/${size}`);
      expect(partial.bytes, range).toEqual(full.bytes.slice(start, end + 1));
    }

    const beyondEnd = await fetchFromPage(page, treatmentPlanFilePath, "bytes=999999-");
    expect(beyondEnd.status).toBe(416);
    expect(beyondEnd.contentRange).toBe(`bytes */${size}`);
    expect(beyondEnd.bytes).toEqual([]);

    await page.context().close();
  });
});
