// Lighthouse (mobile preset, simulated throttling) on pages of the bench server, in Debian's
// Chromium. Signed-in pages get the session cookie as an extra request header.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for Chromium as root on a machine without internet: no sandbox (root), and no background
 * services that call out to Google's hosts. `*.localhost` resolves to 127.0.0.1.
 */
const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP *.localhost 127.0.0.1",
];

const CATEGORIES = ["performance", "accessibility", "best-practices"];

/** Returns the hosts other than `*.localhost` that the page requested, which must be none. */
function foreignHosts(lhr) {
  const items = lhr.audits["network-requests"]?.details?.items ?? [];
  const hosts = new Set();
  for (const item of items) {
    if (!URL.canParse(item.url)) continue;
    const url = new URL(item.url);
    if (url.protocol === "data:" || url.protocol === "blob:") continue;
    if (url.hostname !== "localhost" && !url.hostname.endsWith(".localhost")) hosts.add(url.hostname);
  }
  return [...hosts];
}

function summarize(lhr) {
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    finalUrl: lhr.finalDisplayedUrl,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null])),
    largestContentfulPaintMs: numeric("largest-contentful-paint"),
    totalBlockingTimeMs: numeric("total-blocking-time"),
    cumulativeLayoutShift: numeric("cumulative-layout-shift"),
    firstContentfulPaintMs: numeric("first-contentful-paint"),
    totalByteWeight: numeric("total-byte-weight"),
    failedAudits: Object.values(lhr.audits)
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === "binary")
      .map((audit) => audit.id),
    runtimeError: lhr.runtimeError?.message ?? null,
    runWarnings: lhr.runWarnings,
    foreignHosts: foreignHosts(lhr),
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent ?? null,
  };
}

/**
 * Runs Lighthouse on each of `targets` (`{ key, url, cookie }`) in one Chromium. Returns a summary
 * per target in `summaries` and the full reports in `reports`, for the raw results folder.
 */
export async function runLighthouse(targets) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: "error",
  });
  const summaries = [];
  const reports = {};
  try {
    for (const target of targets) {
      const result = await lighthouse(target.url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
        extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
      });
      if (!result) throw new Error(`Lighthouse returned no result for ${target.url}`);
      // A signed-in page that lands elsewhere (a rejected cookie redirects to /login) would be scored as the wrong page.
      const landedOn = new URL(result.lhr.finalDisplayedUrl).pathname;
      if (landedOn !== new URL(target.url).pathname) {
        throw new Error(`Lighthouse opened ${target.url} but ended on ${landedOn}`);
      }
      summaries.push({ key: target.key, url: target.url, ...summarize(result.lhr) });
      reports[target.key] = result.lhr;
      console.log(`[lighthouse] ${target.key}: performance ${result.lhr.categories.performance?.score}`);
    }
  } finally {
    chrome.kill();
  }
  return { summaries, reports };
}
