// Child processes of the bench: one-shot commands with their output in a log file, and long-lived
// servers in their own process group, so stopping the group stops every process they started.
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeSync } from "node:fs";

import { OFFLINE_ENV } from "../scripts/run.mjs";

const STOP_GRACE_MS = 5_000;
const POLL_INTERVAL_MS = 100;

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Returns the last `lines` lines of a log file, for error messages. */
export function tail(file, lines = 30) {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * Runs a command to completion with the project's offline settings, appending its output to
 * `logFile`. Rejects with the end of the log when it exits non-zero.
 */
export function runLogged(command, args, logFile, env = {}) {
  const log = openSync(logFile, "a");
  writeSync(log, `\n$ ${command} ${args.join(" ")}\n`);

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", log, log],
      env: { ...process.env, ...OFFLINE_ENV, NO_COLOR: "1", ...env },
    });
    closeSync(log);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`${command} ${args.join(" ")} failed with ${signal ?? `exit code ${code}`}:\n${tail(logFile)}`),
        );
    });
  });
}

/**
 * Starts a long-running command as the leader of a new process group, with its output in
 * `logFile`. Returns the child; stop it with `stopGroup(child.pid)`.
 */
export function spawnGroup(command, args, logFile, env = {}) {
  const log = openSync(logFile, "a");
  writeSync(log, `\n$ ${command} ${args.join(" ")}\n`);
  const child = spawn(command, args, {
    stdio: ["ignore", log, log],
    env: { ...process.env, ...OFFLINE_ENV, NO_COLOR: "1", ...env },
    detached: true,
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return child;
}

/**
 * Sends `signal` (0 only checks) to every process of the group led by `pid`, and returns whether
 * the group still existed.
 */
export function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
    return false;
  }
}

/** Stops the process group led by `pid`: SIGTERM, then SIGKILL for whatever is left after a grace period. */
export async function stopGroup(pid) {
  signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  while (signalGroup(pid, 0) && Date.now() < deadline) await sleep(POLL_INTERVAL_MS);
  signalGroup(pid, "SIGKILL");
}
