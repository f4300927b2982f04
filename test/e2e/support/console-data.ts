import type { Locator, Page } from "playwright-core";

/** The demo practice's time zone, which decides "today" for due dates. */
const PRACTICE_TIME_ZONE = "Europe/Amsterdam";
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/**
 * Returns the calendar date `offsetDays` from today in the practice's time zone, as `YYYY-MM-DD`.
 * A test running across midnight in Amsterdam can see two different days.
 */
export function practiceDate(offsetDays = 0): string {
  // The en-CA locale formats a date as YYYY-MM-DD.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: PRACTICE_TIME_ZONE }).format(new Date());
  const noon = Date.parse(`${today}T12:00:00Z`) + offsetDays * MS_PER_DAY;
  return new Date(noon).toISOString().slice(0, 10);
}

/** One row of the console's audit log table, its cells as shown. */
export interface AuditLogRow {
  when: string;
  who: string;
  what: string;
  record: string;
}

/** Reads the rows of the audit log table on an open /practice/audit page, newest first. */
export function readAuditLog(page: Page): Promise<AuditLogRow[]> {
  return page.locator("main table tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")].map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim());
      return { when: cells[0] ?? "", who: cells[1] ?? "", what: cells[2] ?? "", record: cells[3] ?? "" };
    }),
  );
}

/** Returns the text of an element with its whitespace collapsed, as a reader sees it in one line. */
export async function readText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Waits until every island on the page has hydrated. Unlike `waitForHydration` it also returns on
 * a page without islands, such as a console page the staff member may only read.
 */
export async function waitForIslands(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("astro-island[ssr]").length === 0);
}
