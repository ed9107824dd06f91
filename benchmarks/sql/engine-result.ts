/**
 * What one engine run (a child process, engine-main.ts) is given and reports back: the
 * answer's rows (checked against DuckDB's), the time from the start of its work, and the
 * process's peak resident set size (all its threads included); or why it was skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface EngineTask {
  engine: string;
  /** A sales query name (queries.ts), `tpch-qNN` or `clickbench-qNN`. */
  query: string;
  format: 'csv' | 'parquet';
  /** Table name to file path. */
  tables: Record<string, string>;
  /** The SQL text of a TPC-H or ClickBench query (the sales queries' texts are in queries.ts). */
  sql?: string;
  /** DuckDB's text of the query where its dialect differs from `sql`'s (Spark's). */
  duckdbSql?: string;
}

export type EngineResult =
  | { kind: 'ran'; elapsedMs: number; maxRssBytes: number; rows: Record<string, unknown>[] }
  | { kind: 'skipped'; reason: string };

export function writeEngineResult(resultFile: string, result: EngineResult): void {
  // A replacer is handed a Date already turned into its ISO string (Date.toJSON runs first): look at the holder's value.
  writeFileSync(resultFile, JSON.stringify(result, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    if (original instanceof Date) return { $date: original.getTime() };
    return typeof value === 'bigint' ? { $bigint: String(value) } : value;
  }));
}

export function readEngineResult(resultFile: string): EngineResult {
  return JSON.parse(readFileSync(resultFile, 'utf8'), (_key, value) => {
    if (value === null || typeof value !== 'object') return value;
    if (typeof value.$date === 'number') return new Date(value.$date);
    return typeof value.$bigint === 'string' ? BigInt(value.$bigint) : value;
  }) as EngineResult;
}

/** Peak RSS of this process so far. */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
