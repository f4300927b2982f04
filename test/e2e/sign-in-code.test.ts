import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, findCookie, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { CLIENTS, DEMO_PRACTICE, englishGreeting } from "./support/seed";
import { requestSignInMail, SESSION_COOKIE, SIGN_IN_REQUEST_COOKIE } from "./support/sign-in";

let browser: Browser;
const origin = practiceOrigin(DEMO_PRACTICE.slug);

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Returns a 6-digit code that differs from `code`. */
function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

describe("sign-in by code", () => {
  it("works only in the requesting browser", async () => {
    const client = CLIENTS.daan;
    const requester = await newContext(browser);
    const requesterPage = await requester.newPage();
    const errors = collectPageErrors(requesterPage);

    const mail = await requestSignInMail(requesterPage, origin, client.email);
    expect(mail.message.subject).toBe("Your sign-in link for Praktijk De Linde");
    await expect(findCookie(requester, origin, SIGN_IN_REQUEST_COOKIE)).resolves.toBeDefined();

    const stranger = await newContext(browser);
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`${origin}/login/check`);
    await strangerPage.getByLabel("Code van 6 cijfers").fill(mail.code);
    await strangerPage.getByRole("button", { name: "Inloggen met code" }).click();
    await strangerPage.waitForURL(`${origin}/login/check?error=no_request`);
    await expect(strangerPage.locator("#code-error").textContent()).resolves.toContain(
      "In deze browser is geen inlogmail aangevraagd",
    );
    await expect(findCookie(stranger, origin, SESSION_COOKIE)).resolves.toBeUndefined();
    await strangerPage.goto(`${origin}/dashboard`);
    expect(new URL(strangerPage.url()).pathname).toBe("/login");

    await requesterPage.getByLabel("Code van 6 cijfers").fill(otherCode(mail.code));
    await requesterPage.getByRole("button", { name: "Inloggen met code" }).click();
    await requesterPage.waitForURL(`${origin}/login/check?error=wrong_code`);
    await expect(requesterPage.locator("#code-error").textContent()).resolves.toContain("Die code klopt niet");
    await expect(requesterPage.getByLabel("Code van 6 cijfers").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(findCookie(requester, origin, SESSION_COOKIE)).resolves.toBeUndefined();

    // Typed with a space in the middle, as people copy it from the email.
    await requesterPage.getByLabel("Code van 6 cijfers").fill(`${mail.code.slice(0, 3)} ${mail.code.slice(3)}`);
    await requesterPage.getByRole("button", { name: "Inloggen met code" }).click();
    await requesterPage.waitForURL(`${origin}/dashboard`);
    await expect(requesterPage.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      englishGreeting(client.greetingName),
    );
    await expect(findCookie(requester, origin, SESSION_COOKIE)).resolves.toBeDefined();
    await expect(findCookie(requester, origin, SIGN_IN_REQUEST_COOKIE)).resolves.toBeUndefined();
    expect(errors).toEqual([]);

    // The code and the link redeem one sign-in request, so the link is used up as well.
    await strangerPage.goto(mail.link);
    await expect(strangerPage.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Deze inloglink werkt niet meer",
    );

    await requester.close();
    await stranger.close();
  });
});
