#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium for the end-to-end tests. It installs the
// `chromium` package with apt-get and never downloads a browser any other way: Playwright's own
// browser download (`npx playwright install`) needs hosts that these machines cannot reach.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM_PATH = "/usr/bin/chromium";

function log(message) {
  console.log(`[ensure-chromium] ${message}`);
}

function fail(message) {
  console.error(`[ensure-chromium] ${message}`);
  process.exit(1);
}

/** Runs apt-get with its output shown, through sudo unless this process is root. */
function aptGet(args) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? "apt-get" : "sudo";
  const commandArgs = asRoot ? args : ["--non-interactive", "apt-get", ...args];
  log(`running: ${command} ${commandArgs.join(" ")}`);

  const result = spawnSync(command, commandArgs, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  return result.status === 0;
}

if (existsSync(CHROMIUM_PATH)) {
  log(`found ${CHROMIUM_PATH}; nothing to install`);
  process.exit(0);
}

log(`${CHROMIUM_PATH} is missing; installing Debian's chromium package`);
let installed = aptGet(["install", "-y", "chromium"]);
if (!installed) {
  // A fresh machine often has no package index yet, so the first install finds no candidate.
  log("install failed; updating the package index and trying once more");
  if (!aptGet(["update"])) fail("apt-get update failed; check that Debian's package mirror is reachable");
  installed = aptGet(["install", "-y", "chromium"]);
}

if (!installed) fail("apt-get install chromium failed; install Debian's chromium package by hand and run again");
if (!existsSync(CHROMIUM_PATH)) fail(`the chromium package installed, but ${CHROMIUM_PATH} still does not exist`);
log(`installed ${CHROMIUM_PATH}`);
