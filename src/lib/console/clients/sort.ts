import { type SQL, sql } from "drizzle-orm";

import { clients } from "../../../../db/schema";
import { foldedSql } from "./search";

/**
 * Dutch name prefixes (tussenvoegsels) that sorting skips, longest first, so that "de Vries"
 * sorts under V and "van den Berg" under B, as Dutch client lists do.
 */
const NAME_PREFIXES = [
  "van den ",
  "van der ",
  "van het ",
  "van 't ",
  "uit de ",
  "van de ",
  "in 't ",
  "op de ",
  "van ",
  "den ",
  "der ",
  "het ",
  "ter ",
  "ten ",
  "de ",
  "te ",
  "'t ",
];

function sqlLiteral(text: string): SQL {
  return sql.raw(`'${text.replaceAll("'", "''")}'`);
}

/** Returns the last name without a leading prefix from `NAME_PREFIXES`, as an SQL expression. */
function lastNameWithoutPrefix(): SQL {
  const cases = NAME_PREFIXES.map(
    (prefix) =>
      sql`WHEN ${clients.lastName} LIKE ${sqlLiteral(`${prefix}%`)} THEN substr(${clients.lastName}, ${sql.raw(String(prefix.length + 1))})`,
  );
  return sql`(CASE ${sql.join(cases, sql` `)} ELSE ${clients.lastName} END)`;
}

/**
 * Returns the ORDER BY terms of the client list: last name without its prefix, then the whole
 * last name and the first name, each ignoring case and accents, then the id so pages never overlap.
 */
export function clientSortOrder(): SQL[] {
  return [
    foldedSql(lastNameWithoutPrefix()),
    foldedSql(sql`${clients.lastName}`),
    foldedSql(sql`${clients.firstName}`),
    sql`${clients.id}`,
  ];
}
