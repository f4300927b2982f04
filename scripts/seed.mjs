#!/usr/bin/env node
// Seeds local D1 and R2 with the demo practices: `node scripts/seed.mjs [--persist-to DIR]`.
// Applies the migrations first. Fixed ids and INSERT … ON CONFLICT DO NOTHING make a second run
// change nothing.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";

import { getPlatformProxy } from "wrangler";

import { OFFLINE_ENV, run } from "./run.mjs";
import {
  builtIns,
  DEMO_CLIENT_STAFF,
  DEMO_STAFF_ROLES,
  demoAssignments,
  demoCompletedResponse,
  demoDocuments,
  demoQuestionnaires,
} from "./seed/demo-content.mjs";

const { values } = parseArgs({ options: { "persist-to": { type: "string" } } });
const persistTo = values["persist-to"];
Object.assign(process.env, OFFLINE_ENV);

const migrateArgs = ["wrangler", "d1", "migrations", "apply", "DB", "--local"];
await run("npx", persistTo ? [...migrateArgs, "--persist-to", persistTo] : migrateArgs);

const proxy = await getPlatformProxy({
  configPath: "wrangler.jsonc",
  persist: persistTo ? { path: `${persistTo}/v3` } : true,
  remoteBindings: false,
});
const { DB, FILES } = proxy.env;

/** Counts the questions a client answers: every item except groups and display texts. */
function countQuestions(items = []) {
  return items.reduce((count, item) => {
    const own = item.type === "group" || item.type === "display" ? 0 : 1;
    return count + own + countQuestions(item.item);
  }, 0);
}

async function seedPractices() {
  const sql = await readFile("db/seed/demo.sql", "utf8");
  const statements = sql
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
  await DB.batch(statements.map((statement) => DB.prepare(statement)));
}

async function seedDocuments() {
  for (const document of demoDocuments()) {
    const storageKey = `documents/${document.id}`;
    if (!(await FILES.head(storageKey))) {
      await FILES.put(storageKey, document.bytes, { httpMetadata: { contentType: document.contentType } });
    }

    const daysAgo = (days) => (days === null || days === undefined ? null : document.now - days * document.DAY_MS);
    const sharedAt = daysAgo(document.sharedDaysAgo);
    await DB.prepare(
      `INSERT INTO documents (id, practice_id, client_id, storage_key, file_name, content_type, kind, size_bytes, sha256,
        uploaded_by, uploaded_at, shared_by, shared_at, acknowledgement_requested_at, acknowledged_at)
       VALUES (?, 'prac_demo', ?, ?, ?, ?, ?, ?, ?, 'stf_eva', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
      .bind(
        document.id,
        document.clientId,
        storageKey,
        document.fileName,
        document.contentType,
        { "application/pdf": "pdf", "image/png": "image" }[document.contentType] ?? "other",
        document.bytes.length,
        createHash("sha256").update(document.bytes).digest("hex"),
        (sharedAt ?? document.now) - document.DAY_MS,
        sharedAt === null ? null : "stf_eva",
        sharedAt,
        document.acknowledgementRequested ? sharedAt : null,
        daysAgo(document.acknowledgedDaysAgo),
      )
      .run();
  }
}

async function seedQuestionnaires() {
  const now = Date.now();
  for (const { id, builtIn, resource } of await demoQuestionnaires()) {
    await DB.batch([
      DB.prepare(
        `INSERT INTO questionnaires (id, practice_id, canonical_url, language, status, built_in, created_at)
         VALUES (?, 'prac_demo', ?, ?, 'active', ?, ?) ON CONFLICT DO NOTHING`,
      ).bind(id, resource.url, resource.language ?? "nl", builtIn ? 1 : 0, now),
      DB.prepare(
        `INSERT INTO questionnaire_versions (id, practice_id, questionnaire_id, version_number, title, description, language,
          question_count, resource_json, created_at)
         VALUES (?, 'prac_demo', ?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).bind(
        `${id}_v1`,
        id,
        resource.title,
        resource.description ?? null,
        resource.language ?? "nl",
        countQuestions(resource.item),
        JSON.stringify(resource),
        now,
      ),
    ]);
  }

  const day = 24 * 60 * 60 * 1000;
  for (const assignment of demoAssignments()) {
    const completedAt = assignment.completedDaysAgo === undefined ? null : now - assignment.completedDaysAgo * day;
    await DB.prepare(
      `INSERT INTO assignments (id, practice_id, client_id, questionnaire_version_id, assigned_by, assigned_at, due_date, status, completed_at)
       VALUES (?, 'prac_demo', ?, ?, 'stf_eva', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
      .bind(
        assignment.id,
        assignment.clientId,
        `${assignment.questionnaireId}_v1`,
        now - assignment.assignedDaysAgo * day,
        assignment.dueDate,
        completedAt === null ? "pending" : "completed",
        completedAt,
      )
      .run();
  }

  const completed = demoAssignments().find((assignment) => assignment.completedDaysAgo !== undefined);
  const completedAt = now - completed.completedDaysAgo * day;
  const response = demoCompletedResponse(completedAt);
  await DB.prepare(
    `INSERT INTO questionnaire_responses (id, practice_id, client_id, assignment_id, questionnaire_version_id,
      answers_json, resource_json, authored_at)
     SELECT ?, practice_id, client_id, id, questionnaire_version_id, ?, ?, completed_at FROM assignments WHERE id = ?
     ON CONFLICT DO NOTHING`,
  )
    .bind(response.id, JSON.stringify(response.answers), JSON.stringify(response.resource), response.assignmentId)
    .run();
}

/** Gives both demo practices the system roles and their staff members a role each. */
async function seedRoles() {
  const { systemRoles } = await builtIns();
  const now = Date.now();
  const statements = [];
  for (const practiceId of ["prac_demo", "prac_zonnehuis"]) {
    for (const [key, role] of Object.entries(systemRoles)) {
      const roleId = `role_${practiceId}_${key}`;
      statements.push(
        DB.prepare(
          `INSERT INTO roles (id, practice_id, name, system_key, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        ).bind(roleId, practiceId, role.name.nl, key, now),
      );
      for (const permission of role.permissions) {
        statements.push(
          DB.prepare(
            `INSERT INTO role_permissions (role_id, practice_id, permission) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
          ).bind(roleId, practiceId, permission),
        );
      }
    }
  }
  for (const [staffId, practiceId, key] of DEMO_STAFF_ROLES) {
    statements.push(
      DB.prepare(
        `INSERT INTO staff_roles (staff_id, role_id, practice_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
      ).bind(staffId, `role_${practiceId}_${key}`, practiceId),
    );
  }
  for (const [clientId, staffId, practiceId] of DEMO_CLIENT_STAFF) {
    statements.push(
      DB.prepare(
        `INSERT INTO client_staff (client_id, staff_id, practice_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
      ).bind(clientId, staffId, practiceId),
    );
  }
  await DB.batch(statements);
}

try {
  await seedPractices();
  await seedRoles();
  await seedDocuments();
  await seedQuestionnaires();
  console.log("[seed] demo practices, documents and questionnaires are in place");
} finally {
  await proxy.dispose();
}
