#!/usr/bin/env node
// `npm run bench`: builds the app, seeds the demo and scale data sets into fresh local state,
// serves the build with `wrangler dev`, and measures latency and throughput, D1 rows read,
// bytes shipped, Lighthouse scores and workerd memory. Writes BENCHMARKS.md and .bench/.
// Not part of `npm test`; see BENCHMARKS.md for the method.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { measurePage } from "./bytes.mjs";
import { bundleProductQueries } from "./d1/bundle.mjs";
import { replayQueries } from "./d1/replay.mjs";
import { DEMO, GROOT, KLEIN } from "./fixtures.mjs";
import { CHROMIUM_PATH, runLighthouse } from "./lighthouse.mjs";
import { formsTarget, practiceScenarios, runLoad } from "./load.mjs";
import { describeMachine } from "./machine.mjs";
import { watchMemory } from "./memory.mjs";
import { runLogged } from "./process.mjs";
import { printSummary, writeReport } from "./report.mjs";
import { seedScale } from "./seed-scale.mjs";
import { buildApp, startServer } from "./server.mjs";
import { signIn } from "./sign-in.mjs";

const RESULTS_DIR = ".bench";
const BUILD_DIR = path.join(RESULTS_DIR, "build");
const STATE_DIR = ".wrangler/bench-state";
const LOG_FILE = path.join(RESULTS_DIR, "bench.log");
const REPORT_FILE = "BENCHMARKS.md";

const startedAt = new Date();
const phases = {};
/** Memory watch of the server's workerd processes while it runs, with a new peak per phase. */
let memoryWatch = null;

/** Runs one phase, prints its duration and records it for the report. */
async function phase(name, work) {
  console.log(`[bench] ${name}…`);
  memoryWatch?.mark(name);
  const phaseStartedAt = performance.now();
  const result = await work();
  phases[name] = (performance.now() - phaseStartedAt) / 1000;
  console.log(`[bench] ${name} done in ${phases[name].toFixed(1)} s`);
  return result;
}

/** Signs in, loads, measures bytes and runs Lighthouse against the running server. */
async function measureServer(server) {
  const origins = { demo: server.origin(DEMO.slug), groot: server.origin(GROOT.slug) };
  const sessions = await phase("sign-in", async () => ({
    demo: await signIn(origins.demo, DEMO.client.email),
    groot: await signIn(origins.groot, GROOT.client.email),
  }));

  const formsTargets = {
    demo: await formsTarget(origins.demo, sessions.demo.cookie, DEMO.firstAssignmentId),
    groot: await formsTarget(origins.groot, sessions.groot.cookie, GROOT.firstAssignmentId),
  };

  const bytes = await phase("bytes", async () => {
    const pages = [];
    for (const practice of ["demo", "groot"]) {
      for (const page of ["/login", "/dashboard", "/documents"]) {
        const cookie = page === "/login" ? null : sessions[practice].cookie;
        pages.push({ practice, ...(await measurePage(origins[practice], page, cookie)) });
      }
    }
    return pages;
  });

  const load = await phase("load", () => {
    const plan = ["demo", "groot"].flatMap((practice) =>
      practiceScenarios({
        practice,
        port: server.port,
        host: new URL(origins[practice]).host,
        cookie: sessions[practice].cookie,
        formsPath: formsTargets[practice].path,
        downloadDocumentId: practice === "demo" ? DEMO.downloadDocumentId : GROOT.downloadDocumentId,
      }),
    );
    return runLoad(plan, {
      planFile: path.join(RESULTS_DIR, "load-plan.json"),
      resultsFile: path.join(RESULTS_DIR, "load-results.json"),
      onScenarioStart: (name) => memoryWatch?.mark(`load: ${name}`),
    });
  });

  const lighthouse = await phase("lighthouse", async () => {
    const { summaries, reports } = await runLighthouse([
      { key: "demo /login", url: `${origins.demo}/login` },
      { key: "demo /dashboard", url: `${origins.demo}/dashboard`, cookie: sessions.demo.cookie },
      { key: "groot /dashboard", url: `${origins.groot}/dashboard`, cookie: sessions.groot.cookie },
    ]);
    for (const [key, report] of Object.entries(reports)) {
      writeFileSync(path.join(RESULTS_DIR, `lighthouse-${key.replace(/\W+/g, "-")}.json`), JSON.stringify(report));
    }
    return summaries;
  });

  return { sessions, formsTargets, bytes, load, lighthouse };
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing; install it with \`node scripts/ensure-chromium.mjs\``);
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  rmSync(LOG_FILE, { force: true });
  const machine = describeMachine();

  const build = await phase("build", () => buildApp({ outDir: BUILD_DIR, logFile: LOG_FILE }));
  await phase("seed demo", async () => {
    rmSync(STATE_DIR, { recursive: true, force: true });
    await runLogged(process.execPath, ["scripts/seed.mjs", "--persist-to", STATE_DIR], LOG_FILE);
  });
  const seed = await phase("seed scale", () =>
    seedScale({ persistTo: STATE_DIR, sqlFile: path.join(RESULTS_DIR, "scale-seed.sql"), logFile: LOG_FILE }),
  );

  const server = await phase("server start", () =>
    startServer({ wranglerConfig: build.wranglerConfig, persistTo: STATE_DIR, logFile: LOG_FILE }),
  );
  memoryWatch = watchMemory(server.pid, server.port);
  let measured;
  let memory;
  try {
    measured = await measureServer(server);
  } finally {
    memory = memoryWatch.stop();
    memoryWatch = null;
    await server.stop();
  }

  const replay = await phase("D1 replay", async () => {
    const productModule = await bundleProductQueries(path.resolve(RESULTS_DIR, "product-queries.mjs"));
    return replayQueries({
      persistTo: STATE_DIR,
      productModule,
      practices: [
        {
          key: "demo",
          slug: DEMO.slug,
          sessionToken: measured.sessions.demo.token,
          documentId: DEMO.downloadDocumentId,
          assignmentId: DEMO.firstAssignmentId,
        },
        {
          key: "klein",
          slug: KLEIN.slug,
          sessionToken: KLEIN.sessionToken,
          documentId: KLEIN.downloadDocumentId,
          assignmentId: KLEIN.firstAssignmentId,
        },
        {
          key: "groot",
          slug: GROOT.slug,
          sessionToken: measured.sessions.groot.token,
          documentId: GROOT.downloadDocumentId,
          assignmentId: GROOT.firstAssignmentId,
        },
      ],
    });
  });

  const finishedAt = new Date();
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    totalSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    phases,
    machine,
    seed,
    formsTargets: measured.formsTargets,
    load: measured.load,
    bytes: measured.bytes,
    lighthouse: measured.lighthouse,
    memory,
    replay,
  };
  writeFileSync(path.join(RESULTS_DIR, "results.json"), JSON.stringify(results, null, 2));
  const budgets = writeReport(results, REPORT_FILE);
  // Biome formats the project's Markdown and pads its tables, so `npx biome check .` stays clean.
  await runLogged("npx", ["biome", "format", "--write", REPORT_FILE], LOG_FILE);
  printSummary(results, budgets);
}

try {
  await main();
} catch (error) {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : error}`);
  console.error(`[bench] the output of every command is in ${LOG_FILE}`);
  process.exitCode = 1;
}
