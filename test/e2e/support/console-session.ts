import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect, inject } from "vitest";

import { newContext, practiceOrigin } from "./browser";
import { executeSql } from "./database";
import { Inbox, type SignInMail } from "./mail";
import { sqlString } from "./portal-data";
import { DEMO_PRACTICE } from "./seed";
import { inEitherLanguage } from "./sign-in";

/** A staff member of the demo seed (db/seed/demo.sql) who signs in to the console. */
export interface ConsoleStaff {
  id: string;
  email: string;
  name: string;
  /** The staff member's own language, which wins over the language switch. */
  locale: "nl" | "en";
}

export const STAFF = {
  /** Admin: holds every permission. */
  eva: { id: "stf_eva", email: "eva@praktijkdelinde.example", name: "Eva Mulder", locale: "nl" },
  /**
   * Secretary: may read, create and update clients and manage portal access, but not share
   * documents, assign questionnaires or open the library, staff, roles, settings or audit log.
   */
  ilse: { id: "stf_ilse", email: "ilse@praktijkdelinde.example", name: "Ilse Verbeek", locale: "en" },
} as const satisfies Record<string, ConsoleStaff>;

/** Returns the origin of the demo practice, where the console lives under /practice. */
export function consoleOrigin(): string {
  return practiceOrigin(DEMO_PRACTICE.slug);
}

/**
 * Requests a sign-in email for `staff` through the form on /practice/login (opened with
 * `loginQuery`, such as `?lang=en`), waits for the "check your email" page and returns the email.
 */
export async function requestStaffSignInMail(page: Page, staff: ConsoleStaff, loginQuery = ""): Promise<SignInMail> {
  const origin = consoleOrigin();
  const inbox = await Inbox.open(origin, staff.email);

  await page.goto(`${origin}/practice/login${loginQuery}`);
  await page.getByLabel(inEitherLanguage("login.email_label")).fill(staff.email);
  await page.getByRole("button", { name: inEitherLanguage("login.submit") }).click();
  await page.waitForURL(`${origin}/practice/login/check`);

  const mail = await inbox.waitForSignInMail();
  expect(new URL(mail.link).pathname).toMatch(/^\/practice\/login\/link\/[^/]+$/);
  return mail;
}

/** Opens a staff sign-in link, presses the confirm button and waits for the console's client list. */
export async function confirmStaffSignInLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await page
    .getByRole("button", { name: inEitherLanguage("link.confirm_submit", { practice: DEMO_PRACTICE.name }) })
    .click();
  await page.waitForURL((url) => url.pathname === "/practice/clients");
}

/** Returns where the storage state of `staff`'s console session is kept during this e2e run. */
function staffStatePath(staff: ConsoleStaff): string {
  // The global setup empties the state folder at the start of every run, so no file outlives its server.
  return path.join(inject("e2eServer").stateDir, "browser-sessions", `staff-${staff.id}.json`);
}

/** Keeps the session of a signed-in context, so later tests and files reuse it without another email. */
export async function saveStaffSession(context: BrowserContext, staff: ConsoleStaff): Promise<void> {
  const file = staffStatePath(staff);
  mkdirSync(path.dirname(file), { recursive: true });
  await context.storageState({ path: file });
}

/**
 * Returns a Playwright storage state file with a console session of `staff`. The first call of an
 * e2e run without a saved session signs in by email link; every sign-in email counts against the
 * practice's sign-in throttle (see support/seed.ts).
 */
export async function staffStorageState(browser: Browser, staff: ConsoleStaff): Promise<string> {
  const file = staffStatePath(staff);
  if (existsSync(file)) return file;

  const context = await newContext(browser);
  const page = await context.newPage();
  const mail = await requestStaffSignInMail(page, staff);
  await confirmStaffSignInLink(page, mail.link);
  await saveStaffSession(context, staff);
  await context.close();
  return file;
}

/** Opens a browser context (a Dutch browser locale) carrying the console session of `staff`. */
export async function newStaffContext(
  browser: Browser,
  staff: ConsoleStaff,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return newContext(browser, { ...options, storageState: await staffStorageState(browser, staff) });
}

/**
 * Opens `pathname` of the console and fails with a clear message when the console sent the
 * browser to the sign-in page, or answered with another status than `expectedStatus`.
 */
export async function openConsolePage(page: Page, pathname: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(`${consoleOrigin()}${pathname}`);

  const landedOn = new URL(page.url()).pathname;
  if (landedOn === "/practice/login") {
    throw new Error(
      `GET ${pathname} redirected to ${page.url()}: the console session shared by the e2e tests has ended`,
    );
  }
  if (response?.status() !== expectedStatus) {
    throw new Error(`GET ${pathname} returned ${response?.status() ?? "no response"}, expected ${expectedStatus}`);
  }
}

/**
 * Sets a staff member's own language in D1 (null for none). The console reads it on every
 * request, so the next page load uses it.
 */
export async function setStaffLocale(staff: ConsoleStaff, locale: "nl" | "en" | null): Promise<void> {
  await executeSql(
    `UPDATE staff_members SET locale = ${locale === null ? "NULL" : sqlString(locale)} WHERE id = ${sqlString(staff.id)}`,
  );
}
