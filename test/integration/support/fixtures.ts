import { env } from "cloudflare:workers";

import {
  assignments,
  clients,
  documents,
  practices,
  questionnaires,
  questionnaireVersions,
  staffMembers,
} from "../../../db/schema";
import { getDb } from "../../../src/lib/db/client";

/** The `PORTAL_DOMAIN` of the built worker's development config. */
export const PORTAL_DOMAIN = "localhost:4321";

/** Returns a short random suffix for fixture ids; workerd freezes Date.now() within a request. */
function uniqueSuffix(): string {
  return crypto.randomUUID().replaceAll("-", "").slice(0, 12);
}

export async function createPractice(overrides: Partial<typeof practices.$inferInsert> = {}) {
  const suffix = uniqueSuffix();
  const practice = {
    id: `prac_${suffix}`,
    slug: `praktijk-${suffix}`,
    name: `Praktijk Zeeëgel ${suffix}`,
    brandColor: "#1f5f8b",
    defaultLocale: "nl" as const,
    timeZone: "Europe/Amsterdam",
    createdAt: new Date(),
    ...overrides,
  };
  await getDb(env.DB).insert(practices).values(practice);
  const row = await getDb(env.DB).query.practices.findFirst({ where: (table, { eq }) => eq(table.id, practice.id) });
  if (!row) throw new Error("practice fixture was not stored");
  return { ...row, host: `${row.slug}.${PORTAL_DOMAIN}` };
}

export async function createClient(practiceId: string, overrides: Partial<typeof clients.$inferInsert> = {}) {
  const suffix = uniqueSuffix();
  const client = {
    id: `cli_${suffix}`,
    practiceId,
    firstName: "Anouk",
    lastName: "de Jong",
    email: `anouk.${suffix}@example.nl`,
    portalAccess: true,
    createdAt: new Date(),
    ...overrides,
  };
  await getDb(env.DB).insert(clients).values(client);
  return client;
}

export async function createStaffMember(practiceId: string, overrides: Partial<typeof staffMembers.$inferInsert> = {}) {
  const suffix = uniqueSuffix();
  const staff = {
    id: `stf_${suffix}`,
    practiceId,
    name: "Eva Mulder",
    email: `eva.${suffix}@praktijk.example`,
    createdAt: new Date(),
    ...overrides,
  };
  await getDb(env.DB).insert(staffMembers).values(staff);
  return staff;
}

/** Stores `bytes` in R2 and a document row for the client; shared unless `sharedAt` is null. */
export async function createDocument(
  practiceId: string,
  clientId: string,
  options: {
    fileName?: string;
    contentType?: string;
    kind?: "pdf" | "image" | "word" | "excel" | "other";
    bytes?: Uint8Array;
    sharedAt?: Date | null;
    unsharedAt?: Date | null;
    acknowledgementRequestedAt?: Date | null;
  } = {},
) {
  const suffix = uniqueSuffix();
  const bytes = options.bytes ?? new TextEncoder().encode(`%PDF-1.4 document ${suffix}`);
  const storageKey = `documents/${suffix}`;
  await env.FILES.put(storageKey, bytes);

  const document = {
    id: `doc_${suffix}`,
    practiceId,
    clientId,
    storageKey,
    fileName: options.fileName ?? `Verslag ${suffix}.pdf`,
    contentType: options.contentType ?? "application/pdf",
    kind: options.kind ?? ("pdf" as const),
    sizeBytes: bytes.byteLength,
    sha256: "0".repeat(64),
    uploadedAt: new Date(),
    sharedAt: options.sharedAt === undefined ? new Date() : options.sharedAt,
    unsharedAt: options.unsharedAt ?? null,
    acknowledgementRequestedAt: options.acknowledgementRequestedAt ?? null,
  };
  await getDb(env.DB).insert(documents).values(document);
  return { ...document, bytes };
}

/** Stores a questionnaire with one version and returns the version id. */
export async function createQuestionnaireVersion(
  practiceId: string,
  options: { title?: string; description?: string | null; questionCount?: number } = {},
) {
  const suffix = uniqueSuffix();
  const db = getDb(env.DB);
  await db.insert(questionnaires).values({
    id: `qst_${suffix}`,
    practiceId,
    canonicalUrl: `https://veranda.example/fhir/Questionnaire/test-${suffix}`,
    status: "active",
    createdAt: new Date(),
  });
  const version = {
    id: `qsv_${suffix}`,
    practiceId,
    questionnaireId: `qst_${suffix}`,
    versionNumber: 1,
    title: options.title ?? `Vragenlijst ${suffix}`,
    description: options.description ?? null,
    language: "nl",
    questionCount: options.questionCount ?? 3,
    resourceJson: "{}",
    createdAt: new Date(),
  };
  await db.insert(questionnaireVersions).values(version);
  return version;
}

export async function createAssignment(
  practiceId: string,
  clientId: string,
  versionId: string,
  options: { dueDate?: string | null; status?: "pending" | "completed" | "withdrawn"; completedAt?: Date | null } = {},
) {
  const assignment = {
    id: `asg_${uniqueSuffix()}`,
    practiceId,
    clientId,
    questionnaireVersionId: versionId,
    assignedAt: new Date(),
    dueDate: options.dueDate ?? null,
    status: options.status ?? ("pending" as const),
    completedAt: options.completedAt ?? null,
  };
  await getDb(env.DB).insert(assignments).values(assignment);
  return assignment;
}
