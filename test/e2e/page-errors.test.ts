import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { waitForHydration } from "./support/hydration";
import type { SignInMail } from "./support/mail";
import { CLIENTS, DEMO_PRACTICE, ZONNEHUIS_PRACTICE } from "./support/seed";
import { confirmSignInLink, requestSignInMail } from "./support/sign-in";

let browser: Browser;
/** An unused sign-in link, whose confirm page each locale's check opens without redeeming it. */
let unusedMail: SignInMail;
const origin = practiceOrigin(DEMO_PRACTICE.slug);

beforeAll(async () => {
  browser = await launchChromium();

  const context = await newContext(browser);
  unusedMail = await requestSignInMail(await context.newPage(), origin, CLIENTS.joelle.email);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
});

describe("pages without errors", () => {
  it.each(["nl", "en"] as const)("logs no errors on sign-in pages (%s)", async (locale) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await page.goto(`${origin}/login?lang=${locale}`);
    await page.getByRole("textbox").fill("not-a-client@example.nl");
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL(`${origin}/login/check`);
    await page.goto(`${origin}/login/check?error=wrong_code`);
    await page.goto(unusedMail.link);
    await expect(page.locator("main form button").count()).resolves.toBe(1);
    await page.goto(`${origin}/login/link/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`);
    await expect(page.locator("#email").count()).resolves.toBe(1);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("logs no errors on the hydrated overview", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    await confirmSignInLink(page, unusedMail.link, DEMO_PRACTICE.name);
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await waitForHydration(page);
    await page.waitForLoadState("networkidle");

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("content security policy", () => {
  it("blocks inline script, hydrates islands", async () => {
    const zonnehuis = practiceOrigin(ZONNEHUIS_PRACTICE.slug);
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);

    const mail = await requestSignInMail(page, zonnehuis, CLIENTS.bram.email);
    await page.goto(mail.link);
    const [response] = await Promise.all([
      page.waitForResponse(`${zonnehuis}/dashboard`),
      page.getByRole("button", { name: `Inloggen bij ${ZONNEHUIS_PRACTICE.name}` }).click(),
    ]);
    const policy = response.headers()["content-security-policy"] ?? "";
    expect(policy).toMatch(/(^|;)\s*script-src 'self'/);
    expect(policy).toContain("frame-ancestors 'none'");

    await waitForHydration(page);
    expect(errors).toEqual([]);

    const inlineScriptRan = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.documentElement.dataset.inlineScriptRan = 'yes'";
      document.head.appendChild(script);
      return document.documentElement.dataset.inlineScriptRan === "yes";
    });
    expect(inlineScriptRan).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Content Security Policy");

    await context.close();
  });
});
