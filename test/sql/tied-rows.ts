/**
 * Compares a query's rows with a reference engine's when ORDER BY ... LIMIT may cut through ties,
 * so two right answers can hold different rows: the rows agree in count, the ORDER BY columns
 * agree row by row, and every row is one of the reference's rows without the LIMIT (each used
 * once). Columns are compared by position (the engines name `count(*)` differently); numbers
 * within a relative tolerance, everything else exactly. `candidatesQuery` narrows the reference's
 * unlimited answer to the rows that can match, so a LIMIT over 200k tied groups stays cheap.
 */
import { sameValue } from './compare-rows.js';
import type { ReferenceRow, ReferenceValue } from './duckdb-reference.js';

export interface TiedRowsCheck {
  /** The positions of the output columns the ORDER BY sorts on, or 'all' when the order is total. */
  orderColumns: readonly number[] | 'all';
  /** The positions of the columns whose values are doubles (sums, averages): compared within the tolerance only. */
  inexactColumns?: ReadonlySet<number>;
  relativeTolerance?: number;
}

/** A row's exact values as a key; the inexact columns left out. */
function exactKey(values: readonly unknown[], inexact: ReadonlySet<number>): string {
  return JSON.stringify(values.map((v, c) => {
    if (inexact.has(c)) return null;
    return v instanceof Date ? v.getTime() : typeof v === 'bigint' ? `${v}n` : v;
  }));
}

const show = (values: readonly unknown[]) => values.map((v) => (v instanceof Date ? v.toISOString() : String(v))).join(' | ');

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (value instanceof Date) return `TIMESTAMP '${value.toISOString().replace('T', ' ').replace('Z', '')}'`;
  return String(value);
}

/**
 * DuckDB SQL for the rows of `unlimitedSql` (its output columns named `columns`) that equal one of
 * `actual`'s rows in every column but the inexact ones.
 */
export function candidatesQuery(
  unlimitedSql: string,
  columns: readonly string[],
  actual: Record<string, unknown>[],
  inexact: ReadonlySet<number> = new Set(),
): string {
  const conditions = actual.map((row) => {
    const values = Object.values(row);
    const exact = columns.flatMap((name, c) =>
      inexact.has(c) ? [] : [`t."${name.replaceAll('"', '""')}" IS NOT DISTINCT FROM ${sqlLiteral(values[c])}`],
    );
    return `(${exact.join(' AND ') || 'TRUE'})`;
  });
  return `SELECT * FROM (${unlimitedSql}) t WHERE ${conditions.join(' OR ') || 'FALSE'}`;
}

/**
 * The first difference as one line, or null when `actual` is a right answer: `candidates` are the
 * reference's rows without the LIMIT (or any part of them holding every row that can match).
 */
export function tiedRowsDifference(
  actual: Record<string, unknown>[],
  expected: ReferenceRow[],
  candidates: ReferenceRow[],
  { orderColumns, inexactColumns = new Set(), relativeTolerance = 1e-9 }: TiedRowsCheck,
): string | null {
  if (actual.length !== expected.length) return `expected ${expected.length} rows, got ${actual.length}`;
  const a = actual.map((row) => Object.values(row));
  const e = expected.map((row) => Object.values(row));
  const same = (x: readonly unknown[], y: readonly ReferenceValue[], at: number) => sameValue(x[at], y[at], relativeTolerance);
  for (let i = 0; i < e.length; i++) {
    if (a[i].length !== e[i].length) return `expected ${e[i].length} columns, got ${a[i].length}`;
    const columns = orderColumns === 'all' ? e[i].map((_, c) => c) : orderColumns;
    const differs = columns.find((c) => !same(a[i], e[i], c));
    if (differs !== undefined) return `row ${i}, column ${differs}: expected ${show([e[i][differs]])}, got ${show([a[i][differs]])}`;
  }
  if (orderColumns === 'all') return null;
  const byKey = new Map<string, ReferenceValue[][]>();
  for (const row of candidates) {
    const values = Object.values(row);
    const key = exactKey(values, inexactColumns);
    const pool = byKey.get(key);
    if (pool) pool.push(values);
    else byKey.set(key, [values]);
  }
  for (const row of a) {
    const pool = byKey.get(exactKey(row, inexactColumns)) ?? [];
    const match = pool.findIndex((values) => values.every((_, c) => same(row, values, c)));
    if (match < 0) return `row [${show(row)}] is not in the reference's answer`;
    pool.splice(match, 1);
  }
  return null;
}
