import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findCookie, launchChromium, newContext, practiceOrigin } from "./support/browser";
import { portalRequest } from "./support/http";
import { CLIENTS, DEMO_PRACTICE, dutchGreeting, ZONNEHUIS_PRACTICE } from "./support/seed";
import { confirmSignInLink, requestSignInMail, SESSION_COOKIE } from "./support/sign-in";

let browser: Browser;
const origin = practiceOrigin(ZONNEHUIS_PRACTICE.slug);

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** User agent of a link checker such as Microsoft Safe Links, which fetch every link in a mail. */
const SCANNER_HEADERS = { "User-Agent": "Mozilla/5.0 (compatible; link-scanner/1.0)", Accept: "text/html" };

describe("sign-in link opened by a mail scanner", () => {
  it("creates no session, keeps link usable", async () => {
    const client = CLIENTS.bram;
    const context = await newContext(browser);
    const page = await context.newPage();

    const mail = await requestSignInMail(page, origin, client.email);
    expect(mail.link.startsWith(`${origin}/login/link/`)).toBe(true);

    const head = await portalRequest(mail.link, { method: "HEAD", headers: SCANNER_HEADERS });
    expect(head.status).toBe(200);
    expect(head.setCookies.filter((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);

    const get = await portalRequest(mail.link, { headers: SCANNER_HEADERS });
    expect(get.status).toBe(200);
    expect(get.setCookies.filter((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
    expect(get.body).toContain("Inloggen bij Psychologenpraktijk Het Zonnehuis");

    await confirmSignInLink(page, mail.link, ZONNEHUIS_PRACTICE.name);
    expect(page.url()).toBe(`${origin}/dashboard`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      dutchGreeting(client.greetingName),
    );
    await expect(findCookie(context, origin, SESSION_COOKIE)).resolves.toBeDefined();

    // Cookies are host-only, so the session of Het Zonnehuis is not sent to another practice's host.
    const demoOrigin = practiceOrigin(DEMO_PRACTICE.slug);
    await expect(findCookie(context, demoOrigin, SESSION_COOKIE)).resolves.toBeUndefined();
    await page.goto(`${demoOrigin}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");

    await context.close();
  });
});
