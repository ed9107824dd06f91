/** Engine values as the writers spell them (Spark's CSV/JSON output forms). */
import { doubleToJavaString, floatToJavaString } from '../../format/index.js';
import type { DataType } from '../../types/index.js';

const DAY_MS = 86_400_000;

export function dateText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Timestamps in ISO 8601 with milliseconds, in UTC (readers, Flint's and DuckDB's, take the zone). */
export function timestampText(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A scalar's text in CSV (and in a JSON string column's value): Java's number spelling. */
export function scalarText(value: unknown, type: DataType): string {
  switch (type.typeName()) {
    case 'double':
      return doubleToJavaString(value as number);
    case 'float':
      return floatToJavaString(value as number);
    case 'date':
      return dateText(value as number);
    case 'timestamp':
    case 'timestamp_ntz':
      return timestampText(value as number);
    default:
      return String(value);
  }
}
