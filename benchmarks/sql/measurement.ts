/**
 * One engine on one query and input, over the benchmark's rounds: each run's time and peak
 * memory, and whether its answer equals DuckDB's (the reference run of the same round).
 */
import { median } from '../wordcount/report.js';
import { rowsDifference } from '../../test/sql/compare-rows.js';
import type { ReferenceRow } from '../../test/sql/duckdb-reference.js';
import type { EngineResult } from './engine-result.js';

export interface Measurement {
  engine: string;
  label: string;
  query: string;
  format: 'csv' | 'parquet';
  status: 'ran' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
  timesMs: number[];
  maxRssBytes: number[];
  /** `same as DuckDB`, or the first difference. */
  answer?: string;
}

export function newMeasurement(engine: string, label: string, query: string, format: 'csv' | 'parquet'): Measurement {
  return { engine, label, query, format, status: 'ran', timesMs: [], maxRssBytes: [] };
}

/** Adds one run's result; returns the answer's difference from the reference, or null. */
export function record(
  measurement: Measurement,
  result: EngineResult | { kind: 'failed'; reason: string },
  reference: Record<string, unknown>[] | undefined,
): string | null {
  if (result.kind !== 'ran') {
    measurement.status = result.kind;
    measurement.reason = result.reason;
    return null;
  }
  measurement.timesMs.push(result.elapsedMs);
  measurement.maxRssBytes.push(result.maxRssBytes);
  if (reference === undefined) return null;
  const difference = rowsDifference(result.rows, reference as ReferenceRow[], { relativeTolerance: 1e-6 });
  measurement.answer = difference === null ? 'same as DuckDB' : `DIFFERENT from DuckDB: ${difference}`;
  return difference;
}

export function medianMs(measurement: Measurement): number {
  return measurement.timesMs.length === 0 ? NaN : median(measurement.timesMs);
}

export function peakRssBytes(measurement: Measurement): number {
  return measurement.maxRssBytes.length === 0 ? NaN : Math.max(...measurement.maxRssBytes);
}

/** The geometric mean of positive values (NaN if any is missing). */
export function geometricMean(values: number[]): number {
  if (values.length === 0 || values.some((value) => !(value > 0))) return NaN;
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}
