// The load plan: which requests autocannon sends, at which concurrency and for how long, and the
// run of bench/load-worker.mjs in a second process.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { UNKNOWN_ADDRESS_DOMAIN } from "./fixtures.mjs";
import { portalRequest } from "./http.mjs";

export const CONCURRENCIES = [1, 32];
/** Start of the line the load worker prints as each scenario begins. */
export const SCENARIO_START_PREFIX = "[load] start ";
/** Measured seconds per scenario and concurrency, after one second of warm-up. */
export const LOAD_DURATION_SECONDS = 5;

const WORKER = fileURLToPath(new URL("./load-worker.mjs", import.meta.url));

/**
 * Returns the path of the fill-in page of `assignmentId` when the server has one, else the list
 * `/forms`, with a note saying which was measured.
 */
export async function formsTarget(origin, cookie, assignmentId) {
  const fillIn = `/forms/${assignmentId}`;
  const response = await portalRequest(`${origin}${fillIn}`, { headers: { Cookie: cookie } });
  if (response.status === 200) return { path: fillIn, note: `fill-in page ${fillIn}` };
  return { path: "/forms", note: `${fillIn} answered ${response.status}, so the list /forms was measured` };
}

/**
 * Builds the scenarios for one practice: the static reference, the pages, the 1 MB download and
 * the sign-in request, each at every concurrency in CONCURRENCIES.
 */
export function practiceScenarios({ practice, port, host, cookie, formsPath, downloadDocumentId }) {
  const url = (path) => `http://127.0.0.1:${port}${path}`;
  const signedIn = { Host: host, Cookie: cookie };
  const targets = [
    { name: "static", label: "/favicon.svg (static asset)", path: "/favicon.svg", headers: { Host: host } },
    { name: "dashboard", label: "/dashboard", path: "/dashboard", headers: signedIn },
    { name: "documents", label: "/documents", path: "/documents", headers: signedIn },
    { name: "forms", label: formsPath, path: formsPath, headers: signedIn },
    {
      name: "download",
      label: "1 MB download",
      path: `/documents/${downloadDocumentId}/file?download=1`,
      headers: signedIn,
    },
    {
      name: "sign-in",
      label: "POST /login (unknown address)",
      path: "/login",
      method: "POST",
      headers: {
        Host: host,
        Origin: `http://${host}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      // autocannon replaces [<id>] with a fresh id per request, so every request names a new address.
      body: `email=[<id>]%40${UNKNOWN_ADDRESS_DOMAIN}`,
      idReplacement: true,
    },
  ];

  return targets.flatMap((target) =>
    CONCURRENCIES.map((connections) => ({
      practice,
      name: target.name,
      label: target.label,
      url: url(target.path),
      method: target.method ?? "GET",
      headers: target.headers,
      body: target.body,
      idReplacement: target.idReplacement,
      connections,
      durationSeconds: LOAD_DURATION_SECONDS,
    })),
  );
}

/**
 * Runs `plan` in bench/load-worker.mjs and returns its results. `onScenarioStart(name)` is called
 * as each scenario begins; the worker's other output goes to the terminal.
 */
export async function runLoad(plan, { planFile, resultsFile, onScenarioStart }) {
  await writeFile(planFile, JSON.stringify(plan, null, 2));
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, planFile, resultsFile], { stdio: ["ignore", "pipe", "inherit"] });
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith(SCENARIO_START_PREFIX)) onScenarioStart?.(line.slice(SCENARIO_START_PREFIX.length));
      else console.log(line);
    });
    child.once("error", reject);
    // "close" rather than "exit": it comes after the last line of output has been read.
    child.once("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the load worker failed with ${signal ?? `exit code ${code}`}`));
    });
  });
  return JSON.parse(await readFile(resultsFile, "utf8"));
}
