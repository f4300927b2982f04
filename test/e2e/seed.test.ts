import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";

const run = promisify(execFile);
const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
const stateDir = mkdtempSync(path.join(tmpdir(), "veranda-seed-"));

afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

async function seed() {
  await run(process.execPath, ["scripts/seed.mjs", "--persist-to", stateDir], {
    env: { ...process.env, ...OFFLINE_ENV },
  });
}

/** Returns every row of every application table, and every R2 key with its size. */
async function snapshot() {
  const proxy = await getPlatformProxy<Env>({
    configPath: "wrangler.jsonc",
    persist: { path: path.join(stateDir, "v3") },
    remoteBindings: false,
  });
  try {
    const tables = await proxy.env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name",
    ).all<{ name: string }>();
    const contents: Record<string, unknown[]> = {};
    for (const { name } of tables.results) {
      contents[name] = (await proxy.env.DB.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all()).results;
    }
    const objects = await proxy.env.FILES.list();
    return { contents, objects: objects.objects.map((object) => [object.key, object.size]) };
  } finally {
    await proxy.dispose();
  }
}

describe("demo seed", () => {
  it("changes nothing when run twice", async () => {
    await seed();
    const first = await snapshot();
    await seed();
    const second = await snapshot();

    expect(second).toEqual(first);
    expect(first.contents.practices).toHaveLength(2);
    expect(first.contents.clients?.length).toBeGreaterThanOrEqual(6);
    expect(first.contents.documents?.length).toBe(first.objects.length);
    expect(first.contents.assignments?.length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
