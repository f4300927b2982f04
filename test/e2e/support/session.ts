import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";

import { newContext, practiceOrigin } from "./browser";
import { DEMO_PRACTICE } from "./seed";
import { signInWithLink } from "./sign-in";

/** A client who can sign in to the demo practice. */
export interface PortalClient {
  id: string;
  email: string;
}

/** Returns where the storage state of `client`'s session is kept during this e2e run. */
function storageStatePath(client: PortalClient): string {
  // The global setup empties the state folder at the start of every run, so no file outlives its server.
  return path.join(inject("e2eServer").stateDir, "browser-sessions", `${client.id}.json`);
}

/**
 * Returns a Playwright storage state file with a signed-in session of `client` on the demo
 * practice. The first call of an e2e run signs in by email link. Later calls, from any test file,
 * reuse the file, because every sign-in email counts against the practice's sign-in throttle.
 * Test files run one after another, so two files never sign the same client in at once.
 */
export async function signedInStorageState(browser: Browser, client: PortalClient): Promise<string> {
  const file = storageStatePath(client);
  if (existsSync(file)) return file;

  const context = await newContext(browser);
  const page = await context.newPage();
  await signInWithLink(page, practiceOrigin(DEMO_PRACTICE.slug), client.email, DEMO_PRACTICE.name);

  mkdirSync(path.dirname(file), { recursive: true });
  await context.storageState({ path: file });
  await context.close();
  return file;
}

/**
 * Opens a browser context (its own cookies, a Dutch browser locale) carrying the session of
 * `client`. Cookies set in it, such as the language choice, stay in it.
 */
export async function newSignedInContext(
  browser: Browser,
  client: PortalClient,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return newContext(browser, { ...options, storageState: await signedInStorageState(browser, client) });
}

/**
 * Opens `pathname` of the demo practice and fails with a clear message when the portal sent the
 * browser to the sign-in page instead, as it does when the shared session has ended.
 */
export async function openPortalPage(page: Page, pathname: string): Promise<void> {
  const response = await page.goto(`${practiceOrigin(DEMO_PRACTICE.slug)}${pathname}`);

  const landedOn = new URL(page.url()).pathname;
  if (landedOn === "/login") {
    throw new Error(`GET ${pathname} redirected to ${page.url()}: the session shared by the e2e tests has ended`);
  }
  if (response?.status() !== 200) {
    throw new Error(`GET ${pathname} returned ${response?.status() ?? "no response"}, expected 200`);
  }
}
