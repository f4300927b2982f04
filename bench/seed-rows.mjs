// Rows of the scale data set, generated in memory: clients, documents and assignments per
// practice, from a seeded generator so every run gets the same rows apart from timestamps.
import { createHash } from "node:crypto";

import { BENCH_CLIENT_SHAPE, DAY_MS, DOWNLOAD_BYTES, FILLER, GROOT, KLEIN } from "./fixtures.mjs";

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
export function randomGenerator(seed) {
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

/** Returns the share of client `index` when `total` items are spread over `count` clients as evenly as possible. */
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
export function buildPracticeRows(options) {
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

/** Returns the bench practices: groot, klein and the fillers, with ids, slugs and staff. */
export function benchPractices() {
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
export function downloadFile(random) {
  const bytes = new Uint8Array(DOWNLOAD_BYTES);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(random() * 256);
  bytes.set(new TextEncoder().encode("%PDF-1.4\n"), 0);
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** Returns the shape of a bench practice: its benchmark client and how much the others hold. */
export function practiceShape(practice, file) {
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
