import { spawn } from "node:child_process";

/**
 * Settings every wrangler, miniflare and astro process of this project runs with: this machine
 * may have no internet beyond the npm registry, so nothing may call home.
 */
export const OFFLINE_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
};

/** Runs a command with inherited output; resolves on exit code 0 and rejects otherwise. */
export function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { ...process.env, ...OFFLINE_ENV, ...env },
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed with ${signal ?? `exit code ${code}`}`));
    });
  });
}
