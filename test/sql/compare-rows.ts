/**
 * Compares a query's rows with a reference engine's: numbers within a relative tolerance (sums
 * of doubles depend on the order they are added in), everything else exactly. Without
 * `ordered`, both sides are sorted first, for queries whose ORDER BY leaves ties.
 */
import type { ReferenceRow, ReferenceValue } from './duckdb-reference.js';

export interface CompareOptions {
  ordered?: boolean;
  relativeTolerance?: number;
}

/** Numbers within `tolerance` (relative), NaN equal to NaN, Dates by instant, the rest by ===. */
export function sameValue(a: unknown, b: ReferenceValue, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function sortKey(row: Record<string, unknown>): string {
  return JSON.stringify(Object.values(row), (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(8)) : typeof v === 'bigint' ? `${v}n` : v));
}

/** The first difference between the two row lists as one line, or null when they agree. */
export function rowsDifference(
  actual: Record<string, unknown>[],
  expected: ReferenceRow[],
  { ordered = false, relativeTolerance = 1e-9 }: CompareOptions = {},
): string | null {
  if (actual.length !== expected.length) return `expected ${expected.length} rows, got ${actual.length}`;
  const sort = <T extends Record<string, unknown>>(rows: T[]) =>
    ordered ? rows : [...rows].sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : sortKey(x) > sortKey(y) ? 1 : 0));
  const a = sort(actual);
  const e = sort(expected);
  for (let i = 0; i < e.length; i++) {
    const expectedColumns = Object.keys(e[i]);
    const actualColumns = Object.keys(a[i]);
    if (expectedColumns.join(',') !== actualColumns.join(',')) {
      return `expected columns [${expectedColumns.join(', ')}], got [${actualColumns.join(', ')}]`;
    }
    for (const column of expectedColumns) {
      if (!sameValue(a[i][column], e[i][column], relativeTolerance)) {
        return `row ${i}, column ${column}: expected ${String(e[i][column])}, got ${String(a[i][column])}`;
      }
    }
  }
  return null;
}
