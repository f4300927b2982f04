#!/usr/bin/env node
// `npm run deploy [-- --dry-run]`: builds the production worker (the `production` environment of
// wrangler.jsonc, without development tools) and deploys it. A real deploy first applies pending
// D1 migrations to the remote database; `--dry-run` only builds and validates the bundle and
// needs no Cloudflare account.
import { run } from "./run.mjs";

const wranglerArgs = process.argv.slice(2);
const dryRun = wranglerArgs.includes("--dry-run");
const production = { CLOUDFLARE_ENV: "production", VERANDA_DEV_TOOLS: "0" };

await run("npx", ["astro", "build"], production);
if (!dryRun) {
  await run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--remote", "--env", "production"], production);
}
await run("npx", ["wrangler", "deploy", ...wranglerArgs], production);
