// Runs the load plan with autocannon in its own process, so the load generator shares no event
// loop with the bench's bookkeeping: `node bench/load-worker.mjs PLAN.json RESULTS.json`.
import { readFile, writeFile } from "node:fs/promises";

import autocannon from "autocannon";

import { SCENARIO_START_PREFIX } from "./load.mjs";

/** Seconds of load before each measurement, not counted, so the isolate and caches are warm. */
const WARMUP_SECONDS = 1;
/** A request that takes longer than this counts as a timeout, in seconds. */
const REQUEST_TIMEOUT_SECONDS = 10;

/** Returns the `fraction` percentile of ascending `sorted` by the nearest-rank method. */
function percentile(sorted, fraction) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

async function runScenario(scenario) {
  const latenciesMs = [];
  const options = {
    url: scenario.url,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    idReplacement: scenario.idReplacement ?? false,
    connections: scenario.connections,
    duration: scenario.durationSeconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    warmup: { connections: scenario.connections, duration: WARMUP_SECONDS },
  };
  const instance = autocannon(options);
  instance.on("response", (_client, _statusCode, _bytes, responseTimeMs) => latenciesMs.push(responseTimeMs));
  const result = await instance;

  latenciesMs.sort((a, b) => a - b);
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  const failedResponses = Object.entries(statusCounts)
    .filter(([code]) => Number(code) < 200 || Number(code) >= 400)
    .reduce((sum, [, count]) => sum + count, 0);

  return {
    ...scenario,
    durationSeconds: result.duration,
    requests: latenciesMs.length,
    requestsPerSecond: latenciesMs.length / result.duration,
    latencyMs: {
      p50: percentile(latenciesMs, 0.5),
      p95: percentile(latenciesMs, 0.95),
      p99: percentile(latenciesMs, 0.99),
      max: latenciesMs.at(-1) ?? null,
    },
    bytesPerSecond: result.throughput.average,
    statusCounts,
    failedResponses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const [planFile, resultsFile] = process.argv.slice(2);
const plan = JSON.parse(await readFile(planFile, "utf8"));
const results = [];
for (const scenario of plan) {
  // The parent process reads this line to attribute memory peaks to the scenario.
  console.log(`${SCENARIO_START_PREFIX}${scenario.practice} ${scenario.name} c=${scenario.connections}`);
  const result = await runScenario(scenario);
  results.push(result);
  console.log(
    `[load] ${scenario.practice} ${scenario.name} c=${scenario.connections}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50?.toFixed(1)} ms, p99 ${result.latencyMs.p99?.toFixed(1)} ms, failed ${result.failedResponses + result.errors}`,
  );
}
await writeFile(resultsFile, JSON.stringify(results, null, 2));
