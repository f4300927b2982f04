import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  type AxeViolation,
  describeViolations,
  findAxeViolations,
  launchChromium,
  newContext,
  practiceOrigin,
} from "./support/browser";
import type { SignInMail } from "./support/mail";
import { CLIENTS, DEMO_PRACTICE } from "./support/seed";
import { confirmSignInLink, requestSignInMail } from "./support/sign-in";

let browser: Browser;
/** An unused sign-in link, whose confirm page every locale's check opens without redeeming it. */
let unusedMail: SignInMail;
const origin = practiceOrigin(DEMO_PRACTICE.slug);

/** A link token that was never issued: 32 base32 characters like a real one. */
const UNKNOWN_LINK_PATH = "/login/link/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

beforeAll(async () => {
  browser = await launchChromium();

  const context = await newContext(browser);
  unusedMail = await requestSignInMail(await context.newPage(), origin, CLIENTS.sanne.email);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a context in which axe-core can be injected despite the pages' Content-Security-Policy. */
function newAxeContext(): Promise<BrowserContext> {
  return newContext(browser, { bypassCSP: true });
}

/** Runs axe on the open page and records its violations under `label`. */
async function checkPage(page: Page, label: string, report: Map<string, AxeViolation[]>) {
  const violations = await findAxeViolations(page);
  if (violations.length > 0) report.set(label, violations);
}

function describeReport(report: Map<string, AxeViolation[]>): string {
  return [...report.entries()].map(([label, violations]) => `${label}:\n${describeViolations(violations)}`).join("\n");
}

describe("accessibility (axe-core)", () => {
  it.each(["nl", "en"] as const)("finds no violations on sign-in pages (%s)", async (locale) => {
    const context = await newAxeContext();
    const page = await context.newPage();
    const report = new Map<string, AxeViolation[]>();

    await page.goto(`${origin}/login?lang=${locale}`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(locale);
    await checkPage(page, "/login", report);

    await page.getByRole("textbox").fill("not-a-client@example.nl");
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL(`${origin}/login/check`);
    await checkPage(page, "/login/check", report);

    await page.goto(`${origin}/login/check?error=wrong_code`);
    await checkPage(page, "/login/check with a wrong code", report);

    await page.goto(`${origin}/login`);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await expect(page.locator("#email-error").count()).resolves.toBe(1);
    await checkPage(page, "/login with an invalid address", report);

    await page.goto(unusedMail.link);
    await expect(page.locator("main form button").count()).resolves.toBe(1);
    await checkPage(page, "link confirm page", report);

    await page.goto(`${origin}${UNKNOWN_LINK_PATH}`);
    await expect(page.locator("#email").count()).resolves.toBe(1);
    await checkPage(page, "invalid link page", report);

    expect(report.size, describeReport(report)).toBe(0);
    await context.close();
  });

  it("finds no violations on the overview", async () => {
    const context = await newAxeContext();
    const page = await context.newPage();
    const report = new Map<string, AxeViolation[]>();

    const mail = await requestSignInMail(page, origin, CLIENTS.daan.email);
    await confirmSignInLink(page, mail.link, DEMO_PRACTICE.name);
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await checkPage(page, "/dashboard", report);

    expect(report.size, describeReport(report)).toBe(0);
    await context.close();
  });
});
