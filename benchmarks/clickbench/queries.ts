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
