import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { clients, staffMembers } from "./people";
import { practices } from "./practices";

export const QUESTIONNAIRE_STATUSES = ["draft", "active", "retired"] as const;
export const ASSIGNMENT_STATUSES = ["pending", "completed", "withdrawn"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** A questionnaire in a practice's library; its content lives in immutable versions. */
export const questionnaires = sqliteTable(
  "questionnaires",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    /** Canonical URL of the FHIR `Questionnaire`, the same across its versions and languages. */
    canonicalUrl: text("canonical_url").notNull(),
    /** Language of the questionnaire's text; one instrument in two languages is two rows. */
    language: text("language").notNull().default("nl"),
    status: text("status", { enum: QUESTIONNAIRE_STATUSES }).notNull().default("draft"),
    /** Whether Veranda ships it (PHQ-9, GAD-7) rather than the practice importing it. */
    builtIn: integer("built_in", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    uniqueIndex("questionnaires_practice_url_language").on(table.practiceId, table.canonicalUrl, table.language),
  ],
);

/**
 * One immutable version of a questionnaire: the FHIR R4 `Questionnaire` JSON as imported, plus
 * the fields lists need without parsing it. An assignment points at a version, so a later edit
 * never changes what a client was asked.
 */
export const questionnaireVersions = sqliteTable(
  "questionnaire_versions",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    questionnaireId: text("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id),
    /** 1, 2, 3… within the questionnaire. */
    versionNumber: integer("version_number").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    /** Language of the questionnaire's text, `nl` or `en`. */
    language: text("language").notNull(),
    /** Number of questions a client can answer (display and group items not counted). */
    questionCount: integer("question_count").notNull(),
    /** The FHIR R4 `Questionnaire` resource as JSON. */
    resourceJson: text("resource_json").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("questionnaire_versions_number").on(table.questionnaireId, table.versionNumber)],
);

/** A questionnaire version a client is asked to fill in. */
export const assignments = sqliteTable(
  "assignments",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    questionnaireVersionId: text("questionnaire_version_id")
      .notNull()
      .references(() => questionnaireVersions.id),
    assignedBy: text("assigned_by").references(() => staffMembers.id),
    assignedAt: integer("assigned_at", { mode: "timestamp_ms" }).notNull(),
    /** Calendar date `YYYY-MM-DD` in the practice's time zone; overdue from the next day. */
    dueDate: text("due_date"),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("pending"),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("assignments_client_status").on(table.practiceId, table.clientId, table.status, table.dueDate),
    // The completed list is ordered by completion, so it reads only the rows it shows.
    index("assignments_client_completed").on(table.practiceId, table.clientId, table.status, table.completedAt),
  ],
);

export type QuestionnaireVersion = typeof questionnaireVersions.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;

/**
 * The client's unsent answers to one assignment. `revision` grows by one with every save; a save
 * names the revision it started from, so two tabs never silently overwrite each other.
 */
export const questionnaireDrafts = sqliteTable("questionnaire_drafts", {
  assignmentId: text("assignment_id")
    .primaryKey()
    .references(() => assignments.id),
  practiceId: text("practice_id")
    .notNull()
    .references(() => practices.id),
  clientId: text("client_id")
    .notNull()
    .references(() => clients.id),
  /** Answers by linkId as JSON (`AnswerSet`). */
  answersJson: text("answers_json").notNull(),
  revision: integer("revision").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * A submitted questionnaire: the FHIR R4 `QuestionnaireResponse` as stored for export, the
 * answers for rendering, and the score computed on the server. One per assignment, which makes
 * submitting idempotent.
 */
export const questionnaireResponses = sqliteTable(
  "questionnaire_responses",
  {
    id: text("id").primaryKey(),
    practiceId: text("practice_id")
      .notNull()
      .references(() => practices.id),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    assignmentId: text("assignment_id")
      .notNull()
      .unique()
      .references(() => assignments.id),
    questionnaireVersionId: text("questionnaire_version_id")
      .notNull()
      .references(() => questionnaireVersions.id),
    answersJson: text("answers_json").notNull(),
    /** The FHIR R4 `QuestionnaireResponse` resource as JSON, status `completed`. */
    resourceJson: text("resource_json").notNull(),
    /** `phq-9` or `gad-7` when the questionnaire is scored. */
    scoreInstrument: text("score_instrument"),
    scoreTotal: integer("score_total"),
    scoreBand: text("score_band"),
    authoredAt: integer("authored_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("questionnaire_responses_client").on(table.practiceId, table.clientId)],
);

export type QuestionnaireDraft = typeof questionnaireDrafts.$inferSelect;
export type QuestionnaireResponseRow = typeof questionnaireResponses.$inferSelect;
