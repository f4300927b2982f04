import { type SQL, sql } from "drizzle-orm";

import { clients } from "../../../../db/schema";

/**
 * Accented letters that search treats as their plain letter. SQLite's `lower()` folds ASCII only
 * and has no accent folding, so the SQL side replaces each of these explicitly.
 */
const ACCENTED_LETTERS = "àáâãäåèéêëìíîïòóôõöùúûüýÿñçÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝŸÑÇ";
const EXTRA_FOLDS: [string, string][] = [
  ["ø", "o"],
  ["Ø", "o"],
  ["æ", "ae"],
  ["Æ", "ae"],
  ["ß", "ss"],
  ["ĳ", "ij"],
  ["Ĳ", "ij"],
];

const FOLDS: [string, string][] = [
  ...[...ACCENTED_LETTERS].map((letter): [string, string] => [
    letter,
    letter.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(),
  ]),
  ...EXTRA_FOLDS,
];

/** Maximum length of the search text used, in characters; longer input is cut off. */
const MAX_SEARCH_LENGTH = 100;
/** Words of a search that must each match; more are ignored. */
const MAX_SEARCH_WORDS = 5;

/**
 * Lower-cases `text` and strips the accents that `foldedSql` strips, so a typed search compares
 * equal to the stored text folded in SQL.
 *
 * @example foldForSearch("Joëlle Ørsted") // "joelle orsted"
 */
export function foldForSearch(text: string): string {
  let folded = text;
  for (const [from, to] of FOLDS) folded = folded.replaceAll(from, to);
  return folded.toLowerCase();
}

/**
 * Wraps an SQL text expression in one `replace()` per folded letter and a `lower()`. The letters
 * are constants written into the statement, not bound, because D1 allows at most 100 bound
 * parameters per statement.
 */
export function foldedSql(expression: SQL): SQL {
  let folded = expression;
  for (const [from, to] of FOLDS) folded = sql`replace(${folded}, ${sql.raw(`'${from}'`)}, ${sql.raw(`'${to}'`)})`;
  return sql`lower(${folded})`;
}

/** Escapes `%`, `_` and the escape character itself for a LIKE pattern with `ESCAPE '\'`. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Splits a search into folded words, at most `MAX_SEARCH_WORDS` of them. */
export function searchWords(search: string): string[] {
  return foldForSearch(search.slice(0, MAX_SEARCH_LENGTH))
    .split(/\s+/)
    .filter((word) => word !== "")
    .slice(0, MAX_SEARCH_WORDS);
}

/**
 * Returns a condition that every word of the search occurs in the client's first, last or
 * preferred name or email address, ignoring case and the accents in `FOLDS`. An empty search
 * gives null. "anouk jong" finds Anouk de Jong.
 *
 * NOTE: capitals outside ASCII and `FOLDS` (such as Ł) are not lower-cased by SQLite and then
 * only match when typed as stored.
 */
export function clientSearchCondition(search: string): SQL | null {
  const words = searchWords(search);
  if (words.length === 0) return null;

  const haystack = foldedSql(
    sql`${clients.firstName} || ' ' || ${clients.lastName} || ' ' || coalesce(${clients.preferredName}, '') || ' ' || ${clients.email}`,
  );
  const conditions = words.map((word) => sql`${haystack} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`);
  return sql.join(conditions, sql` AND `);
}
