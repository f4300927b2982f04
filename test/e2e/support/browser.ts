import { createRequire } from "node:module";

import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

/** Debian's Chromium, which `node scripts/ensure-chromium.mjs` installs. Playwright's own browser download cannot run here. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  // Chromium's sandbox does not start as root, and these machines run the tests as root.
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  // Without these Chromium keeps calling out to hosts this machine cannot reach.
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Practice hosts such as demo.localhost:<port> must reach the wrangler server on 127.0.0.1.
  "--host-resolver-rules=MAP *.localhost 127.0.0.1",
];

const AXE_SCRIPT_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Launches headless Chromium. Each test file launches one in `beforeAll` and closes it in `afterAll`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Returns the origin of a practice on the e2e server, such as `http://demo.localhost:8787`. */
export function practiceOrigin(slug = "demo"): string {
  return `http://${slug}.${inject("e2eServer").portalDomain}`;
}

/**
 * Waits of Playwright actions, in milliseconds: shorter than the test timeout, so a missing element
 * fails with Playwright's message about it rather than with a bare test timeout.
 */
const ACTION_TIMEOUT_MS = 15_000;

/** Opens a fresh browser context (its own cookies, like a separate browser) with a Dutch browser locale. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return context;
}

/** Returns the cookie `name` that the context holds for `origin`, if any. */
export async function findCookie(context: BrowserContext, origin: string, name: string) {
  const cookies = await context.cookies(origin);
  return cookies.find((cookie) => cookie.name === name);
}

/**
 * Collects the console errors and uncaught exceptions of a page, as readable lines. Chromium also
 * logs a 4xx response to a page's own navigation as a console error; those are left out, because
 * such pages (a wrong code, an invalid link) respond with 4xx on purpose and are tested for their content.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  const failedNavigations = new Set<string>();

  page.on("response", (response) => {
    if (response.request().isNavigationRequest() && response.status() >= 400) failedNavigations.add(response.url());
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location().url;
    const isStatusMessage = message.text().startsWith("Failed to load resource: the server responded with a status of");
    if (isStatusMessage && failedNavigations.has(location)) return;
    errors.push(`console error at ${location}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught exception on ${page.url()}: ${error.message}`));

  return errors;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is and returns its violations. The context must be opened with
 * `bypassCSP: true`, because the page's Content-Security-Policy blocks the injected script.
 */
export async function findAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT_PATH });

  return page.evaluate(async () => {
    interface AxeResults {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
    const results = await axe.run();
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
    }));
  });
}

/** Formats axe violations as one line each, for a failure message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(", ")}`)
    .join("\n");
}
