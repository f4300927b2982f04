// Markdown tables and number formats for the bench report.
import { CONCURRENCIES } from "./load.mjs";

/** Formats milliseconds with two decimals below 10 ms and one above. */
export function ms(value) {
  if (value === null || value === undefined) return "–";
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}
export const integer = (value) =>
  value === null || value === undefined ? "–" : Math.round(value).toLocaleString("en-US");
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
export const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const score = (value) => (value === null || value === undefined ? "–" : String(Math.round(value * 100)));

export function table(header, rows) {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** Shortens a statement for the report: whitespace collapsed, long column lists replaced by `…`. */
function shortSql(sql) {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat
    .replace(/^select (.{40,}?) from /i, "select … from ")
    .replace(/^insert into ("?\w+"?) \(.+?\) values \(.+\)$/i, "insert into $1 (…) values (…)")
    .replace(/ VALUES \(.+?\) ON CONFLICT/i, " VALUES (…) ON CONFLICT");
}

export function failedCount(result) {
  return result.failedResponses + result.errors + result.timeouts;
}

export function loadTable(results, practice) {
  const rows = [];
  for (const connections of CONCURRENCIES) {
    const inRun = results.filter((result) => result.practice === practice && result.connections === connections);
    const reference = inRun.find((result) => result.name === "static");
    for (const result of inRun) {
      rows.push([
        result.label,
        String(connections),
        ms(result.latencyMs.p50),
        ms(result.latencyMs.p95),
        ms(result.latencyMs.p99),
        integer(result.requestsPerSecond),
        integer(result.requests),
        integer(failedCount(result)),
        result.name === "static" ? "1.00×" : ratio(result.latencyMs.p50 / reference.latencyMs.p50),
        result.name === "static" ? "1.00×" : ratio(result.requestsPerSecond / reference.requestsPerSecond),
      ]);
    }
  }
  return table(
    [
      "request",
      "conc.",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "req/s",
      "requests",
      "non-2xx/3xx + errors",
      "p50 ÷ static",
      "req/s ÷ static",
    ],
    rows,
  );
}

export function replayFor(replay, practice, page) {
  return replay.find((entry) => entry.practice === practice && entry.page === page);
}

/** Returns the pages whose rows read per request differ between klein and groot, with the difference. */
export function growingPages(replay) {
  const pages = [...new Set(replay.map((entry) => entry.page))];
  return pages
    .map((page) => ({ page, klein: replayFor(replay, "klein", page), groot: replayFor(replay, "groot", page) }))
    .filter(({ klein, groot }) => klein && groot && groot.total.rowsRead !== klein.total.rowsRead)
    .map(({ page, klein, groot }) => ({ page, klein: klein.total.rowsRead, groot: groot.total.rowsRead }));
}

export function replayTable(replay) {
  const pages = [...new Set(replay.map((entry) => entry.page))];
  const growing = new Map(growingPages(replay).map((entry) => [entry.page, entry]));
  const rows = pages.map((page) => {
    const demo = replayFor(replay, "demo", page);
    const klein = replayFor(replay, "klein", page);
    const groot = replayFor(replay, "groot", page);
    const growth = growing.get(page);
    return [
      page,
      `${groot.total.roundTrips} (${groot.handler.roundTrips})`,
      `${groot.total.statements} (${groot.handler.statements})`,
      integer(demo?.total.rowsRead),
      integer(klein?.total.rowsRead),
      integer(groot.total.rowsRead),
      integer(groot.total.rowsWritten),
      growth ? `**grows: ${growth.klein} → ${growth.groot}**` : "flat",
    ];
  });
  return table(
    [
      "request",
      "round trips (handler)",
      "statements (handler)",
      "rows read: demo",
      "rows read: klein",
      "rows read: groot",
      "rows written: groot",
      "klein → groot",
    ],
    rows,
  );
}

/** Returns each distinct statement of the groot replay with its plan, rows read and the requests that run it. */
export function statementPlans(replay) {
  const byKey = new Map();
  for (const entry of replay.filter((item) => item.practice === "groot")) {
    for (const statement of [...entry.middlewareRoundTrips, ...entry.handlerRoundTrips].flat()) {
      const key = shortSql(statement.sql);
      const known = byKey.get(key) ?? { sql: key, pages: new Set(), rowsRead: new Set(), plan: statement.plan };
      known.pages.add(entry.page);
      known.rowsRead.add(statement.rowsRead);
      byKey.set(key, known);
    }
  }
  return [...byKey.values()].map((statement) => ({
    ...statement,
    pages: [...statement.pages],
    rowsRead: [...statement.rowsRead],
    scans: statement.plan.filter((line) => line.kind === "scan").map((line) => line.detail),
  }));
}

export function planList(replay) {
  return statementPlans(replay)
    .map((statement) => {
      const plan =
        statement.plan.length > 0 ? statement.plan.map((line) => line.detail).join("; ") : "(no plan: a plain insert)";
      const flag = statement.scans.length > 0 ? " **scan**" : "";
      return `- \`${statement.sql}\`${flag}\n  - requests: ${statement.pages.join(", ")}; rows read in groot: ${statement.rowsRead.join(", ")}\n  - plan: ${plan}`;
    })
    .join("\n");
}

export function bytesTable(bytes) {
  return table(
    ["page", "practice", "HTML", "HTML gzip", "JS files", "JS", "JS gzip", "CSS gzip"],
    bytes.map((entry) => [
      entry.path,
      entry.practice,
      kilobytes(entry.htmlBytes),
      kilobytes(entry.htmlGzipBytes),
      String(entry.jsFiles.length),
      kilobytes(entry.jsBytes),
      kilobytes(entry.jsGzipBytes),
      kilobytes(entry.cssGzipBytes),
    ]),
  );
}

/** Lists the JavaScript files of one page, largest gzipped first. */
export function jsFileList(entry) {
  return [...entry.jsFiles]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((file) => `- \`${file.path}\`: ${kilobytes(file.gzipBytes)} gzipped (${kilobytes(file.bytes)})`)
    .join("\n");
}

export function lighthouseTable(summaries) {
  return table(
    [
      "page",
      "performance",
      "accessibility",
      "best practices",
      "LCP ms",
      "TBT ms",
      "CLS",
      "FCP ms",
      "other hosts requested",
    ],
    summaries.map((summary) => [
      summary.key,
      score(summary.scores.performance),
      score(summary.scores.accessibility),
      score(summary.scores["best-practices"]),
      integer(summary.largestContentfulPaintMs),
      integer(summary.totalBlockingTimeMs),
      summary.cumulativeLayoutShift === null ? "–" : summary.cumulativeLayoutShift.toFixed(3),
      integer(summary.firstContentfulPaintMs),
      summary.foreignHosts.length > 0 ? summary.foreignHosts.join(", ") : "none",
    ]),
  );
}
