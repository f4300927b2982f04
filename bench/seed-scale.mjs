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

import {
  BENCH_CLIENT_SHAPE,
  DAY_MS,
  DEMO,
  DOWNLOAD_BYTES,
  FILLER,
  GROOT,
  HOUR_MS,
  KLEIN,
  QUESTIONNAIRE_FILES,
} from "./fixtures.mjs";
import { runLogged } from "./process.mjs";
import { insertStatements } from "./sql-file.mjs";

const FIRST_NAMES = ["Anna", "Bas", "Chantal", "Dirk", "Emma", "Finn", "Greetje", "Hamza", "Iris", "Jeroen"];
const LAST_NAMES = ["de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "Yılmaz"];
const FILE_TYPES = [
  { extension: "pdf", contentType: "application/pdf", kind: "pdf" },
  { extension: "png", contentType: "image/png", kind: "image" },
  {
    extension: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    kind: "word",
  },
  { extension: "txt", contentType: "text/plain", kind: "other" },
];
const BENCH_CLIENT_DOCUMENT_TOTAL = Object.values(BENCH_CLIENT_SHAPE.documents).reduce((sum, count) => sum + count, 0);
const BENCH_CLIENT_ASSIGNMENT_TOTAL = Object.values(BENCH_CLIENT_SHAPE.assignments).reduce(
  (sum, count) => sum + count,
  0,
);
const FILE_TITLES = ["Behandelplan", "Verslag gesprek", "Huiswerk", "Informatiebrief", "Oefening", "Evaluatie"];

/** Returns a deterministic pseudo-random generator of floats in [0, 1) (mulberry32). */
function randomGenerator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Returns `YYYY-MM-DD` in Amsterdam, `offsetDays` from `now`. */
function amsterdamDate(now, offsetDays) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date(now + offsetDays * DAY_MS));
}

function padded(number, width) {
  return String(number).padStart(width, "0");
}

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

/** Rows of one practice, built in memory before they are inserted. */
function emptyPracticeRows() {
  return { clients: [], documents: [], assignments: [] };
}

/**
 * Adds one client's documents: `shared` visible ones, `unshared` taken back and `neverShared`
 * uploaded only. The first shared one may be a real file (`firstDocument`).
 */
function addDocuments(rows, { clientId, staffId, idPrefix, counts, random, now, firstDocument }) {
  const total = counts.shared + counts.unshared + counts.neverShared;
  for (let index = 0; index < total; index += 1) {
    const type = FILE_TYPES[Math.floor(random() * FILE_TYPES.length)];
    const sharedAt = now - Math.floor(random() * 3 * 365) * DAY_MS - Math.floor(random() * DAY_MS);
    let state = "uploaded";
    if (index < counts.shared) state = "shared";
    else if (index < counts.shared + counts.unshared) state = "unshared";
    const acknowledgementRequested = state === "shared" && random() < 0.2;
    const id = index === 0 && firstDocument ? firstDocument.id : `${idPrefix}_${padded(index, 3)}`;
    const title = FILE_TITLES[Math.floor(random() * FILE_TITLES.length)];

    rows.documents.push([
      id,
      clientId,
      `documents/${id}`,
      index === 0 && firstDocument ? "Verslag – 1 MB (bench).pdf" : `${title} ${index + 1}.${type.extension}`,
      index === 0 && firstDocument ? "application/pdf" : type.contentType,
      index === 0 && firstDocument ? "pdf" : type.kind,
      index === 0 && firstDocument ? DOWNLOAD_BYTES : 2_000 + Math.floor(random() * 4_000_000),
      index === 0 && firstDocument ? firstDocument.sha256 : null,
      sharedAt - DAY_MS,
      state === "uploaded" ? null : sharedAt,
      state === "uploaded" ? null : staffId,
      state === "unshared" ? sharedAt + DAY_MS : null,
      acknowledgementRequested ? sharedAt : null,
      acknowledgementRequested && random() < 0.5 ? sharedAt + 2 * DAY_MS : null,
    ]);
  }
}

/** Adds one client's assignments, with as many in each state as `counts` gives. */
function addAssignments(rows, { clientId, idPrefix, versionIds, counts, random, now }) {
  const states = [
    ...Array.from({ length: counts.overdue ?? 0 }, () => "overdue"),
    ...Array.from({ length: counts.dueLater ?? 0 }, () => "dueLater"),
    ...Array.from({ length: counts.undated ?? 0 }, () => "undated"),
    ...Array.from({ length: counts.completed ?? 0 }, () => "completed"),
    ...Array.from({ length: counts.withdrawn ?? 0 }, () => "withdrawn"),
  ];
  states.forEach((state, index) => {
    const assignedDaysAgo = 1 + Math.floor(random() * 700);
    const assignedAt = now - assignedDaysAgo * DAY_MS;
    const dueDate =
      state === "overdue"
        ? amsterdamDate(now, -1 - Math.floor(random() * 20))
        : state === "dueLater"
          ? amsterdamDate(now, 1 + Math.floor(random() * 30))
          : state === "undated"
            ? null
            : amsterdamDate(assignedAt, 14);
    const pending = state === "overdue" || state === "dueLater" || state === "undated";
    rows.assignments.push([
      `${idPrefix}_${padded(index, 3)}`,
      clientId,
      versionIds[index % versionIds.length],
      assignedAt,
      dueDate,
      pending ? "pending" : state,
      state === "completed" ? assignedAt + DAY_MS : null,
      state === "withdrawn" ? assignedAt + DAY_MS : null,
    ]);
  });
}

