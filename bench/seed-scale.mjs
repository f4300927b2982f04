// Seeds the scale data set on top of the demo seed: 48 more practices, one of them ("groot") with
// 10,000 clients, 100,000 documents and 100,000 assignments. Documents are rows only, except the
// two 1 MB files the download test fetches. Values come from a seeded generator, so every run
// writes the same rows apart from timestamps.
//
// The rows go in as one SQL file through `wrangler d1 execute --file`, which took about 10 s on a
// 2-core machine. Bound multi-row INSERTs through getPlatformProxy took 91 s for the same rows,
// because every `prepare` and `bind` there is a synchronous call into the proxy's workerd.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { getPlatformProxy } from "wrangler";

import { DAY_MS, DEMO, DOWNLOAD_BYTES, GROOT, HOUR_MS, KLEIN, QUESTIONNAIRE_FILES } from "./fixtures.mjs";
import { runLogged } from "./process.mjs";
import { benchPractices, buildPracticeRows, downloadFile, practiceShape, randomGenerator } from "./seed-rows.mjs";
import { insertStatements } from "./sql-file.mjs";

/** Counts the questions a client answers: every item except groups and display texts. */
function countQuestions(items = []) {
  return items.reduce((count, item) => {
    const own = item.type === "group" || item.type === "display" ? 0 : 1;
    return count + own + countQuestions(item.item);
  }, 0);
}

async function readQuestionnaires() {
  return Promise.all(
    QUESTIONNAIRE_FILES.map(async ([key, file]) => ({
      key,
      resource: JSON.parse(await readFile(new URL(`../db/seed/questionnaires/${file}`, import.meta.url), "utf8")),
    })),
  );
}

function practiceStatements(practice, rows, createdAt) {
  return [
    ...insertStatements({
      table: "clients",
      columns: ["id", "first_name", "last_name", "email", "portal_access", "archived_at"],
      constants: { practice_id: practice.id, locale: "nl", created_at: createdAt },
      rows: rows.clients,
    }),
    ...insertStatements({
      table: "documents",
      columns: [
        "id",
        "client_id",
        "storage_key",
        "file_name",
        "content_type",
        "kind",
        "size_bytes",
        "sha256",
        "uploaded_at",
        "shared_at",
        "shared_by",
        "unshared_at",
        "acknowledgement_requested_at",
        "acknowledged_at",
      ],
      constants: { practice_id: practice.id, uploaded_by: practice.staffId },
      // Rows without a file get a placeholder hash: the bench never reads their bytes.
      rows: rows.documents.map((row) => row.with(7, row[7] ?? "0".repeat(64))),
    }),
    ...insertStatements({
      table: "assignments",
      columns: [
        "id",
        "client_id",
        "questionnaire_version_id",
        "assigned_at",
        "due_date",
        "status",
        "completed_at",
        "withdrawn_at",
      ],
      constants: { practice_id: practice.id, assigned_by: practice.staffId },
      rows: rows.assignments,
    }),
  ];
}

/** Returns the statements for practices, staff and questionnaires of the bench practices. */
function libraryStatements(practices, questionnaires, now) {
  return [
    ...insertStatements({
      table: "practices",
      columns: ["id", "slug", "name"],
      constants: { brand_color: "#2f6f5e", default_locale: "nl", time_zone: "Europe/Amsterdam", created_at: now },
      rows: practices.map((practice) => [practice.id, practice.slug, practice.name]),
    }),
    ...insertStatements({
      table: "staff_members",
      columns: ["id", "practice_id"],
      constants: { name: "Bench Staff", email: "staff@bench.example", locale: "nl", active: 1, created_at: now },
      rows: practices.map((practice) => [practice.staffId, practice.id]),
    }),
    ...insertStatements({
      table: "questionnaires",
      columns: ["id", "practice_id", "canonical_url"],
      constants: { status: "active", built_in: 0, created_at: now },
      rows: practices.flatMap((practice) =>
        questionnaires.map(({ key, resource }) => [`qst_${practice.code}_${key}`, practice.id, resource.url]),
      ),
    }),
    ...insertStatements({
      table: "questionnaire_versions",
      columns: [
        "id",
        "practice_id",
        "questionnaire_id",
        "title",
        "description",
        "language",
        "question_count",
        "resource_json",
      ],
      constants: { version_number: 1, created_at: now },
      rows: practices.flatMap((practice) =>
        questionnaires.map(({ key, resource }) => [
          `qst_${practice.code}_${key}_v1`,
          practice.id,
          `qst_${practice.code}_${key}`,
          resource.title,
          resource.description ?? null,
          resource.language ?? "nl",
          countQuestions(resource.item),
          JSON.stringify(resource),
        ]),
      ),
    }),
  ];
}

