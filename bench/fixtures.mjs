// Names and shapes of the benchmark data set, shared by the seed, the sign-in, the load plan and the
// D1 replay, so each of them talks about the same practices and clients.

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Practices of the demo seed (db/seed/demo.sql) that the bench uses. */
export const DEMO = {
  practiceId: "prac_demo",
  slug: "demo",
  staffId: "stf_eva",
  client: { id: "cli_sanne", email: "sanne@example.nl" },
  /** A 1 MB document added to Sanne's list for the download test. */
  downloadDocumentId: "doc_bench_demo_1mb",
  firstAssignmentId: "asg_demo_overdue",
};

/** Rows the benchmark client of a scale practice holds: a realistic share of one client's history. */
export const BENCH_CLIENT_SHAPE = {
  documents: { shared: 55, unshared: 3, neverShared: 2 },
  assignments: { overdue: 2, dueLater: 2, undated: 1, completed: 5 },
};

/**
 * The large practice: 10,000 clients, 100,000 documents and 100,000 assignments in all, the
 * benchmark client's share included.
 */
export const GROOT = {
  practiceId: "prac_bench_groot",
  slug: "groot",
  name: "Praktijk Groot",
  staffId: "stf_bench_groot",
  clientCount: 10_000,
  documentCount: 100_000,
  assignmentCount: 100_000,
  client: { id: "cli_bench_groot", email: "bench@groot.example" },
  /** The benchmark client's first shared document, which has a 1 MB file in R2. */
  downloadDocumentId: "doc_bench_groot_1mb",
  /** The benchmark client's first assignment (bench/seed-scale.mjs numbers them from 000): pending and overdue. */
  firstAssignmentId: "asg_groot_bench_000",
};

/**
 * A small practice whose benchmark client has the same rows as groot's, so the D1 replay can
 * compare one client shape in a practice of 20 clients and in one of 10,000.
 */
export const KLEIN = {
  practiceId: "prac_bench_klein",
  slug: "klein",
  name: "Praktijk Klein",
  staffId: "stf_bench_klein",
  clientCount: 20,
  documentsPerOtherClient: 10,
  assignmentsPerOtherClient: 10,
  client: { id: "cli_bench_klein", email: "bench@klein.example" },
  /** The benchmark client's first shared document (rows only: the replay reads no bytes). */
  downloadDocumentId: "doc_klein_bench_000",
  firstAssignmentId: "asg_klein_bench_000",
  /**
   * Session token of a session row the seed writes directly, because this client is only read by
   * the D1 replay and never signs in through the server.
   */
  sessionToken: "bench-klein-session-token",
};

/** Small practices that bring the total to 50 (demo, zonnehuis, groot, klein and these 46). */
export const FILLER = {
  practiceCount: 46,
  clientsPerPractice: 20,
  documentsPerClient: 5,
  assignmentsPerClient: 2,
};

/** Size of the document the download test fetches, in bytes. */
export const DOWNLOAD_BYTES = 1024 * 1024;

/** The demo questionnaires (db/seed/questionnaires) copied into every bench practice. */
export const QUESTIONNAIRE_FILES = [
  ["kennismaking", "kennismaking.json"],
  ["tevredenheid", "tevredenheid.json"],
  ["check_in", "check-in.json"],
];

/** Unknown addresses for the sign-in load test end in this reserved domain, so no mail can be sent. */
export const UNKNOWN_ADDRESS_DOMAIN = "bench.invalid";
