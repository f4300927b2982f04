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
    /** Canonical URL of the FHIR `Questionnaire`, the same across its versions. */
    canonicalUrl: text("canonical_url").notNull(),
    status: text("status", { enum: QUESTIONNAIRE_STATUSES }).notNull().default("draft"),
    /** Whether Veranda ships it (PHQ-9, GAD-7) rather than the practice importing it. */
    builtIn: integer("built_in", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("questionnaires_practice_url").on(table.practiceId, table.canonicalUrl)],
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
  (table) => [index("assignments_client_status").on(table.practiceId, table.clientId, table.status, table.dueDate)],
);

export type QuestionnaireVersion = typeof questionnaireVersions.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
