import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mailchannelsSimulatorUrl: string;
  }
}

/**
 * Starts the MailChannels simulator that ships with `mailchannels-sdk` on 127.0.0.1 with a free
 * port, so the production mail transport is tested against a real HTTP server.
 */
export default async function startSimulator(project: TestProject) {
  const cli = path.resolve(project.config.root, "node_modules", "mailchannels-sdk", "dist", "cli.mjs");

  const child: ChildProcess = spawn(process.execPath, [cli, "simulate", "--host", "127.0.0.1", "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("MailChannels simulator did not start within 15 s")), 15_000);
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timeout);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`MailChannels simulator exited with ${code}: ${output}`)));
  });

  project.provide("mailchannelsSimulatorUrl", url);
  return () => {
    child.kill();
  };
}
