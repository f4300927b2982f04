import { expect } from "vitest";

import { TestBrowser } from "./browser";
import { latestSignInMail } from "./mail";

/** Requests a sign-in email in `browser` and returns the mail that arrived. */
export async function requestSignIn(browser: TestBrowser, email: string, next?: string) {
  const form: Record<string, string> = { email };
  if (next) form.next = next;

  const response = await browser.post("/login", form);
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/login/check");
  return latestSignInMail(email);
}

/** Signs `email` in through the link and returns the browser holding the session. */
export async function signInWithLink(host: string, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(host);
  const mail = await requestSignIn(browser, email);

  const response = await browser.post(mail.linkPath);
  expect(response.status).toBe(303);
  expect(browser.cookies.has("__Host-veranda_session")).toBe(true);
  return browser;
}
