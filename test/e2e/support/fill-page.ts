import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Text of the save status after a successful save, with the time in the practice's time zone. */
export const SAVED_AT = /^Opgeslagen om \d{1,2}:\d{2}$/;

/** Returns the live region under the fill-in form that reports whether the answers are saved. */
export function saveStatus(page: Page): Locator {
  return page
    .locator("form", { has: page.getByRole("button", { name: "Versturen", exact: true }) })
    .getByRole("status");
}

/** Waits until the save status reads `expected` (the whole text, whitespace collapsed). */
export async function waitForSaveStatus(page: Page, expected: string | RegExp, timeoutMs = 10_000): Promise<void> {
  await expect
    .poll(async () => ((await saveStatus(page).textContent()) ?? "").replace(/\s+/g, " ").trim(), {
      message: `save status should become ${expected}`,
      timeout: timeoutMs,
    })
    .toMatch(expected instanceof RegExp ? expected : new RegExp(`^${escapeRegExp(expected)}$`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Leaves out of `errors` (from `collectPageErrors`) the console lines Chromium writes for requests
 * a test makes fail on purpose: a response with one of `statuses`, or an aborted request, to a URL
 * whose path ends with `pathSuffix`.
 */
export function withoutProvokedErrors(
  errors: string[],
  pathSuffix: string,
  provoked: { statuses?: number[]; aborted?: boolean },
): string[] {
  return errors.filter((line) => {
    const location = /^console error at (\S+):/.exec(line)?.[1];
    if (!location || !new URL(location).pathname.endsWith(pathSuffix)) return true;

    const status = /the server responded with a status of (\d{3})/.exec(line)?.[1];
    if (status && provoked.statuses?.includes(Number(status))) return false;
    return !(provoked.aborted && line.includes("net::ERR_FAILED"));
  });
}
