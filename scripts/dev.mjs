#!/usr/bin/env node
// `npm run dev`: prepares local D1 and R2 (migrations and the demo practices) and starts Astro's dev
// server, in which the worker code runs in workerd with local D1, KV and R2.
import { run } from "./run.mjs";

await run("node", ["scripts/seed.mjs"]);
console.log("\nVeranda runs at http://demo.localhost:4321 (sign-in mail: http://demo.localhost:4321/dev/mail)\n");
await run("npx", ["astro", "dev"]);
