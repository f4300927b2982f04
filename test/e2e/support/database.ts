import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { inject } from "vitest";

const run = promisify(execFile);

/**
 * Runs one SQL statement on the e2e server's local D1 database through `wrangler d1 execute`, for
 * the few states a browser cannot reach quickly (a session about to time out) and returns its rows.
 */
export async function executeSql<Row = Record<string, unknown>>(statement: string): Promise<Row[]> {
  const { stateDir } = inject("e2eServer");
  const { stdout } = await run(
    "npx",
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", stateDir, "--json", "--command", statement],
    { env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" } },
  );

  const [result] = JSON.parse(stdout) as { results: Row[]; success: boolean }[];
  if (!result?.success) throw new Error(`wrangler d1 execute did not succeed: ${statement}`);
  return result.results;
}
