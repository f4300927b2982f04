import { readFile, writeFile } from "node:fs/promises";

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const BUILT_WORKER_CONFIG = "dist/server/wrangler.json";
const TEST_WORKER_CONFIG = "dist/server/wrangler.test.json";

/**
 * Copies the built worker's config without its module `rules`. With an ESModule rule for `*.mjs`
 * the vitest plugin (1.5.x) joins the project root to the already absolute path of
 * `dist/server/entry.mjs` and cannot load it, so tests could not import the built worker.
 */
async function writeTestWorkerConfig(): Promise<string> {
  const config = JSON.parse(await readFile(BUILT_WORKER_CONFIG, "utf8"));
  delete config.rules;
  await writeFile(TEST_WORKER_CONFIG, JSON.stringify(config));
  return TEST_WORKER_CONFIG;
}

// Three layers, each its own project:
// - unit: pure modules in Node;
// - integration: inside workerd with local D1, KV and R2, through the built worker's real `fetch`
//   (run `npm run build` first; scripts/test.mjs does);
// - e2e: headless Chromium against the built app served by `wrangler dev`.
export default defineConfig(async () => {
  const migrations = await readD1Migrations("db/migrations");

  return {
    test: {
      projects: [
        {
          test: {
            name: "unit",
            include: ["test/unit/**/*.test.ts"],
            environment: "node",
          },
        },
        {
          plugins: [
            cloudflareTest(async ({ inject }) => ({
              wrangler: { configPath: await writeTestWorkerConfig() },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  MAILCHANNELS_SIMULATOR_URL: inject<string>("mailchannelsSimulatorUrl"),
                },
              },
            })),
          ],
          test: {
            name: "integration",
            silent: "passed-only",
            include: ["test/integration/**/*.test.ts"],
            setupFiles: ["test/integration/setup/apply-migrations.ts"],
            globalSetup: ["test/integration/setup/mailchannels-simulator.ts"],
          },
        },
        {
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            globalSetup: ["test/e2e/setup/server.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
