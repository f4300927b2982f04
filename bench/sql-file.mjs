// Multi-row INSERT statements as SQL text, for `wrangler d1 execute --file`. Values are written
// as literals, so D1's limit of 100 bound parameters does not apply; its limit of 100 KB per
// statement does, and each statement stays below it.

/** Largest statement this module writes, in bytes; D1 rejects statements over 100 KB. */
const MAX_STATEMENT_BYTES = 90 * 1024;

/** Returns `value` (a string, a finite number or null) as an SQL literal. */
export function sqlLiteral(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as an SQL literal`);
    return String(value);
  }
  return `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * Returns INSERT statements for `rows` (arrays in the order of `columns`), as many rows per
 * statement as fit in MAX_STATEMENT_BYTES. Columns in `constants` get the same value in every row.
 */
export function insertStatements({ table, columns, constants = {}, rows }) {
  const constantColumns = Object.keys(constants);
  const constantValues = constantColumns.map((column) => sqlLiteral(constants[column]));
  const header = `INSERT INTO ${table} (${[...columns, ...constantColumns].join(", ")}) VALUES\n`;

  const statements = [];
  let tuples = [];
  let bytes = header.length;
  for (const row of rows) {
    if (row.length !== columns.length) {
      throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
    }
    const tuple = `(${[...row.map(sqlLiteral), ...constantValues].join(", ")})`;
    const tupleBytes = Buffer.byteLength(tuple) + 2;
    if (tuples.length > 0 && bytes + tupleBytes > MAX_STATEMENT_BYTES) {
      statements.push(`${header}${tuples.join(",\n")};`);
      tuples = [];
      bytes = header.length;
    }
    tuples.push(tuple);
    bytes += tupleBytes;
  }
  if (tuples.length > 0) statements.push(`${header}${tuples.join(",\n")};`);
  return statements;
}
