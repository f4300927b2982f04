import { env } from "cloudflare:workers";

import { clients, practices, staffMembers } from "../../../db/schema";
import { getDb } from "../../../src/lib/db/client";

/** The `PORTAL_DOMAIN` of the built worker's development config. */
export const PORTAL_DOMAIN = "localhost:4321";

let sequence = 0;

function uniqueSuffix(): string {
  sequence += 1;
  return `${Date.now().toString(36)}${sequence}`;
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
