import { type ChildProcess, execFile, spawn } from "node:child_process";
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

import type { TestProject } from "vitest/node";

import { portalRequest } from "../support/http";

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * Where the e2e server listens (practices live at `{slug}.{portalDomain}`) and the folder of
     * its local D1, KV and R2 state.
     */
    e2eServer: { port: number; portalDomain: string; stateDir: string };
  }
}

const run = promisify(execFile);

const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_STOP_TIMEOUT_MS = 5_000;
const POLL_INTERVAL_MS = 250;

/** Keeps wrangler and miniflare from calling out to Cloudflare, which these machines cannot reach. */
const OFFLINE_ENV = { CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not read the port of a probe server"));
      });
    });
  });
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
}

/** Returns the status of a GET to `http://{host}{pathname}` on the server, or null when it does not respond. */
async function probe(host: string, pathname: string): Promise<number | null> {
  try {
    const response = await portalRequest(`http://${host}${pathname}`, { timeoutMs: 5_000 });
    return response.status;
  } catch {
    return null;
  }
}

/** Runs one wrangler command to completion and appends its output to the log. */
async function runLogged(root: string, executable: string, args: string[], log: number) {
  const command = `${executable} ${args.join(" ")}`;
  appendFileSync(log, `$ ${command}\n`);

  try {
    const { stdout, stderr } = await run(executable, args, {
      cwd: root,
      env: { ...process.env, ...OFFLINE_ENV },
    });
    appendFileSync(log, `${stdout}${stderr}\n`);
  } catch (error) {
    const output = error instanceof Error && "stderr" in error ? String(error.stderr) : String(error);
    appendFileSync(log, `${output}\n`);
    throw new Error(`\`${command}\` failed:\n${output}`);
  }
}

/**
 * Sends `signal` (0 only checks) to every process of the group led by `pid`, and returns whether
 * the group still existed. A group that is already gone is not an error.
 */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    return false;
  }
}

/** Stops every process of the group led by `pid`: SIGTERM first, SIGKILL for what is left after a grace period. */
async function stopGroup(pid: number) {
  signalGroup(pid, "SIGTERM");

  const deadline = Date.now() + SERVER_STOP_TIMEOUT_MS;
  while (signalGroup(pid, 0) && Date.now() < deadline) await sleep(POLL_INTERVAL_MS);

  signalGroup(pid, "SIGKILL");
}

/**
 * Global setup of the e2e project: serves the built app (`dist/`, built with VERANDA_DEV_TOOLS=1)
 * with `wrangler dev` on 127.0.0.1, on fresh local D1/KV/R2 state with the migrations and the demo
 * seed (scripts/seed.mjs) applied. Returns the teardown that stops the server.
 */
export default async function startServer(project: TestProject) {
  const root = project.config.root;
  const stateDir = path.join(root, ".wrangler", "e2e-state");
  const artifactsDir = path.join(root, ".test-artifacts");
  const logFile = path.join(artifactsDir, "e2e-wrangler-dev.log");

  if (!existsSync(path.join(root, "dist", "server", "wrangler.json"))) {
    throw new Error("dist/ is missing; build it first with `VERANDA_DEV_TOOLS=1 npx astro build`");
  }

  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const log = openSync(logFile, "w");

  // The same seed as `npm run dev`: migrations, demo practices, documents in R2 and assignments.
  await runLogged(root, process.execPath, ["scripts/seed.mjs", "--persist-to", stateDir], log);

  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const portalDomain = `localhost:${port}`;

  // `detached` gives wrangler and its workerd children their own process group, so teardown can
  // stop exactly the processes started here.
  const child: ChildProcess = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      stateDir,
      "--var",
      `PORTAL_DOMAIN:${portalDomain}`,
      "--show-interactive-dev-session=false",
      "--live-reload=false",
    ],
    { cwd: root, env: { ...process.env, ...OFFLINE_ENV }, stdio: ["ignore", log, log], detached: true },
  );
  closeSync(log);

  let exited = false;
  child.once("exit", () => {
    exited = true;
  });

  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start `npx wrangler dev`");
  const stop = () => stopGroup(pid);
  // Stops the server even when vitest ends without running the teardown.
  const stopOnExit = () => signalGroup(pid, "SIGKILL");
  process.once("exit", stopOnExit);

  const demoHost = `demo.${portalDomain}`;
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  let status: number | null = null;
  while (status === null) {
    if (exited) {
      await stop();
      throw new Error(`wrangler dev exited before it served a request; log ${logFile}:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `wrangler dev did not respond within ${SERVER_START_TIMEOUT_MS} ms; log ${logFile}:\n${tail(logFile)}`,
      );
    }
    await sleep(POLL_INTERVAL_MS);
    status = await probe(demoHost, "/login");
  }

  if (status !== 200) {
    await stop();
    throw new Error(`GET /login on ${demoHost} returned ${status}, expected 200; log ${logFile}:\n${tail(logFile)}`);
  }
  const mailboxStatus = await probe(demoHost, "/dev/mail.json");
  if (mailboxStatus !== 200) {
    await stop();
    throw new Error(
      `GET /dev/mail.json returned ${mailboxStatus}: dist/ was built without the development mailbox; rebuild with \`VERANDA_DEV_TOOLS=1 npx astro build\``,
    );
  }

  project.provide("e2eServer", { port, portalDomain, stateDir });

  return async () => {
    process.off("exit", stopOnExit);
    await stop();
  };
}
