import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { collectPageErrors, findCookie, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { executeSql } from "./support/database";
import { Inbox } from "./support/mail";
import { CLIENTS, DEMO_PRACTICE, dutchGreeting } from "./support/seed";
import { confirmSignInLink, requestSignInMail, SESSION_COOKIE, SIGN_IN_REQUEST_COOKIE } from "./support/sign-in";

let browser: Browser;
const origin = practiceOrigin(DEMO_PRACTICE.slug);

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("sign-in by email link", () => {
  it("signs in and out by link", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const client = CLIENTS.sanne;

    await page.goto(`${origin}/login`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Inloggen bij Praktijk De Linde");
    const mail = await requestSignInMail(page, origin, client.email, { openLoginPage: false });

    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Kijk in je mail");
    await expect(page.getByRole("status").textContent()).resolves.toContain(client.email);

    expect(mail.message.to.email).toBe(client.email);
    expect(mail.message.subject).toBe("Je inloglink voor Praktijk De Linde");
    expect(mail.message.fromName).toBe(DEMO_PRACTICE.name);
    expect(mail.message.text).toContain("Beste Sanne,");
    expect(mail.link.startsWith(`${origin}/login/link/`)).toBe(true);
    expect(mail.message.primaryLink).toBe(mail.link);
    expect(mail.message.html).toContain(mail.link);
    expect(mail.message.html).toContain(mail.code);

    await page.goto(mail.link);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Inloggen bij Praktijk De Linde");
    await expect(page.getByRole("main").textContent()).resolves.toContain(`in te loggen als ${client.email}`);
    await expect(page.getByRole("main").getByRole("button").count()).resolves.toBe(1);
    await expect(findCookie(context, origin, SESSION_COOKIE)).resolves.toBeUndefined();

    await page.getByRole("button", { name: "Inloggen bij Praktijk De Linde" }).click();
    await page.waitForURL(`${origin}/dashboard`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      dutchGreeting(client.greetingName),
    );

    const session = await findCookie(context, origin, SESSION_COOKIE);
    expect(session?.httpOnly).toBe(true);
    expect(session?.secure).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.path).toBe("/");
    expect(session?.domain).toBe(new URL(origin).hostname);
    await expect(findCookie(context, origin, SIGN_IN_REQUEST_COOKIE)).resolves.toBeUndefined();

    await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
    await page.waitForURL(`${origin}/login?signed_out=1`);
    await expect(page.getByRole("status").textContent()).resolves.toBe("Je bent uitgelogd.");
    await expect(findCookie(context, origin, SESSION_COOKIE)).resolves.toBeUndefined();

    await page.goto(`${origin}/dashboard`);
    expect(page.url()).toBe(`${origin}/login`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Inloggen bij Praktijk De Linde");

    expect(errors).toEqual([]);
    await context.close();
  });

  it("returns to the requested page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const client = CLIENTS.joelle;

    await page.goto(`${origin}/dashboard?x=1`);
    const loginUrl = new URL(page.url());
    expect(loginUrl.pathname).toBe("/login");
    expect(loginUrl.searchParams.get("next")).toBe("/dashboard?x=1");

    const mail = await requestSignInMail(page, origin, client.email, { openLoginPage: false });
    await confirmSignInLink(page, mail.link, DEMO_PRACTICE.name);

    expect(page.url()).toBe(`${origin}/dashboard?x=1`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      dutchGreeting(client.greetingName),
    );
    await context.close();
  });

  it("rejects a used link", async () => {
    const client = CLIENTS.fenna;
    const first = await newContext(browser);
    const firstTab = await first.newPage();
    const secondTab = await first.newPage();

    const mail = await requestSignInMail(firstTab, origin, client.email);
    await secondTab.goto(mail.link);
    await confirmSignInLink(firstTab, mail.link, DEMO_PRACTICE.name);
    expect(firstTab.url()).toBe(`${origin}/dashboard`);

    // The second tab still shows the confirm page of the link the first tab has just used.
    await secondTab.getByRole("button", { name: "Inloggen bij Praktijk De Linde" }).click();
    await secondTab.waitForLoadState();
    expect(new URL(secondTab.url()).pathname).toMatch(/^\/login\/link\//);
    await expect(secondTab.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Deze inloglink werkt niet meer",
    );
    await first.close();

    const other = await newContext(browser);
    const page = await other.newPage();
    const response = await page.goto(mail.link);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Deze inloglink werkt niet meer");
    await expect(page.getByRole("main").textContent()).resolves.toContain(
      "De link is al gebruikt. Elke link werkt één keer.",
    );
    await expect(page.getByLabel("E-mailadres").inputValue()).resolves.toBe(client.email);
    await expect(findCookie(other, origin, SESSION_COOKIE)).resolves.toBeUndefined();

    const newMail = await requestSignInMailFromOpenForm(page, client.email);
    expect(newMail.link).not.toBe(mail.link);
    await other.close();
  });

  it("rejects an expired link", async () => {
    const client = CLIENTS.sanne;
    const context = await newContext(browser);
    const page = await context.newPage();

    const mail = await requestSignInMail(page, origin, client.email);
    // Ages the client's newest request past its validity instead of waiting 30 minutes.
    await executeSql(
      `UPDATE sign_in_requests SET expires_at = unixepoch('now') * 1000 - 1000
       WHERE id = (SELECT id FROM sign_in_requests WHERE subject_id = '${client.id}' ORDER BY created_at DESC LIMIT 1)`,
    );

    const response = await page.goto(mail.link);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Deze inloglink werkt niet meer");
    await expect(page.getByRole("main").textContent()).resolves.toContain("De link is verlopen");
    await expect(page.getByLabel("E-mailadres").inputValue()).resolves.toBe(client.email);

    // The code of the same email has expired with it.
    await page.goto(`${origin}/login/check`);
    await page.getByLabel("Code van 6 cijfers").fill(mail.code);
    await page.getByRole("button", { name: "Inloggen met code" }).click();
    await page.waitForURL(`${origin}/login/check?error=attempts_exhausted`);
    await expect(findCookie(context, origin, SESSION_COOKIE)).resolves.toBeUndefined();

    await context.close();
  });
});

/** Presses "Send a new link" on the invalid-link page, whose form is already filled in. */
async function requestSignInMailFromOpenForm(page: Page, email: string) {
  const inbox = await Inbox.open(origin, email);
  await page.getByRole("button", { name: "Stuur een nieuwe link" }).click();
  await page.waitForURL(`${origin}/login/check`);
  return inbox.waitForSignInMail();
}
