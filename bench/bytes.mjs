// Bytes a page ships: its HTML, and the JavaScript modules it loads from /_astro/ with everything
// they import, raw and gzipped.
import { gzipSync } from "node:zlib";

import { portalRequest } from "./http.mjs";

/** Module entry points in Astro's HTML: scripts, module preloads and the islands' component and renderer URLs. */
const ENTRY_PATTERNS = [
  /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g,
  /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g,
  /\bcomponent-url="([^"]+)"/g,
  /\brenderer-url="([^"]+)"/g,
];
const STYLESHEET_PATTERN = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g;
const INLINE_MODULE_PATTERN = /<script\b[^>]*\btype="module"[^>]*>([\s\S]*?)<\/script>/g;
/** Static `import … from "x"`, bare `import "x"`, `export … from "x"` and dynamic `import("x")`. */
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

function matches(text, patterns) {
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
}

function gzipBytes(buffer) {
  return gzipSync(buffer).length;
}

/** Returns the same-origin /_astro/ path that `reference` names from `base`, or null for anything else. */
function astroPath(reference, base) {
  if (!URL.canParse(reference, base)) return null;
  const url = new URL(reference.replaceAll("&amp;", "&"), base);
  return url.host === new URL(base).host && url.pathname.startsWith("/_astro/") ? url.pathname : null;
}

async function fetchAsset(origin, path) {
  const response = await portalRequest(`${origin}${path}`);
  if (response.status !== 200) throw new Error(`GET ${path} returned ${response.status}`);
  return response.body;
}

/**
 * Measures one page: fetches its HTML with `cookie`, then every JavaScript module reachable from
 * it (static and dynamic imports, since islands load their components by dynamic import) and its
 * stylesheets. Sizes are in bytes; gzip is zlib's default level.
 */
export async function measurePage(origin, path, cookie) {
  const page = await portalRequest(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
  if (page.status !== 200) throw new Error(`GET ${path} returned ${page.status}, expected 200`);
  const html = page.body.toString("utf8");
  const pageUrl = `${origin}${path}`;

  const queue = [
    ...matches(html, ENTRY_PATTERNS),
    ...[...html.matchAll(INLINE_MODULE_PATTERN)].flatMap((match) => matches(match[1], IMPORT_PATTERNS)),
  ]
    .map((reference) => astroPath(reference, pageUrl))
    .filter(Boolean);
  const modules = new Map();
  while (queue.length > 0) {
    const modulePath = queue.shift();
    if (modules.has(modulePath)) continue;
    const source = await fetchAsset(origin, modulePath);
    modules.set(modulePath, source);
    for (const reference of matches(source.toString("utf8"), IMPORT_PATTERNS)) {
      const imported = astroPath(reference, `${origin}${modulePath}`);
      if (imported?.endsWith(".js") && !modules.has(imported)) queue.push(imported);
    }
  }

  const stylesheets = new Map();
  for (const reference of matches(html, [STYLESHEET_PATTERN])) {
    const stylesheetPath = astroPath(reference, pageUrl);
    if (stylesheetPath && !stylesheets.has(stylesheetPath)) {
      stylesheets.set(stylesheetPath, await fetchAsset(origin, stylesheetPath));
    }
  }

  const sum = (buffers, measure) => [...buffers].reduce((total, buffer) => total + measure(buffer), 0);
  return {
    path,
    htmlBytes: page.body.length,
    htmlGzipBytes: gzipBytes(page.body),
    jsFiles: [...modules].map(([file, buffer]) => ({ path: file, bytes: buffer.length, gzipBytes: gzipBytes(buffer) })),
    jsBytes: sum(modules.values(), (buffer) => buffer.length),
    // Each file is gzipped on its own, as a server sends it.
    jsGzipBytes: sum(modules.values(), gzipBytes),
    cssBytes: sum(stylesheets.values(), (buffer) => buffer.length),
    cssGzipBytes: sum(stylesheets.values(), gzipBytes),
  };
}
