import { env } from "cloudflare:workers";
import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";

import * as schema from "../../../db/schema";

export type Database = DrizzleD1Database<typeof schema> & { $client: D1Database };

/** Returns the drizzle client over the `DB` binding; the only way application code reaches D1. */
export function getDb(binding: D1Database = env.DB): Database {
  return drizzle(binding, { schema });
}

/** Returns a random opaque id for a new row (a UUID, carrying no client data). */
export function newId(): string {
  return crypto.randomUUID();
}
