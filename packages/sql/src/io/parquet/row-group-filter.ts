/**
 * Skipping row groups by their statistics (Spark's Parquet filter pushdown): a row group is
 * read only if its column min/max (and null count) admit a row that passes every predicate.
 * Predicates compare one column with a literal in the engine's value form; anything the
 * statistics cannot decide keeps the row group.
 */
import type { FileMetaData } from 'hyparquet';
import { longValue } from '../../types/long-value.js';

export type ColumnPredicate =
  | { readonly column: string; readonly op: '=' | '<' | '<=' | '>' | '>=' | '!='; readonly value: number | string | boolean }
  | { readonly column: string; readonly op: 'in'; readonly values: readonly (number | string | boolean)[] }
  | { readonly column: string; readonly op: 'isNull' | 'isNotNull' };

interface ColumnStats {
  min?: unknown;
  max?: unknown;
  nullCount?: number;
  rows: number;
}

/** A statistic as the engine compares it: an INT64 past 2^53 stays exact (types/long-value.ts). */
function comparable(v: unknown): number | bigint | string | boolean | undefined {
  if (typeof v === 'bigint') return longValue(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return undefined;
}

function mayMatch(p: ColumnPredicate, s: ColumnStats): boolean {
  if (p.op === 'isNull') return s.nullCount === undefined || s.nullCount > 0;
  if (p.op === 'isNotNull') return s.nullCount === undefined || s.nullCount < s.rows;
  if (s.nullCount !== undefined && s.nullCount === s.rows) return false;
  const min = comparable(s.min);
  const max = comparable(s.max);
  if (min === undefined || max === undefined) return true;
  // A number and a bigint compare as numbers do (JavaScript compares them exactly).
  const kind = (v: unknown) => (typeof v === 'bigint' ? 'number' : typeof v);
  const other = (v: unknown) => kind(v) !== kind(min) || kind(v) !== kind(max);
  const within = (v: number | string | boolean) => v >= min && v <= max;
  switch (p.op) {
    case '=': return other(p.value) || within(p.value);
    case 'in': return p.values.some((v) => other(v) || within(v));
    case '<': return other(p.value) || min < p.value;
    case '<=': return other(p.value) || min <= p.value;
    case '>': return other(p.value) || max > p.value;
    case '>=': return other(p.value) || max >= p.value;
    case '!=': return !(min === max && min === p.value);
  }
}

/** The indexes of the row groups that may hold rows passing all predicates. */
export function rowGroupsToRead(metadata: FileMetaData, predicates: readonly ColumnPredicate[]): number[] {
  const out: number[] = [];
  metadata.row_groups.forEach((group, index) => {
    const rows = Number(group.num_rows);
    const keep = predicates.every((p) => {
      const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === p.column);
      const stats = chunk?.meta_data?.statistics;
      if (!stats) return true;
      const nullCount = stats.null_count === undefined ? undefined : Number(stats.null_count);
      // Truncated (inexact) bounds are not bounds of the values: leave those to the filter.
      const exact = stats.is_min_value_exact !== false && stats.is_max_value_exact !== false;
      const min = exact ? (stats.min_value ?? stats.min) : undefined;
      const max = exact ? (stats.max_value ?? stats.max) : undefined;
      return mayMatch(p, { min, max, nullCount, rows });
    });
    if (keep) out.push(index);
  });
  return out;
}
