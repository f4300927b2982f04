// Builds the app into a private folder and serves it with `wrangler dev` on 127.0.0.1, the way the
// end-to-end tests do, on the bench's own local state.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

import { portalRequest } from "./http.mjs";
import { runLogged, signalGroup, sleep, spawnGroup, stopGroup, tail } from "./process.mjs";

const SERVER_START_TIMEOUT_MS = 90_000;
const POLL_INTERVAL_MS = 250;

/** File in which `astro build` records the build that `wrangler dev` in the project root serves. */
const DEPLOY_CONFIG = ".wrangler/deploy/config.json";

/**
 * Builds the app with the development mailbox (`VERANDA_DEV_TOOLS=1`), because the bench signs in
 * through /dev/mail.json. The build goes to `outDir` rather than dist/, so a build or test run of
 * someone else on the same checkout neither changes the served code mid-run nor is changed by it.
 * The build rewrites DEPLOY_CONFIG to point at `outDir`; it is put back afterwards, so
 * `wrangler dev` in the project root keeps serving dist/.
 */
export async function buildApp({ outDir, logFile }) {
  const savedDeployConfig = existsSync(DEPLOY_CONFIG) ? readFileSync(DEPLOY_CONFIG) : null;
  rmSync(outDir, { recursive: true, force: true });
  try {
    await runLogged("npx", ["astro", "build", "--outDir", outDir], logFile, { VERANDA_DEV_TOOLS: "1" });
  } finally {
    if (savedDeployConfig) writeFileSync(DEPLOY_CONFIG, savedDeployConfig);
    else rmSync(DEPLOY_CONFIG, { force: true });
  }
  return { wranglerConfig: path.join(outDir, "server", "wrangler.json"), clientDir: path.join(outDir, "client") };
}

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(address.port));
    });
  });
}

async function probeStatus(url) {
  try {
    return (await portalRequest(url)).status;
  } catch {
    return null;
  }
}

/**
 * Serves the build described by `wranglerConfig` with `wrangler dev` on a free port of
 * 127.0.0.1, with local D1, KV and R2 under `persistTo`. Practices are served at
 * `{slug}.localhost:{port}`. Resolves once the demo practice's /login returns 200.
 */
export async function startServer({ wranglerConfig, persistTo, logFile }) {
  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const portalDomain = `localhost:${port}`;

  const child = spawnGroup(
    "npx",
    [
      "wrangler",
      "dev",
      "--config",
      wranglerConfig,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      persistTo,
      "--var",
      `PORTAL_DOMAIN:${portalDomain}`,
      "--show-interactive-dev-session=false",
      "--live-reload=false",
      // Without this, wrangler prints a line per request, which costs CPU that the load test shares.
      "--log-level=warn",
    ],
    logFile,
  );
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  // Stops the server even when the bench ends by an uncaught error.
  const killOnExit = () => signalGroup(child.pid, "SIGKILL");
  process.once("exit", killOnExit);

  const server = {
    pid: child.pid,
    port,
    portalDomain,
    origin: (slug) => `http://${slug}.${portalDomain}`,
    async stop() {
      process.off("exit", killOnExit);
      await stopGroup(child.pid);
    },
  };

  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let status = null;
  while (status !== 200) {
    if (exited || Date.now() > deadline) {
      await server.stop();
      throw new Error(`wrangler dev did not serve /login (last status ${status}); log ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(POLL_INTERVAL_MS);
    status = await probeStatus(`${server.origin("demo")}/login`);
  }

  const mailboxStatus = await probeStatus(`${server.origin("demo")}/dev/mail.json`);
  if (mailboxStatus !== 200) {
    await server.stop();
    throw new Error(`GET /dev/mail.json returned ${mailboxStatus}: the build has no development mailbox`);
  }
  return server;
}

/** Returns the ids of the workerd processes in the process group led by `groupId`. */
export function workerdPids(groupId) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may contain spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const processGroup = Number(stat.slice(close + 2).split(" ")[2]);
      if (processGroup === groupId && name === "workerd") pids.push(Number(entry));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return pids;
}
