import type { Page } from "playwright-core";

/** Waits until every island on the page has hydrated (Astro removes `ssr` from each when it has). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("astro-island").length > 0);
  await page.waitForFunction(() => document.querySelectorAll("astro-island[ssr]").length === 0);
}
