import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type AxeViolation, describeViolations, findAxeViolations, launchChromium } from "./support/browser";
import { waitForHydration } from "./support/hydration";
import { measureHorizontalFit } from "./support/layout";
import { CLIENTS, DOCUMENTS } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The portal pages per language. A client's own language setting decides over the language
 * switch, so Sanne (Dutch) always gets Dutch pages. Joëlle has no setting of her own, so `?lang=en` on
 * her first page sets the cookie that makes every later page English. She cannot open Sanne's
 * treatment plan, so her English document page is her own PDF.
 */
const PORTAL_PAGES = {
  nl: {
    client: CLIENTS.sanne,
    firstPath: "/dashboard",
    documentsHeading: "Documenten",
    paths: ["/dashboard", "/forms", "/documents", `/documents/${DOCUMENTS.treatmentPlan.id}`],
  },
  en: {
    client: CLIENTS.joelle,
    firstPath: "/dashboard?lang=en",
    documentsHeading: "Documents",
    paths: ["/dashboard", "/forms", "/documents", `/documents/${DOCUMENTS.joelleWelcome.id}`],
  },
} as const;

type Language = keyof typeof PORTAL_PAGES;

/**
 * Opens a page with the language's client signed in, on the language's first page so that the
 * language is chosen before the pages under test.
 */
async function openInLanguage(language: Language, options: BrowserContextOptions = {}): Promise<Page> {
  const { client, firstPath, documentsHeading } = PORTAL_PAGES[language];
  const context = await newSignedInContext(browser, client, options);
  const page = await context.newPage();

  await openPortalPage(page, firstPath);
  await openPortalPage(page, "/documents");
  await expect(page.locator("html").getAttribute("lang")).resolves.toBe(language);
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(documentsHeading);
  return page;
}

describe("portal pages with axe-core", () => {
  it.each(["nl", "en"] as const)("find no violations (%s)", async (language) => {
    // axe-core is injected into the page, which only a context ignoring the page's CSP allows.
    const page = await openInLanguage(language, { bypassCSP: true });
    const report = new Map<string, AxeViolation[]>();

    for (const path of PORTAL_PAGES[language].paths) {
      await openPortalPage(page, path);
      await waitForHydration(page);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(language);

      const violations = await findAxeViolations(page);
      if (violations.length > 0) report.set(path, violations);
    }

    const description = [...report.entries()]
      .map(([path, violations]) => `${path}:\n${describeViolations(violations)}`)
      .join("\n");
    expect(report.size, description).toBe(0);
    await page.context().close();
  });
});

describe("portal pages on a 320 px wide screen", () => {
  // 320 CSS px is the width of a small phone, and of a 1280 px window zoomed to 400 %.
  it.each(["nl", "en"] as const)("need no horizontal scrolling (%s)", async (language) => {
    const page = await openInLanguage(language, { viewport: { width: 320, height: 640 } });

    for (const path of PORTAL_PAGES[language].paths) {
      await openPortalPage(page, path);
      await waitForHydration(page);

      const fit = await measureHorizontalFit(page);
      expect(fit.viewportWidth, path).toBe(320);
      expect(fit.scrollWidth, `${path} scrolls sideways`).toBeLessThanOrEqual(320);
      expect(fit.overflowingElements, `${path} has elements beyond the right edge`).toEqual([]);
    }

    await page.context().close();
  });
});
