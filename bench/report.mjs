// Turns the results of a bench run into BENCHMARKS.md and a short summary for the terminal. The
// part of BENCHMARKS.md between NOTES_START and NOTES_END is written by people and kept as it is.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { CONCURRENCIES, LOAD_DURATION_SECONDS } from "./load.mjs";
import {
  bytesTable,
  failedCount,
  growingPages,
  integer,
  jsFileList,
  lighthouseTable,
  loadTable,
  ms,
  planList,
  replayFor,
  replayTable,
  table,
} from "./report-tables.mjs";

/** JavaScript on the Overview, gzipped; 15 KB read as 15,000 bytes, the stricter reading. */
export const OVERVIEW_JS_BUDGET_GZIP_BYTES = 15_000;

const NOTES_START = "<!-- notes:start -->";
const NOTES_END = "<!-- notes:end -->";
const DEFAULT_NOTES = "No notes yet.";

const PRACTICE_LABELS = {
  demo: "demo (Praktijk De Linde, 7 clients)",
  groot: "groot (10,000 clients, 100,000 documents, 100,000 assignments)",
  klein: "klein (20 clients; its benchmark client has the same rows as groot's)",
};

/** Evaluates the product's performance budgets against the results. */
export function evaluateBudgets(results) {
  const dashboard = (practice) => replayFor(results.replay, practice, "dashboard");
  const overviewJs = results.bytes.filter((entry) => entry.path === "/dashboard");
  const maxOverviewJs = Math.max(...overviewJs.map((entry) => entry.jsGzipBytes));
  const dashboardCls = results.lighthouse.filter((summary) => summary.key.endsWith("/dashboard"));
  const maxCls = Math.max(...dashboardCls.map((summary) => summary.cumulativeLayoutShift ?? Number.POSITIVE_INFINITY));
  const growing = growingPages(results.replay);
  const kleinRows = dashboard("klein").total.rowsRead;
  const grootRows = dashboard("groot").total.rowsRead;
  const handlerTrips = ["demo", "groot"].map((practice) => dashboard(practice).handler.roundTrips);

  return [
    {
      budget: "Overview: all its data in one D1 round trip (batch)",
      measured: `${handlerTrips.join(" (demo) and ")} (groot) round trip for the page's data, after ${dashboard("groot").middleware.roundTrips} of the middleware (practice, session and client in one batch)`,
      met: handlerTrips.every((trips) => trips === 1),
    },
    {
      budget: "Overview: D1 rows read per render the same for a practice of 10 or 100,000 documents",
      measured: `${integer(kleinRows)} rows in klein, ${integer(grootRows)} in groot, for a client with the same rows`,
      met: kleinRows === grootRows,
    },
    {
      budget: "Every other page: rows read do not grow with the practice",
      measured:
        growing.length === 0
          ? "no page reads more rows in groot than in klein"
          : growing.map((entry) => `${entry.page}: ${entry.klein} → ${entry.groot}`).join("; "),
      met: growing.length === 0,
    },
    {
      budget: `Overview: at most ${integer(OVERVIEW_JS_BUDGET_GZIP_BYTES)} bytes of JavaScript, gzipped`,
      measured: `${integer(maxOverviewJs)} bytes in ${overviewJs[0]?.jsFiles.length ?? 0} files`,
      met: maxOverviewJs <= OVERVIEW_JS_BUDGET_GZIP_BYTES,
    },
    {
      budget: "Overview: no layout shift from islands",
      measured: `Lighthouse CLS ${dashboardCls.map((summary) => `${summary.cumulativeLayoutShift?.toFixed(3)} (${summary.key})`).join(", ")}`,
      met: maxCls === 0,
    },
  ];
}

function budgetsTable(budgets) {
  return table(
    ["budget", "measured", "result"],
    budgets.map((entry) => [entry.budget, entry.measured, entry.met ? "met" : "**missed**"]),
  );
}

/** Returns the notes section of an existing BENCHMARKS.md, so a new run keeps them. */
function existingNotes(file) {
  if (!existsSync(file)) return DEFAULT_NOTES;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(NOTES_START);
  const end = text.indexOf(NOTES_END);
  return start >= 0 && end > start ? text.slice(start + NOTES_START.length, end).trim() : DEFAULT_NOTES;
}

function seconds(value) {
  return `${Math.round(value)} s`;
}

