import { readFileSync } from 'node:fs';

/** The 22 TPC-H query numbers. */
export const TPCH_QUERY_NUMBERS = Array.from({ length: 22 }, (_, i) => i + 1);

/** The text of query `n` (1..22) in Spark SQL syntax, with the spec's validation parameters. */
export function tpchQuery(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 22) throw new Error(`TPC-H has queries 1 to 22, not ${n}`);
  const file = new URL(`./queries/q${String(n).padStart(2, '0')}.sql`, import.meta.url);
  return readFileSync(file, 'utf8');
}
