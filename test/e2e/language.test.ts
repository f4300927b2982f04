import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findCookie, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { DEMO_PRACTICE } from "./support/seed";
import { LOCALE_COOKIE } from "./support/sign-in";

let browser: Browser;
const origin = practiceOrigin(DEMO_PRACTICE.slug);

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("language switch", () => {
  it("switches sign-in pages to English and back", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    await page.goto(`${origin}/login`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("nl");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Inloggen bij Praktijk De Linde");

    await page.getByRole("navigation", { name: "Taal" }).getByRole("link", { name: "English" }).click();
    await page.waitForURL(`${origin}/login?lang=en`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Sign in to Praktijk De Linde");
    await expect(page.getByRole("link", { name: "English" }).getAttribute("aria-current")).resolves.toBe("true");
    await expect(findCookie(context, origin, LOCALE_COOKIE).then((cookie) => cookie?.value)).resolves.toBe("en");

    // An address without portal access gets the same page as a client, and leaves the clients'
    // throttles alone.
    await page.getByLabel("Email address").fill("not-a-client@example.nl");
    await page.getByRole("button", { name: "Send sign-in email" }).click();
    await page.waitForURL(`${origin}/login/check`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Check your email");
    await expect(page.getByLabel("6-digit code").count()).resolves.toBe(1);
    await expect(page.getByRole("status").textContent()).resolves.toContain("not-a-client@example.nl");

    await page.goto(`${origin}/login`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    await page.getByRole("link", { name: "Nederlands" }).click();
    await page.waitForURL(`${origin}/login?lang=nl`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("nl");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Inloggen bij Praktijk De Linde");

    await context.close();
  });
});