/** Writes BENCHMARKS.md from `results`, keeping the notes section of the existing file. */
export function writeReport(results, file) {
  const { machine, phases } = results;
  const budgets = evaluateBudgets(results);
  const groot = results.seed.counts.groot;
  const memory = results.memory;
  const formsNotes = Object.entries(results.formsTargets)
    .map(([practice, target]) => `${practice}: ${target.note}`)
    .join("; ");

  const text = `# Benchmarks

Figures from \`npm run bench\` (bench/run.mjs): the built app served by \`wrangler dev\` in local workerd with
local D1, KV and R2, loaded with autocannon, inspected with Lighthouse. Run of ${results.finishedAt.slice(0, 16).replace("T", " ")} UTC,
${seconds(results.totalSeconds)} in all.

**These are local figures on a shared 2-core machine.** Other builds and browser tests ran on it at the same
time, so latencies and throughput vary from run to run, and workerd on a laptop is not
Cloudflare's edge: D1 here is a SQLite file next to the worker, with no network between them. Use the
figures to compare pages with each other and with the static asset of the same run, not as production
latencies. Rows read per request do not depend on the machine.

## Budgets

${budgetsTable(budgets)}

## Machine and versions

| what | value |
| --- | --- |
| CPU | ${machine.cpuModel}, ${machine.cores} cores |
| memory | ${machine.memoryGib} GiB |
| kernel | ${machine.kernel} |
${Object.entries(machine.versions)
  .map(([name, version]) => `| ${name} | ${version ?? "unknown"} |`)
  .join("\n")}

## Reproduce

\`\`\`sh
npm ci
npm run bench
\`\`\`

It takes about ${Math.ceil(results.totalSeconds / 60)} minutes on this machine and needs Debian's Chromium at /usr/bin/chromium
(\`node scripts/ensure-chromium.mjs\` installs it). It is not part of \`npm test\`. It writes this file (keeping the
notes section at the end) and the raw results to \`.bench/\` (git-ignored): \`results.json\`, the load plan, the
Lighthouse reports, the scale seed's SQL and \`bench.log\` with the output of every command it ran.

## Method

Phases of this run: ${Object.entries(phases)
    .map(([name, value]) => `${name} ${seconds(value)}`)
    .join(", ")}.

1. **Build.** \`VERANDA_DEV_TOOLS=1 astro build --outDir .bench/build\`: a build with the development mailbox
   (/dev/mail.json), because the bench signs in through it. It goes to its own folder, so a build or test run
   on the same checkout cannot change the served code mid-run; \`.wrangler/deploy/config.json\` is put back
   afterwards, so \`wrangler dev\` in the project root keeps serving dist/.
2. **Data.** Fresh state in \`.wrangler/bench-state\`: the migrations and the demo seed
   (\`scripts/seed.mjs --persist-to\`), then the scale data set (bench/seed-scale.mjs): ${results.seed.practices} practices
   in all. groot holds ${integer(groot.clients)} clients, ${integer(groot.documents)} documents and ${integer(groot.assignments)} assignments;
   its benchmark client (bench@groot.example) holds 60 documents (55 shared, 3 unshared, 2 never shared)
   and 10 assignments (2 overdue, 2 due later, 1 undated, 5 completed). klein has 20 clients, and its
   benchmark client holds exactly the same rows as groot's. 46 more practices have 20 clients each. Other
   clients' documents are 85–90 % shared, and their assignments are a mix of pending, completed and
   withdrawn. Documents are rows only, apart from one 1 MB file per practice (demo and groot) for the download test.
   The rows go in as one SQL file of multi-row INSERTs (${integer(results.seed.statements)} statements, each under D1's 100 KB
   statement limit) through \`wrangler d1 execute --local --file\`: ${seconds(results.seed.executeMs / 1000)} here, where
   bound 100-parameter INSERTs through \`getPlatformProxy\` took 91 s, because each \`prepare\` and \`bind\` there
   is a synchronous call into the proxy's workerd. The R2 files go in through \`getPlatformProxy\`.
3. **Server.** \`wrangler dev --config .bench/build/server/wrangler.json --ip 127.0.0.1 --port <free port>
   --persist-to .wrangler/bench-state --var PORTAL_DOMAIN:localhost:<port>\`, in its own process group, stopped
   by signalling that group. Practices answer at \`{slug}.localhost:<port>\`.
4. **Sign-in.** Sanne (demo) and the benchmark client of groot sign in through the real flow: \`POST /login\`
   with an Origin header, the link from \`/dev/mail.json\`, \`POST\` of the link; the bench keeps the
   \`__Host-veranda_session\` cookie. Each address signs in once per run, within the limit of 5 emails per address per hour.
5. **Load.** autocannon ${machine.versions.autocannon} in a second Node process (bench/load-worker.mjs), per request and
   concurrency ${CONCURRENCIES.join(" and ")}: 1 s of warm-up, then ${LOAD_DURATION_SECONDS} s measured, keep-alive connections to 127.0.0.1 with the
   practice host in \`Host\`. Percentiles are exact (nearest rank) over every response of the measured
   seconds. The static reference is \`/favicon.svg\`, which the assets binding serves before any Veranda code
   runs. ${formsNotes}. The download is \`/documents/<id>/file?download=1\` of the 1 MB file; every download
   also writes its audit event and \`first_downloaded_at\`. The sign-in request is \`POST /login\` with a new
   unknown address per request (\`…@bench.invalid\`, so no mail is sent). After the first 30 requests per IP
   address and practice in 10 minutes the portal throttles, so nearly all of them take the throttled path; the
   response (303 to /login/check) and the work before it are the same, and the throttling, lookup and audit
   run after the response (\`waitUntil\`).
6. **D1 per request.** wrangler dev does not log D1 queries, so they are counted outside the server, after it
   stopped: bench/d1/replay.mjs bundles the product's own query functions (src/lib/…) with esbuild and runs
   them, in the order src/middleware.ts (through loadRequestIdentity) and each page call them, against the same local database through
   \`getPlatformProxy\`, with a wrapper around the D1 binding that records every statement and the
   \`meta.rows_read\` and \`meta.rows_written\` D1 returns. Each request runs twice and the second run is
   counted; the first absorbs one-off work such as the session refresh, an UPDATE that runs at most once a
   minute per session. Every statement gets an \`EXPLAIN QUERY PLAN\`. The middleware part is a copy of
   src/middleware.ts's order of calls, so it must follow changes there.
7. **Bytes.** The HTML of each page (signed in) and every \`/_astro/*.js\` module it loads: module scripts,
   module preloads, the islands' component and renderer URLs, and everything those import (static and
   dynamic imports), each file gzipped on its own with zlib's default level.
8. **Lighthouse** ${machine.versions.lighthouse}, mobile preset (simulated throttling), categories performance,
   accessibility and best practices, in ${machine.versions.chromium} with \`--headless=new --no-sandbox --disable-gpu
   --no-first-run --disable-background-networking --disable-component-update --disable-sync
   --host-resolver-rules="MAP *.localhost 127.0.0.1"\` on top of chrome-launcher's defaults. Signed-in pages get
   the session cookie through Lighthouse's \`extraHeaders\`. The last column lists every host other than
   \`*.localhost\` that a page requested.
9. **Memory.** Every ${memory.intervalMs} ms during sign-in, load and Lighthouse, the VmRSS of the workerd processes in
   wrangler's process group, summed, and at the end each one's VmHWM (the kernel's peak resident set).

## Latency and throughput

Each row is one request at one concurrency, measured for ${LOAD_DURATION_SECONDS} s. The ratios compare with the static asset of the
same practice and concurrency in the same run: p50 ÷ static is how many times slower, req/s ÷ static the
share of the static throughput.

### ${PRACTICE_LABELS.demo}

${loadTable(results.load, "demo")}

### ${PRACTICE_LABELS.groot}

${loadTable(results.load, "groot")}

## D1 per request

Measured by replay (method 6), per request: the middleware's round trips and statements plus the page's
(the handler's share in brackets), and the rows read. demo is Sanne (6 shared documents, 5 assignments, and the
1 MB file); klein and groot are clients with the same 60 documents and 10 assignments, so the klein → groot
column isolates the size of the practice. sign-in is an unknown address before the throttle and
sign-in (throttled) after it; their handler's share runs after the response (\`waitUntil\`). fill-in is
\`/forms/<id>\`.

${replayTable(results.replay)}

Queries in groot, with their plans (a **scan** reads a whole table or index and grows with it):

${planList(results.replay)}

## Bytes shipped

kB are 1,000 bytes.

${bytesTable(results.bytes)}

JavaScript of the Overview (demo /dashboard), largest first:

${jsFileList(results.bytes.find((entry) => entry.practice === "demo" && entry.path === "/dashboard"))}

## Lighthouse

${lighthouseTable(results.lighthouse)}

## Memory of workerd

Peak of the summed VmRSS of wrangler's workerd processes, polled every ${memory.intervalMs} ms, per phase:

${table(
  ["phase", "peak VmRSS, summed"],
  Object.entries(memory.peakSumRssKibByPhase).map(([name, kib]) => [name, `${integer(kib / 1024)} MiB`]),
)}

Peak resident set (VmHWM) per process at the end: ${memory.processes
    .map((entry) => `${integer(entry.hwmKib / 1024)} MiB (${entry.role})`)
    .join(", ")}.

## Notes

${NOTES_START}
${existingNotes(file)}
${NOTES_END}
`;
  writeFileSync(file, text);
  return budgets;
}

