import { readFileSync } from 'node:fs';

export type ClickBenchDialect = 'spark' | 'duckdb';

/** The query numbers, 1 to 43 (ClickBench's Q0-Q42 plus one). */
export const CLICKBENCH_QUERY_NUMBERS = Array.from({ length: 43 }, (_, i) => i + 1);

/**
 * Where ClickBench's DuckDB text differs from its Spark text (queries/spark.sql) on a table with
 * TIMESTAMP columns: q29's REGEXP_REPLACE back-reference is RE2's \1, Java's $1 in Spark.
 * (length() counts characters in both engines.)
 */
const DUCKDB_TEXT: Record<number, string> = {
  29: String.raw`SELECT REGEXP_REPLACE(Referer, '^https?://(?:www\.)?([^/]+)/.*$', '\1') AS k, AVG(length(Referer)) AS l, COUNT(*) AS c, MIN(Referer) FROM hits WHERE Referer <> '' GROUP BY k HAVING COUNT(*) > 100000 ORDER BY l DESC LIMIT 25`,
};

let sparkQueries: string[] | undefined;

/** Query `n` (1..43) in `dialect`'s text, without its ';'. */
export function clickbenchQuery(n: number, dialect: ClickBenchDialect): string {
  if (!Number.isInteger(n) || n < 1 || n > 43) throw new Error(`ClickBench has queries 1 to 43, not ${n}`);
  if (dialect === 'duckdb' && n in DUCKDB_TEXT) return DUCKDB_TEXT[n];
  sparkQueries ??= readFileSync(new URL('./queries/spark.sql', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('--'))
    .map((line) => line.replace(/;\s*$/, ''));
  return sparkQueries[n - 1];
}

/**
 * Each query's ORDER BY columns (output positions, from 0); 'all' where the order is total
 * (EventTime is unique in the generated data). A query not named has no ORDER BY.
 */
export const CLICKBENCH_ORDER_COLUMNS: Record<number, readonly number[] | 'all'> = {
  8: [1], 9: [1], 10: [2], 11: [1], 12: [2], 13: [1], 14: [1], 15: [2], 16: [1], 17: [2], 19: [3],
  22: [2], 23: [3], 24: 'all', 25: 'all', 26: 'all', 27: 'all', 28: [1], 29: [1], 31: [2], 32: [2],
  33: [2], 34: [1], 35: [2], 36: [4], 37: [1], 38: [1], 39: [1], 40: [5], 41: [2], 42: [2], 43: 'all',
};

/** The query without its LIMIT and OFFSET: every row a LIMIT may choose from. */
export function withoutLimit(sql: string): string {
  return sql.replace(/\s+LIMIT \d+( OFFSET \d+)?$/, '');
}

/**
 * DuckDB's `hits` over the Parquet file as ClickBench's DuckDB table has it: TIMESTAMP columns
 * (naive), the file's UTC instants as UTC wall-clock times.
 */
export function duckdbHitsSource(path: string): string {
  const naive = (column: string) => `make_timestamp(epoch_us(${column})) AS ${column}`;
  return `SELECT * REPLACE (${['EventTime', 'ClientEventTime', 'LocalEventTime'].map(naive).join(', ')}) ` +
    `FROM read_parquet('${path.replaceAll("'", "''")}')`;
}
