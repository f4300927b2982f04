#!/usr/bin/env node
// The whole test suite, as CI and the README run it: `npm test`. Stops at the first failing step
// and exits non-zero, because CI judges a run by its exit code.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { run } from "./run.mjs";

async function productionBundleHasDevTools() {
  const chunks = path.join("dist", "server", "chunks");
  for (const file of await readdir(chunks)) {
    if (file.startsWith("mail-list") || file.startsWith("mail-json") || file.startsWith("mail-html")) return true;
  }
  const entry = await readFile(path.join("dist", "server", "entry.mjs"), "utf8");
  return entry.includes("dev-tools/");
}

const steps = [
  ["format and lint", () => run("npx", ["biome", "check", "."])],
  ["worker types are current", () => run("npx", ["wrangler", "types", "--strict-vars=false", "--check"])],
  ["type check", () => run("npx", ["astro", "check"])],
  ["production build and deploy dry run", () => run("node", ["scripts/deploy.mjs", "--dry-run"])],
  [
    "production build has no development tools",
    async () => {
      if (await productionBundleHasDevTools()) throw new Error("the production build contains /dev/mail");
    },
  ],
  ["test build with development tools", () => run("npx", ["astro", "build"], { VERANDA_DEV_TOOLS: "1" })],
  ["unit and integration tests", () => run("npx", ["vitest", "run", "--project", "unit", "--project", "integration"])],
  ["Chromium for end-to-end tests", () => run("node", ["scripts/ensure-chromium.mjs"])],
  ["end-to-end tests", () => run("npx", ["vitest", "run", "--project", "e2e"])],
];

const suiteStartedAt = performance.now();
for (const [name, step] of steps) {
  const startedAt = performance.now();
  console.log(`\n▶ ${name}`);
  try {
    await step();
  } catch (error) {
    console.error(`\n✗ ${name}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  console.log(`✓ ${name} (${((performance.now() - startedAt) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll tests passed in ${((performance.now() - suiteStartedAt) / 1000).toFixed(0)} s.`);
