import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { executeSql } from "./support/database";
import { waitForHydration } from "./support/hydration";
import { CLIENTS, DEMO_PRACTICE } from "./support/seed";
import { signInWithLink } from "./support/sign-in";

let browser: Browser;
const origin = practiceOrigin(DEMO_PRACTICE.slug);

/** The demo practice's client idle timeout (the default) and the warning the dialog gives before it. */
const IDLE_TIMEOUT_MINUTES = 30;
const WARNING_MINUTES = 2;
const MINUTES_UNTIL_WARNING = IDLE_TIMEOUT_MINUTES - WARNING_MINUTES;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Moves the page's fake clock on by `minutes` and waits for the session check that fires then. */
async function fastForwardToSessionCheck(page: Page, minutes: number) {
  const check = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/session");
  await page.clock.fastForward(minutes * 60_000);
  await check;
}

async function readSessionStatus(page: Page) {
  return page.evaluate(async () => {
    const response = await fetch("/api/session", { headers: { Accept: "application/json" } });
    return (await response.json()) as { idleExpiresInSeconds: number; expiresInSeconds: number };
  });
}

describe("idle warning dialog", () => {
  it("warns before idle timeout and renews", async () => {
    const client = CLIENTS.fenna;
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInWithLink(page, origin, client.email, DEMO_PRACTICE.name);

    await page.clock.install();
    await page.goto(`${origin}/dashboard`);
    await waitForHydration(page);
    const dialog = page.getByRole("dialog", { name: "Je wordt zo uitgelogd" });

    await page.clock.fastForward((MINUTES_UNTIL_WARNING - 1) * 60_000);
    await expect(dialog.isVisible()).resolves.toBe(false);

    // The server still reports a fresh session (as after activity in another tab), so no warning.
    await fastForwardToSessionCheck(page, 1);
    await expect(dialog.isVisible()).resolves.toBe(false);

    // The server's session now ends in 100 seconds, as after 28+ minutes without activity.
    await executeSql(
      `UPDATE sessions SET idle_expires_at = unixepoch('now') * 1000 + 100000 WHERE subject_id = '${client.id}'`,
    );
    await fastForwardToSessionCheck(page, MINUTES_UNTIL_WARNING);
    await dialog.waitFor({ state: "visible" });
    await expect(dialog.textContent()).resolves.toMatch(/over 1:\d\d uitgelogd/);
    const beforeRenewal = await readSessionStatus(page);
    expect(beforeRenewal.idleExpiresInSeconds).toBeLessThanOrEqual(100);

    const extend = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/session/extend");
    await dialog.getByRole("button", { name: "Ingelogd blijven" }).click();
    expect((await extend).status()).toBe(200);
    await dialog.waitFor({ state: "hidden" });

    const renewed = await readSessionStatus(page);
    expect(renewed.idleExpiresInSeconds).toBeGreaterThan((IDLE_TIMEOUT_MINUTES - 1) * 60);
    expect(errors).toEqual([]);
    await context.close();
  });
});
