import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Locale } from "../../src/lib/i18n/locales";
import { type MessageKey, translate } from "../../src/lib/i18n/translate";
import {
  type AxeViolation,
  collectPageErrors,
  describeViolations,
  findAxeViolations,
  launchChromium,
  newContext,
} from "./support/browser";
import { type ConsoleVisit, checkConsolePages, describeReport } from "./support/console-pages";
import {
  confirmStaffSignInLink,
  consoleOrigin,
  requestStaffSignInMail,
  STAFF,
  saveStaffSession,
  setStaffLocale,
  staffStorageState,
} from "./support/console-session";
import { CLIENTS } from "./support/seed";

// axe-core on the console pages in Dutch and English. Eva (Admin) is Dutch and may open every
// page. Ilse (Secretary) is English but may only work with clients, so for the other pages Eva's
// own language is set to English for one test. A staff member's own language wins over the
// language switch, so `?lang=en` alone would leave Eva's pages in Dutch.

let browser: Browser;
const origin = consoleOrigin();

/**
 * Sanne of the demo seed has shared and unshared documents and pending and completed
 * questionnaires, so her page shows both tables. The checks only read her page.
 */
const CLIENT_WITH_CONTENT = CLIENTS.sanne.id;
const CLIENT_PAGE = `/practice/clients/${CLIENT_WITH_CONTENT}`;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Fills the client search with `query`, submits it and waits for the results. */
function searchClients(query: string) {
  return async (page: Page) => {
    await page.getByRole("search").getByRole("searchbox").fill(query);
    await page.getByRole("search").getByRole("button").click();
    await page.waitForURL((url) => url.searchParams.get("q") === query);
    await expect(page.locator("main table tbody tr").count()).resolves.toBeGreaterThan(0);
  };
}

/** Submits the empty new-client form, which shows the form again with an error beside each required field. */
async function submitEmptyClientForm(page: Page) {
  await page.locator('main form[action="/practice/clients/new"] button[type="submit"]').click();
  await page.waitForLoadState();
  await expect(page.locator('main [aria-invalid="true"]').count()).resolves.toBeGreaterThanOrEqual(3);
}

/** Checks that the client page shows both the documents and the questionnaires table. */
async function expectClientContent(page: Page) {
  await expect(page.locator("#documents tr[data-document-id]").count()).resolves.toBeGreaterThan(0);
  await expect(page.locator("#questionnaires tr[data-assignment-id]").count()).resolves.toBeGreaterThan(0);
}

/** The pages of client work, which both Eva and Ilse may open. */
const CLIENT_PAGES: ConsoleVisit[] = [
  { label: "client list", path: "/practice/clients" },
  { label: "client search", path: "/practice/clients", prepare: searchClients("de") },
  { label: "new client", path: "/practice/clients/new" },
  { label: "new client with errors", path: "/practice/clients/new", prepare: submitEmptyClientForm },
  { label: "client page", path: CLIENT_PAGE, prepare: expectClientContent },
];

/** The pages that need more than client work: library, staff, roles, settings and audit log. */
const ADMIN_PAGES: ConsoleVisit[] = [
  { label: "questionnaire library", path: "/practice/questionnaires" },
  { label: "questionnaire", path: "/practice/questionnaires/qst_demo_phq9_nl" },
  { label: "questionnaire import", path: "/practice/questionnaires/import" },
  { label: "staff", path: "/practice/staff" },
  { label: "staff member", path: "/practice/staff/stf_koen" },
  { label: "roles", path: "/practice/roles" },
  { label: "new role", path: "/practice/roles/new" },
  { label: "settings", path: "/practice/settings" },
  { label: "audit log", path: "/practice/audit" },
  { label: "audit log of a client", path: `/practice/audit?client=${CLIENT_WITH_CONTENT}` },
];

/** Runs axe on the open page and records its violations under `label`. */
async function checkOpenPage(page: Page, label: string, report: Map<string, AxeViolation[]>) {
  const violations = await findAxeViolations(page);
  if (violations.length > 0) report.set(label, violations);
}

function describeViolationMap(report: Map<string, AxeViolation[]>): string {
  return [...report.entries()].map(([label, violations]) => `${label}:\n${describeViolations(violations)}`).join("\n");
}

describe("console accessibility (axe-core)", () => {
  it("passes on the sign-in pages in both languages", async () => {
    const context = await newContext(browser, { bypassCSP: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const report = new Map<string, AxeViolation[]>();
    const text = (locale: Locale, key: MessageKey) => translate(locale, key);

    for (const locale of ["nl", "en"] as const) {
      await page.goto(`${origin}/practice/login?lang=${locale}`);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
      await checkOpenPage(page, `/practice/login (${locale})`, report);

      await page.getByRole("button", { name: text(locale, "login.submit") }).click();
      await expect(page.locator("#email-error").count()).resolves.toBe(1);
      await checkOpenPage(page, `/practice/login with an invalid address (${locale})`, report);
    }

    // One sign-in email for Ilse shows the check page, which the language switch then shows in Dutch.
    const mail = await requestStaffSignInMail(page, STAFF.ilse, "?lang=en");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await checkOpenPage(page, "/practice/login/check (en)", report);
    await page.goto(`${origin}/practice/login/check?lang=nl`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(text("nl", "check.title"));
    await checkOpenPage(page, "/practice/login/check (nl)", report);
    await page.goto(`${origin}/practice/login/check?error=wrong_code`);
    await expect(page.locator("#code-error").count()).resolves.toBe(1);
    await checkOpenPage(page, "/practice/login/check with a wrong code (nl)", report);

    await page.goto(`${mail.link}?lang=en`);
    await checkOpenPage(page, "link confirm page (en)", report);
    await confirmStaffSignInLink(page, mail.link);
    await saveStaffSession(context, STAFF.ilse);

    expect(describeViolationMap(report)).toBe("");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("passes on every console page in Dutch", async () => {
    const report = await checkConsolePages(browser, await staffStorageState(browser, STAFF.eva), "nl", [
      ...CLIENT_PAGES,
      ...ADMIN_PAGES,
    ]);

    expect(describeReport(report)).toBe("");
    expect(report.errors).toEqual([]);
  });

  it("passes on the client pages in English", async () => {
    const report = await checkConsolePages(browser, await staffStorageState(browser, STAFF.ilse), "en", [
      ...CLIENT_PAGES,
      // Ilse may not open the audit log: the page that says so must be accessible too.
      { label: "no permission", path: "/practice/audit", status: 403 },
    ]);

    expect(describeReport(report)).toBe("");
    expect(report.errors).toEqual([]);
  });

  it("passes on the admin pages in English", async () => {
    await setStaffLocale(STAFF.eva, "en");
    try {
      const report = await checkConsolePages(browser, await staffStorageState(browser, STAFF.eva), "en", [
        ...ADMIN_PAGES,
        { label: "client page with upload and assign forms", path: CLIENT_PAGE, prepare: expectClientContent },
      ]);

      expect(describeReport(report)).toBe("");
      expect(report.errors).toEqual([]);
    } finally {
      await setStaffLocale(STAFF.eva, STAFF.eva.locale);
    }
  });
});