/** Prints the headline figures and the budgets to the terminal. */
export function printSummary(results, budgets) {
  const line = (text) => console.log(text);
  line("\nBench summary");
  for (const practice of ["demo", "groot"]) {
    const at32 = results.load.filter((result) => result.practice === practice && result.connections === 32);
    line(`  ${practice}, concurrency 32:`);
    for (const result of at32) {
      line(
        `    ${result.label.padEnd(32)} p50 ${ms(result.latencyMs.p50).padStart(7)} ms  p99 ${ms(result.latencyMs.p99).padStart(7)} ms  ${integer(result.requestsPerSecond).padStart(6)} req/s  failed ${failedCount(result)}`,
      );
    }
  }
  line("  D1 rows read per request (klein → groot):");
  for (const page of [...new Set(results.replay.map((entry) => entry.page))]) {
    const klein = replayFor(results.replay, "klein", page);
    const groot = replayFor(results.replay, "groot", page);
    line(`    ${page.padEnd(22)} ${klein.total.rowsRead} → ${groot.total.rowsRead}`);
  }
  line("  Budgets:");
  for (const budget of budgets) line(`    [${budget.met ? "met" : "MISSED"}] ${budget.budget}: ${budget.measured}`);
  line(`  Total ${seconds(results.totalSeconds)}; details in BENCHMARKS.md and .bench/results.json`);
}
