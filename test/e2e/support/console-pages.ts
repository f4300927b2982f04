import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";

import { type AxeViolation, collectPageErrors, describeViolations, findAxeViolations, newContext } from "./browser";
import { waitForIslands } from "./console-data";
import { openConsolePage } from "./console-session";

/** One console page to check, and how to bring it into the state the check is about. */
export interface ConsoleVisit {
  /** Names the page in a failure message. */
  label: string;
  path: string;
  /** Expected status of the GET, 200 by default. */
  status?: number;
  /** Runs after the page loaded, such as submitting a form to show its errors. */
  prepare?: (page: Page) => Promise<void>;
}

/** What the checks of a list of pages found: axe violations by page, and console errors and exceptions. */
export interface ConsoleReport {
  violations: Map<string, AxeViolation[]>;
  errors: string[];
}

/** Opens a visit's page, prepares it and waits until its islands hydrated. */
async function openVisit(page: Page, visit: ConsoleVisit, locale: "nl" | "en") {
  await openConsolePage(page, visit.path, visit.status);
  if (visit.prepare) await visit.prepare(page);
  await waitForIslands(page);
  await expect(page.locator("html").getAttribute("lang"), `${visit.label}: page language`).resolves.toBe(locale);
}

/**
 * Opens every page twice with the session in `storageState`: once in a context that ignores the
 * Content-Security-Policy, where axe-core runs, and once in an ordinary context, whose console
 * errors and uncaught exceptions are collected (with the CSP bypassed, a blocked script would go
 * unnoticed). Each page must be in `locale`.
 */
export async function checkConsolePages(
  browser: Browser,
  storageState: string,
  locale: "nl" | "en",
  visits: ConsoleVisit[],
): Promise<ConsoleReport> {
  const axeContext = await newContext(browser, { bypassCSP: true, storageState });
  const plainContext = await newContext(browser, { storageState });
  const axePage = await axeContext.newPage();
  const plainPage = await plainContext.newPage();
  const errors = collectPageErrors(plainPage);
  const violations = new Map<string, AxeViolation[]>();

  try {
    for (const visit of visits) {
      const axeCheck = openVisit(axePage, visit, locale).then(() => findAxeViolations(axePage));
      const [found] = await Promise.all([axeCheck, openVisit(plainPage, visit, locale)]);
      if (found.length > 0) violations.set(`${visit.label} (${visit.path})`, found);
    }
  } finally {
    await axeContext.close();
    await plainContext.close();
  }

  return { violations, errors };
}

/** Formats the axe violations of a report per page, for a failure message. */
export function describeReport(report: ConsoleReport): string {
  return [...report.violations.entries()]
    .map(([label, violations]) => `${label}:\n${describeViolations(violations)}`)
    .join("\n");
}
