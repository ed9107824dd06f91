/**
 * One engine on one query and input, over the benchmark's rounds: each run's time and peak
 * memory, and whether its answer equals DuckDB's (the reference run of the same round).
 */
import { median } from '../wordcount/report.js';
import { rowsDifference } from '../../test/sql/compare-rows.js';
import type { ReferenceRow } from '../../test/sql/duckdb-reference.js';
import type { EngineResult, EngineTask } from './engine-result.js';

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

/** Adds one run's result (its time and memory, or why it did not run). */
export function record(measurement: Measurement, result: EngineResult | { kind: 'failed'; reason: string }): void {
  if (result.kind !== 'ran') {
    measurement.status = result.kind;
    measurement.reason = result.reason;
    return;
  }
  measurement.timesMs.push(result.elapsedMs);
  measurement.maxRssBytes.push(result.maxRssBytes);
}

/** Whether an answer is DuckDB's: the first difference, or null. */
export type AnswerCheck = (task: Omit<EngineTask, 'engine'>, rows: Record<string, unknown>[], reference: Record<string, unknown>[]) => Promise<string | null>;

/** The same rows in any order, numbers within 1e-6 (relative), columns by name. */
export const sameRows: AnswerCheck = async (_task, rows, reference) =>
  rowsDifference(rows, reference as ReferenceRow[], { relativeTolerance: 1e-6 });

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
