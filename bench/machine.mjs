// The machine and the versions a bench run used, for the report.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";

import { CHROMIUM_PATH } from "./lighthouse.mjs";

const require = createRequire(import.meta.url);

function packageVersion(name, from = require) {
  try {
    return from(`${name}/package.json`).version;
  } catch {
    return null;
  }
}

function chromiumVersion() {
  try {
    // Debian's launcher script prints a shell warning on stderr on some machines; only stdout matters.
    return execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** Returns CPU model, cores, memory and the versions of the tools the bench used. */
export function describeMachine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const meminfo = readFileSync("/proc/meminfo", "utf8");
  const memTotalKib = Number(/^MemTotal:\s+(\d+) kB/m.exec(meminfo)?.[1] ?? 0);
  // wrangler runs the workerd that it depends on, which may differ from other copies in node_modules.
  const fromWrangler = createRequire(require.resolve("wrangler/package.json"));

  return {
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGib: Math.round((memTotalKib / 1024 / 1024) * 10) / 10,
    kernel: os.release(),
    versions: {
      node: process.version,
      wrangler: packageVersion("wrangler"),
      workerd: packageVersion("workerd", fromWrangler),
      astro: packageVersion("astro"),
      "@astrojs/cloudflare": packageVersion("@astrojs/cloudflare"),
      autocannon: packageVersion("autocannon"),
      lighthouse: packageVersion("lighthouse"),
      chromium: chromiumVersion(),
    },
  };
}
