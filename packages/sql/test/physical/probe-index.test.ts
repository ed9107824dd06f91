/**
 * The probe index a task thread builds on a broadcast table (runtime/probe-index.ts), checked
 * against a Map of each key's rows: for every layout it picks (a run of consecutive keys, dense
 * unique keys at their positions, dense keys with repeats, a Map), every probed key finds exactly
 * the rows that hold it, in row order, and the values of its columns there. A run's keys are
 * given as a run (runtime/key-runs.ts), as a build task sends them.
 */
import { describe, expect, it } from 'vitest';
import { PROBE_INDEX } from '../../src/physical/runtime/probe-index.js';
import type { DictionaryColumn } from '../../src/physical/runtime/join-columns.js';

interface Indexed {
  index: { get(key: unknown): number | undefined; constructor: { name: string } };
  next: Int32Array;
  unique: boolean;
  probeColumns: (ArrayLike<unknown> | null)[];
  dictionaries: (readonly unknown[] | undefined)[];
}

const probeIndex = new Function(`${PROBE_INDEX}\nreturn probeIndex;`)() as (table: unknown) => Indexed;

/** What the generated probe sees for `key`: per matching row, the values of the columns, in row order. */
function probed(t: Indexed, key: unknown): unknown[][] {
  const matches: unknown[][] = [];
  const first = t.index.get(key);
  if (first === undefined) return matches;
  for (let r = first; r !== -1; r = t.unique ? -1 : t.next[r]) {
    // Column 0 is one nothing reads (null in the table).
    matches.push(t.probeColumns.slice(1).map((column, i) => (t.dictionaries[i + 1] === undefined ? column![r] : t.dictionaries[i + 1]![column![r] as number])));
  }
  return matches;
}

/** The same from the rows as given: every row whose key is `key` (SameValueZero, as the engine's keys compare). */
function expected(keys: ArrayLike<unknown>, columns: ArrayLike<unknown>[], key: unknown): unknown[][] {
  const matches: unknown[][] = [];
  for (let r = 0; r < keys.length; r++) if ([keys[r]].includes(key)) matches.push(columns.map((column) => column[r]));
  return matches;
}

function dictionaryOf(values: string[]): DictionaryColumn {
  const distinct = [...new Set(values)];
  return { codes: Uint8Array.from(values, (v) => distinct.indexOf(v)), values: distinct };
}

/** Keys far and near each build key, and values of other kinds. */
function probes(keys: ArrayLike<unknown>): unknown[] {
  const numbers = Array.from(keys).filter((k): k is number => typeof k === 'number');
  const near = numbers.flatMap((k) => [k - 1, k, k + 1, k + 0.5]);
  return [...near, 0, -0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32, 1e9, NaN, null, undefined, '3', 3n, ...Array.from(keys)];
}

const run = (runFrom: number, length: number) => ({ runFrom, length });
/** Row r's key, whatever the form. */
const keysOf = (keys: Keys): ArrayLike<unknown> => ('runFrom' in keys ? Array.from({ length: keys.length }, (_, r) => keys.runFrom + r) : keys);
type Keys = ArrayLike<unknown> | { runFrom: number; length: number };

const cases: { name: string; keys: Keys; layout: string }[] = [
  { name: 'a run of ids from 1', keys: run(1, 300), layout: 'KeyRunIndex' },
  { name: 'a run through negative ids', keys: run(-20, 50), layout: 'KeyRunIndex' },
  { name: 'a run of one key', keys: run(7, 1), layout: 'KeyRunIndex' },
  { name: 'a run up to the largest int32', keys: run(2 ** 31 - 3, 3), layout: 'KeyRunIndex' },
  { name: 'consecutive keys past the largest int32', keys: [2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1], layout: 'Map' },
  { name: 'consecutive ids as an array', keys: Int32Array.from({ length: 100 }, (_, i) => i), layout: 'KeyPositionIndex' },
  { name: 'dense unique ids with gaps, shuffled', keys: Int32Array.from({ length: 200 }, (_, i) => (i * 37) % 311), layout: 'KeyPositionIndex' },
  { name: 'dense ids, the last repeated', keys: [1, 2, 3, 3], layout: 'DenseKeyIndex' },
  { name: 'dense ids with repeats', keys: Int32Array.from({ length: 200 }, (_, i) => (i * 7) % 90), layout: 'DenseKeyIndex' },
  { name: 'negative ids out of order', keys: [-3, 5, -7, 0, 5], layout: 'Map' },
  { name: 'ids spread too far for an array of positions', keys: Int32Array.from({ length: 100 }, (_, i) => i * 100_000), layout: 'Map' },
  { name: 'fractional keys', keys: [1, 1.5, 2, 1.5], layout: 'Map' },
  { name: 'string keys (a null-aware join keeps null keys as a marker string)', keys: ['a', 'b', '__null__', 'a'], layout: 'Map' },
  { name: 'no rows', keys: new Int32Array(0), layout: 'KeyPositionIndex' },
];

describe('probe index', () => {
  for (const { name, keys: given, layout } of cases) {
    it(`finds every row of a key, and only those, for ${name}`, () => {
      const keys = keysOf(given);
      const n = keys.length;
      const weights = Float64Array.from({ length: n }, (_, r) => r / 4);
      const segments = Array.from({ length: n }, (_, r) => ['x', 'y', 'z'][r % 3]);
      const names = Array.from({ length: n }, (_, r) => (r % 5 === 0 ? null : `name ${r}`));
      const t = probeIndex({ keys: given, columns: [null, weights, dictionaryOf(segments), names] });
      expect(t.index.constructor.name).toBe(layout);
      for (const key of probes(keys)) {
        expect(probed(t, key), `key ${String(key)}`).toEqual(expected(keys, [weights, segments, names], key));
      }
      // Built once: a second call returns the same table as it is.
      expect(probeIndex(t)).toBe(t);
    });
  }
});
