/**
 * What one engine run (a child process, engine-main.ts) is given and reports back: the
 * answer's rows (checked against DuckDB's), the time from the start of its work, and the
 * process's peak resident set size (all its threads included); or why it was skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface EngineTask {
  engine: string;
  /** A sales query name (queries.ts) or `tpch-qNN`. */
  query: string;
  format: 'csv' | 'parquet';
  /** Table name to file path. */
  tables: Record<string, string>;
  /** The SQL text of a TPC-H query (the sales queries' texts are in queries.ts). */
  sql?: string;
}

export type EngineResult =
  | { kind: 'ran'; elapsedMs: number; maxRssBytes: number; rows: Record<string, unknown>[] }
  | { kind: 'skipped'; reason: string };

export function writeEngineResult(resultFile: string, result: EngineResult): void {
  writeFileSync(resultFile, JSON.stringify(result, (_key, value) => (value instanceof Date ? { $date: value.getTime() } : value)));
}

export function readEngineResult(resultFile: string): EngineResult {
  return JSON.parse(readFileSync(resultFile, 'utf8'), (_key, value) =>
    value !== null && typeof value === 'object' && typeof value.$date === 'number' ? new Date(value.$date) : value,
  ) as EngineResult;
}

/** Peak RSS of this process so far. */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
