// Resident memory of the workerd processes that serve the app, read from /proc while the bench runs.
import { readFileSync } from "node:fs";

import { workerdPids } from "./server.mjs";

const POLL_INTERVAL_MS = 500;

/** Returns VmRSS and VmHWM (peak resident set) of a process in KiB, or null when it is gone. */
function readMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssKib: field("VmRSS"), hwmKib: field("VmHWM") };
  } catch {
    return null;
  }
}

/**
 * Returns the role of a workerd process of wrangler dev, read from its command line. wrangler 4
 * runs a proxy worker on the public port that forwards each request to a second workerd, which
 * runs the app with its local D1, KV and R2 and is the one with an inspector address.
 */
function describeProcess(pid, port) {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (args.includes(`--socket-addr=entry=127.0.0.1:${port}`)) return "wrangler's proxy on the public port";
    if (args.some((arg) => arg.startsWith("--inspector-addr="))) return "the app with local D1, KV and R2";
    return "other";
  } catch {
    return "ended";
  }
}

/**
 * Polls the workerd processes of the server's process group every POLL_INTERVAL_MS, and
 * `mark(name)` starts a new phase. `stop()` returns the peak of their summed VmRSS per phase, as
 * seen by polling. It also returns each process's VmHWM, the kernel's own peak, which covers peaks
 * between polls too.
 */
export function watchMemory(groupId, port) {
  const processes = new Map();
  const peakSumRssKibByPhase = {};
  let phase = "start";
  let samples = 0;

  const poll = () => {
    let sum = 0;
    for (const pid of workerdPids(groupId)) {
      const memory = readMemory(pid);
      if (!memory) continue;
      sum += memory.rssKib;
      const known = processes.get(pid) ?? { pid, role: describeProcess(pid, port), hwmKib: 0 };
      known.hwmKib = Math.max(known.hwmKib, memory.hwmKib);
      processes.set(pid, known);
    }
    peakSumRssKibByPhase[phase] = Math.max(peakSumRssKibByPhase[phase] ?? 0, sum);
    samples += 1;
  };
  poll();
  const timer = setInterval(poll, POLL_INTERVAL_MS);

  return {
    mark(name) {
      poll();
      phase = name;
    },
    stop() {
      clearInterval(timer);
      poll();
      return {
        samples,
        intervalMs: POLL_INTERVAL_MS,
        peakSumRssKibByPhase,
        peakSumRssKib: Math.max(...Object.values(peakSumRssKibByPhase)),
        processes: [...processes.values()],
      };
    },
  };
}
