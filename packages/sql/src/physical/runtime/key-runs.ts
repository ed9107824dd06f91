/**
 * A broadcast table's keys as a run when they are the 32-bit integers low, low + 1, ... in row
 * order (a dimension table in the order of its ids, as the sales join's 1M customers): two
 * numbers instead of four bytes a row to pack in the build task, send to the driver, put end to
 * end and broadcast to every thread, and the probe's index (probe-index.ts KeyRunIndex) is made
 * without reading a key.
 */
import { registerRuntime } from '@flint/rdd';
import { concatJoinColumns } from './join-columns.js';

export interface KeyRun {
  /** The first row's key; row r's is runFrom + r. */
  readonly runFrom: number;
  readonly length: number;
}

export type BuildKeys = ArrayLike<unknown> | KeyRun;

export const isKeyRun = (keys: BuildKeys): keys is KeyRun => (keys as KeyRun).runFrom !== undefined;

const MAX_INT = 2 ** 31 - 1;

/** The keys as a run when they are one, else as they are. */
export function keyRunOf(keys: ArrayLike<unknown>): BuildKeys {
  if (keys.length === 0) return keys;
  const low = keys[0];
  if (typeof low !== 'number' || (low | 0) !== low || low + keys.length - 1 > MAX_INT) return keys;
  for (let r = 1; r < keys.length; r++) if (keys[r] !== low + r) return keys;
  return { runFrom: low, length: keys.length };
}

/** A build task's generated code makes its parts' keys runs through `env.keyRunOf`. */
export const KEY_RUN_RUNTIME = registerRuntime('sql', { keyRunOf });

/** Parts' keys end to end: one run when each part is a run that continues the one before, else the keys. */
export function concatBuildKeys(all: readonly BuildKeys[]): BuildKeys {
  const parts = all.filter((part) => part.length > 0);
  const runs = parts.filter(isKeyRun);
  if (runs.length > 0 && runs.length === parts.length && runs.every((run, i) => i === 0 || run.runFrom === runs[i - 1].runFrom + runs[i - 1].length)) {
    return { runFrom: runs[0].runFrom, length: runs.reduce((n, run) => n + run.length, 0) };
  }
  // Keys are never dictionary columns, so neither are they put end to end.
  return concatJoinColumns(parts.map((part) => (isKeyRun(part) ? runKeys(part) : part))) as ArrayLike<unknown>;
}

function runKeys(run: KeyRun): Int32Array {
  const keys = new Int32Array(run.length);
  for (let r = 0; r < run.length; r++) keys[r] = run.runFrom + r;
  return keys;
}