/** Returns the statements for the demo practice's 1 MB document and the session of klein's client. */
function extraStatements(file, now) {
  return [
    // The demo practice gets the same 1 MB file, so both download tests move the same bytes.
    ...insertStatements({
      table: "documents",
      columns: ["id", "storage_key", "sha256", "uploaded_at", "shared_at"],
      constants: {
        practice_id: DEMO.practiceId,
        client_id: DEMO.client.id,
        file_name: "Verslag – 1 MB (bench).pdf",
        content_type: "application/pdf",
        kind: "pdf",
        size_bytes: DOWNLOAD_BYTES,
        uploaded_by: DEMO.staffId,
        shared_by: DEMO.staffId,
      },
      rows: [
        [
          DEMO.downloadDocumentId,
          `documents/${DEMO.downloadDocumentId}`,
          file.sha256,
          now - 40 * DAY_MS,
          now - 40 * DAY_MS,
        ],
      ],
    }),
    ...insertStatements({
      table: "sessions",
      columns: ["id", "created_at", "idle_expires_at", "expires_at"],
      constants: { practice_id: KLEIN.practiceId, subject_type: "client", subject_id: KLEIN.client.id },
      rows: [
        [createHash("sha256").update(KLEIN.sessionToken).digest("hex"), now, now + 11 * HOUR_MS, now + 12 * HOUR_MS],
      ],
    }),
  ];
}

/**
 * Seeds the scale data set into the local state under `persistTo`, on top of the demo seed.
 * Writes the SQL to `sqlFile`; wrangler's output goes to `logFile`. Returns row counts and timings.
 */
export async function seedScale({ persistTo, sqlFile, logFile }) {
  const startedAt = performance.now();
  const random = randomGenerator(20_261_204);
  const now = Date.now();
  const practices = benchPractices();
  const questionnaires = await readQuestionnaires();
  const file = downloadFile(random);

  const statements = libraryStatements(practices, questionnaires, now);
  const counts = {};
  for (const practice of practices) {
    const versionIds = questionnaires.map(({ key }) => `qst_${practice.code}_${key}_v1`);
    const rows = buildPracticeRows({
      code: practice.code,
      staffId: practice.staffId,
      versionIds,
      random,
      now,
      ...practiceShape(practice, file),
    });
    statements.push(...practiceStatements(practice, rows, now));
    counts[practice.slug] = {
      clients: rows.clients.length,
      documents: rows.documents.length,
      assignments: rows.assignments.length,
    };
  }
  statements.push(...extraStatements(file, now));
  await writeFile(sqlFile, `${statements.join("\n")}\n`);
  const generatedAt = performance.now();

  await runLogged(
    "npx",
    ["wrangler", "d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", path.resolve(sqlFile), "--yes"],
    logFile,
  );
  const executedAt = performance.now();

  const proxy = await getPlatformProxy({
    configPath: "wrangler.jsonc",
    persist: { path: `${persistTo}/v3` },
    remoteBindings: false,
  });
  try {
    for (const id of [DEMO.downloadDocumentId, GROOT.downloadDocumentId]) {
      await proxy.env.FILES.put(`documents/${id}`, file.bytes, { httpMetadata: { contentType: "application/pdf" } });
    }
  } finally {
    await proxy.dispose();
  }

  return {
    practices: practices.length + 2,
    counts,
    statements: statements.length,
    generateMs: generatedAt - startedAt,
    executeMs: executedAt - generatedAt,
    totalMs: performance.now() - startedAt,
  };
}
