import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

import type { Database } from "./client";

const dialect = new SQLiteAsyncDialect();

/** A raw `sql` template or a drizzle query builder. */
export type BatchStatement = SQL | { toSQL(): { sql: string; params: unknown[] } };

function isSql(statement: BatchStatement): statement is SQL {
  return "queryChunks" in statement;
}

/**
 * Runs statements in one D1 batch: one round trip and one implicit transaction. drizzle 0.45's
 * own `batch` cannot bind parameters of raw `sql` statements, so this prepares them directly.
 */
export async function runBatch<Row = Record<string, unknown>>(
  db: Database,
  statements: BatchStatement[],
): Promise<D1Result<Row>[]> {
  const d1 = db.$client;
  const prepared = statements.map((statement) => {
    const query = isSql(statement) ? dialect.sqlToQuery(statement) : statement.toSQL();
    return d1.prepare(query.sql).bind(...query.params);
  });
  return d1.batch<Row>(prepared);
}
