// Creates a practice with its subdomain, system roles and first admin, for the platform operator:
//   npm run practice:create -- --slug linde --name "Praktijk De Linde" --admin-email eva@linde.nl \
//     [--admin-name "Eva Mulder"] [--remote] [--persist-to DIR]
// Local D1 by default; `--remote` writes to the deployed database (`--env production`).
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { SYSTEM_ROLES } from "../src/lib/console/permissions";

const USAGE = `Usage: npm run practice:create -- --slug SLUG --name NAME --admin-email EMAIL [options]

  --slug SLUG          subdomain of the practice: a-z, 0-9 and hyphens
  --name NAME          name of the practice, shown in the portal and emails
  --admin-email EMAIL  email address of the first admin, who signs in at /practice/login
  --admin-name NAME    name of the first admin (default: the email address)
  --remote             write to the deployed database (wrangler --remote --env production)
  --persist-to DIR     local state folder (default: wrangler's .wrangler/state)
  --help               show this text`;

const { values } = parseArgs({
  options: {
    help: { type: "boolean", default: false },
    slug: { type: "string" },
    name: { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
    remote: { type: "boolean", default: false },
    "persist-to": { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`practice:create: ${message}\n\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.slug) fail("--slug is missing");
if (!values.name) fail("--name is missing");
if (!values["admin-email"]) fail("--admin-email is missing");

const slug = values.slug?.trim().toLowerCase() ?? "";
const name = values.name?.trim() ?? "";
const adminEmail = values["admin-email"]?.trim().toLowerCase() ?? "";
if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) fail(`--slug "${slug}" is invalid: use a-z, 0-9 and hyphens`);
if (name === "") fail("--name is missing");
if (!/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(adminEmail))
  fail(`--admin-email "${adminEmail}" is not an email address`);

/** Returns `value` as an SQL literal; strings are quoted with their single quotes doubled. */
function quote(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}
const now = Date.now();
const practiceId = `prac_${randomUUID()}`;
const adminId = `stf_${randomUUID()}`;
const statements = [
  `INSERT INTO practices (id, slug, name, created_at) VALUES (${quote(practiceId)}, ${quote(slug)}, ${quote(name)}, ${now});`,
  `INSERT INTO staff_members (id, practice_id, name, email, active, created_at) VALUES (${quote(adminId)}, ${quote(practiceId)}, ${quote(values["admin-name"]?.trim() || adminEmail)}, ${quote(adminEmail)}, 1, ${now});`,
];
for (const [key, role] of Object.entries(SYSTEM_ROLES)) {
  const roleId = `role_${randomUUID()}`;
  statements.push(
    `INSERT INTO roles (id, practice_id, name, system_key, created_at) VALUES (${quote(roleId)}, ${quote(practiceId)}, ${quote(role.name.nl)}, ${quote(key)}, ${now});`,
  );
  for (const permission of role.permissions) {
    statements.push(
      `INSERT INTO role_permissions (role_id, practice_id, permission) VALUES (${quote(roleId)}, ${quote(practiceId)}, ${quote(permission)});`,
    );
  }
  if (key === "admin") {
    statements.push(
      `INSERT INTO staff_roles (staff_id, role_id, practice_id) VALUES (${quote(adminId)}, ${quote(roleId)}, ${quote(practiceId)});`,
    );
  }
}

const directory = mkdtempSync(path.join(tmpdir(), "veranda-practice-"));
const file = path.join(directory, "practice.sql");
writeFileSync(file, statements.join("\n"));
const target = values.remote
  ? ["--remote", "--env", "production"]
  : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])];
try {
  execFileSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", ...target], { stdio: "inherit" });
  // wrangler prints one result object per statement; only its errors matter here.
  execFileSync("npx", ["wrangler", "d1", "execute", "DB", ...target, "--file", file], {
    stdio: ["ignore", "ignore", "inherit"],
  });
} catch {
  fail(
    `creating the practice failed; the slug "${slug}" or the address may already be in use (see wrangler's output above)`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
const where = values.remote
  ? `${slug}.<PORTAL_DOMAIN of env.production in wrangler.jsonc>`
  : `http://${slug}.localhost:4321 (with npm run dev)`;
console.log(`practice:create: created "${name}" at ${where}`);
console.log(`practice:create: its admin ${adminEmail} signs in at /practice/login`);