/** Spreads `total` items over `count` clients as evenly as possible; returns the share of client `index`. */
function shareOf(total, count, index) {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

/** Splits a number of assignments over states roughly as a practice's history would. */
function historyAssignmentCounts(total, random) {
  const pending = Math.round(total * (0.2 + random() * 0.1));
  const withdrawn = Math.round(total * 0.05);
  const overdue = Math.min(pending, Math.round(pending * 0.3));
  return { overdue, dueLater: pending - overdue, completed: total - pending - withdrawn, withdrawn };
}

function historyDocumentCounts(total, random) {
  const unshared = random() < 0.5 ? Math.round(total * 0.05) : 0;
  const neverShared = Math.round(total * 0.1);
  return { shared: total - unshared - neverShared, unshared, neverShared };
}

/**
 * Builds the rows of a practice: its benchmark client (when given) with the shape in
 * BENCH_CLIENT_SHAPE, and `otherClients` clients sharing `documentTotal` documents and
 * `assignmentTotal` assignments.
 */
function buildPracticeRows(options) {
  const { code, staffId, benchClient, otherClients, documentTotal, assignmentTotal, versionIds, random, now } = options;
  const rows = emptyPracticeRows();

  if (benchClient) {
    rows.clients.push([benchClient.id, "Bente", "Bench", benchClient.email, 1, null]);
    addDocuments(rows, {
      clientId: benchClient.id,
      staffId,
      idPrefix: `doc_${code}_bench`,
      counts: BENCH_CLIENT_SHAPE.documents,
      random,
      now,
      firstDocument: benchClient.downloadDocument,
    });
    addAssignments(rows, {
      clientId: benchClient.id,
      idPrefix: `asg_${code}_bench`,
      versionIds,
      counts: BENCH_CLIENT_SHAPE.assignments,
      random,
      now,
    });
  }

  for (let index = 0; index < otherClients; index += 1) {
    const clientId = `cli_${code}_${padded(index, 5)}`;
    const archived = random() < 0.02;
    rows.clients.push([
      clientId,
      FIRST_NAMES[index % FIRST_NAMES.length],
      LAST_NAMES[Math.floor(random() * LAST_NAMES.length)],
      `client-${padded(index, 5)}@${code}.example`,
      random() < 0.9 ? 1 : 0,
      archived ? now - 30 * DAY_MS : null,
    ]);
    addDocuments(rows, {
      clientId,
      staffId,
      idPrefix: `doc_${code}_${padded(index, 5)}`,
      counts: historyDocumentCounts(shareOf(documentTotal, otherClients, index), random),
      random,
      now,
    });
    addAssignments(rows, {
      clientId,
      idPrefix: `asg_${code}_${padded(index, 5)}`,
      versionIds,
      counts: historyAssignmentCounts(shareOf(assignmentTotal, otherClients, index), random),
      random,
      now,
    });
  }
  return rows;
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

/** Returns the bench practices: groot, klein and the fillers, with ids, slugs and staff. */
function benchPractices() {
  const fillers = Array.from({ length: FILLER.practiceCount }, (_, index) => {
    const number = padded(index + 1, 2);
    return {
      id: `prac_bench_f${number}`,
      slug: `praktijk-${number}`,
      name: `Praktijk ${number}`,
      staffId: `stf_bench_f${number}`,
      code: `f${number}`,
    };
  });
  return [
    { id: GROOT.practiceId, slug: GROOT.slug, name: GROOT.name, staffId: GROOT.staffId, code: "groot" },
    { id: KLEIN.practiceId, slug: KLEIN.slug, name: KLEIN.name, staffId: KLEIN.staffId, code: "klein" },
    ...fillers,
  ];
}

/** Returns a 1 MB file that starts like a PDF, with its hex SHA-256. */
function downloadFile(random) {
  const bytes = new Uint8Array(DOWNLOAD_BYTES);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(random() * 256);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"), 0);
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Returns the shape of a bench practice: its benchmark client and how much the others hold. */
function practiceShape(practice, file) {
  if (practice.id === GROOT.practiceId) {
    return {
      benchClient: { ...GROOT.client, downloadDocument: { id: GROOT.downloadDocumentId, sha256: file.sha256 } },
      otherClients: GROOT.clientCount - 1,
      documentTotal: GROOT.documentCount - BENCH_CLIENT_DOCUMENT_TOTAL,
      assignmentTotal: GROOT.assignmentCount - BENCH_CLIENT_ASSIGNMENT_TOTAL,
    };
  }
  if (practice.id === KLEIN.practiceId) {
    return {
      benchClient: KLEIN.client,
      otherClients: KLEIN.clientCount - 1,
      documentTotal: (KLEIN.clientCount - 1) * KLEIN.documentsPerOtherClient,
      assignmentTotal: (KLEIN.clientCount - 1) * KLEIN.assignmentsPerOtherClient,
    };
  }
  return {
    benchClient: null,
    otherClients: FILLER.clientsPerPractice,
    documentTotal: FILLER.clientsPerPractice * FILLER.documentsPerClient,
    assignmentTotal: FILLER.clientsPerPractice * FILLER.assignmentsPerClient,
  };
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
