import { env } from "cloudflare:workers";

/** Runs a read-only query against the test database and returns its rows. */
export async function rows<Row = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<Row[]> {
  const result = await env.DB.prepare(query)
    .bind(...params)
    .all<Row>();
  return result.results;
}

/** Runs a statement that changes the test database, for arranging a case such as an expired link. */
export async function execute(query: string, ...params: unknown[]): Promise<void> {
  await env.DB.prepare(query)
    .bind(...params)
    .run();
}

export async function countRows(table: string, where = "1 = 1", ...params: unknown[]): Promise<number> {
  const [row] = await rows<{ count: number }>(`SELECT COUNT(*) AS count FROM ${table} WHERE ${where}`, ...params);
  return row?.count ?? 0;
}
