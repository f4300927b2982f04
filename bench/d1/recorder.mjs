// A D1 binding that passes every call to a real one and records each statement with the rows D1
// reports in `meta.rows_read` and `meta.rows_written`.

/**
 * Wraps a prepared statement. `raw()` calls `all()`, because only `all()`, `run()` and `batch()`
 * return `meta`. Its rows become arrays in column order, as drizzle itself maps batch results.
 */
function recordingStatement(inner, sql, params, recorder) {
  const execute = async () => {
    const result = await inner.all();
    recorder.record([{ sql, params, result }]);
    return result;
  };

  return {
    inner,
    sql,
    params,
    bind: (...values) => recordingStatement(inner.bind(...values), sql, values, recorder),
    all: execute,
    run: execute,
    async first(column) {
      const row = (await execute()).results[0] ?? null;
      return column && row ? (row[column] ?? null) : row;
    },
    async raw(options) {
      const { results } = await execute();
      const rows = results.map((row) => Object.values(row));
      return options?.columnNames ? [Object.keys(results[0] ?? {}), ...rows] : rows;
    },
  };
}

/**
 * Returns `{ binding, take }`: `binding` behaves as the D1 binding `database`, and `take()`
 * returns the round trips recorded since the last call, each with its statements.
 */
export function recordingD1(database) {
  let roundTrips = [];
  const recorder = {
    record(entries) {
      roundTrips.push(
        entries.map(({ sql, params, result }) => ({
          sql,
          params,
          rowsReturned: result.results?.length ?? 0,
          rowsRead: result.meta?.rows_read ?? null,
          rowsWritten: result.meta?.rows_written ?? null,
        })),
      );
    },
  };

  const binding = {
    prepare: (sql) => recordingStatement(database.prepare(sql), sql, [], recorder),
    async batch(statements) {
      const results = await database.batch(statements.map((statement) => statement.inner));
      recorder.record(statements.map((statement, index) => ({ ...statement, result: results[index] })));
      return results;
    },
  };

  return {
    binding,
    take() {
      const taken = roundTrips;
      roundTrips = [];
      return taken;
    },
  };
}
