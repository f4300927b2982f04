import type { Page } from "playwright-core";
import { expect } from "vitest";

import type { MessageKey } from "../../../src/lib/i18n/translate";
import { translate } from "../../../src/lib/i18n/translate";
import { Inbox, type SignInMail } from "./mail";

/** Cookie names the portal sets; the browser only accepts `__Host-` cookies with Secure and Path=/. */
export const SESSION_COOKIE = "__Host-veranda_session";
export const SIGN_IN_REQUEST_COOKIE = "__Host-veranda_sign_in";
export const LOCALE_COOKIE = "veranda_lang";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Matches the text of `key` in Dutch or English, for helpers that work on a page in either
 * language. Tests that check the language itself compare with one language's text instead.
 */
export function inEitherLanguage(key: MessageKey, params?: Record<string, string | number>): RegExp {
  return new RegExp(`^(${escapeRegExp(translate("nl", key, params))}|${escapeRegExp(translate("en", key, params))})$`);
}

/**
 * Requests a sign-in email for `email` through the form on `{origin}/login` (or the page already
 * open when `openLoginPage` is false), waits for the "check your email" page, and returns the
 * email that arrived.
 */
export async function requestSignInMail(
  page: Page,
  origin: string,
  email: string,
  options: { openLoginPage?: boolean } = {},
): Promise<SignInMail> {
  const inbox = await Inbox.open(origin, email);

  if (options.openLoginPage ?? true) await page.goto(`${origin}/login`);
  await page.getByLabel(inEitherLanguage("login.email_label")).fill(email);
  await page.getByRole("button", { name: inEitherLanguage("login.submit") }).click();
  await page.waitForURL(`${origin}/login/check`);

  return inbox.waitForSignInMail();
}

/** Opens a sign-in link and presses the confirm page's button, which redeems it. */
export async function confirmSignInLink(page: Page, link: string, practiceName: string): Promise<void> {
  await page.goto(link);
  await page.getByRole("button", { name: inEitherLanguage("link.confirm_submit", { practice: practiceName }) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Signs in through the email link, as a client who requests it and clicks it in the same browser. */
export async function signInWithLink(page: Page, origin: string, email: string, practiceName: string) {
  const mail = await requestSignInMail(page, origin, email);
  await confirmSignInLink(page, mail.link, practiceName);
  expect(new URL(page.url()).pathname).toBe("/dashboard");
  return mail;
}
