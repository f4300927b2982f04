import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GAD7_EN } from "../../src/lib/questionnaires";
import {
  type AxeViolation,
  collectPageErrors,
  describeViolations,
  findAxeViolations,
  launchChromium,
} from "./support/browser";
import { executeSql } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { assignSql, importOrThrow } from "./support/questionnaire-data";
import { fillQuestionnaire } from "./support/questionnaire-filler";
import { CLIENTS } from "./support/seed";
import { newSignedInContext, openPortalPage } from "./support/session";

let browser: Browser;

/**
 * Daan's questionnaires, which the demo seed does not assign: the built-in English PHQ-9 to look
 * at, and the English GAD-7 to fill in and submit so that his read-only page has answers.
 */
const DAAN_PHQ9 = "asg_e2e_daan_phq9";
const DAAN_GAD7 = "asg_e2e_daan_gad7";

/**
 * The fill-in pages per language. A client's own language decides the page language: Sanne is
 * Dutch, Daan English. Sanne's forms are only looked at, never saved, because other tests count
 * her questionnaires.
 */
const LANGUAGES = {
  nl: {
    client: CLIENTS.sanne,
    pendingId: "asg_demo_overdue",
    completedId: "asg_demo_completed",
    submitLabel: "Versturen",
    summaryHeading: "Er zijn 2 problemen met je antwoorden",
  },
  en: {
    client: CLIENTS.daan,
    pendingId: DAAN_PHQ9,
    completedId: DAAN_GAD7,
    submitLabel: "Submit",
    summaryHeading: "There are 9 problems with your answers",
  },
} as const;

beforeAll(async () => {
  browser = await launchChromium();
  await executeSql(
    assignSql([
      { id: DAAN_PHQ9, clientId: CLIENTS.daan.id, versionId: "qst_demo_phq9_en_v1" },
      { id: DAAN_GAD7, clientId: CLIENTS.daan.id, versionId: "qst_demo_gad7_en_v1" },
    ]),
  );
});

afterAll(async () => {
  await browser?.close();
});

/** Runs axe on the open page and records its violations under `label`. */
async function checkPage(page: Page, label: string, report: Map<string, AxeViolation[]>) {
  const violations = await findAxeViolations(page);
  if (violations.length > 0) report.set(label, violations);
}

describe("questionnaire pages with axe-core", () => {
  it.each(["nl", "en"] as const)("find no violations (%s)", async (language) => {
    const { client, pendingId, completedId, submitLabel, summaryHeading } = LANGUAGES[language];
    // axe-core is injected into the page, which only a context ignoring the page's CSP allows.
    const context = await newSignedInContext(browser, client, { bypassCSP: true });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const report = new Map<string, AxeViolation[]>();

    await openPortalPage(page, `/forms/${pendingId}`);
    await waitForHydration(page);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(language);
    await checkPage(page, "fill-in page", report);

    await page.getByRole("button", { name: submitLabel, exact: true }).click();
    const summary = page.getByRole("alert");
    await summary.waitFor({ state: "visible" });
    await expect(summary.getByRole("heading", { level: 2 }).textContent()).resolves.toBe(summaryHeading);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("role"))).resolves.toBe("alert");
    await checkPage(page, "fill-in page with an error summary", report);

    await openPortalPage(page, `/forms/${completedId}`);
    if (language === "en") {
      await waitForHydration(page);
      await fillQuestionnaire(page, importOrThrow(JSON.stringify(GAD7_EN)), "en");
      await page.getByRole("button", { name: submitLabel, exact: true }).click();
      await page.waitForURL((url) => url.search === "?submitted=1");
    }
    await expect(page.getByRole("definition").count()).resolves.toBeGreaterThan(0);
    await checkPage(page, "read-only completed page", report);

    const description = [...report.entries()]
      .map(([label, violations]) => `${label}:\n${describeViolations(violations)}`)
      .join("\n");
    expect(report.size, description).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
