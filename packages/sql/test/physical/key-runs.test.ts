/**
 * A broadcast table's keys as runs (runtime/key-runs.ts): a part's keys become a run only when
 * they are consecutive 32-bit integers in row order, and parts' keys put end to end are the same
 * keys, one run when every part's run continues the one before, the values otherwise.
 */
import { describe, expect, it } from 'vitest';
import { concatBuildKeys, isKeyRun, keyRunOf, type BuildKeys } from '../../src/physical/runtime/key-runs.js';

/** Row r's key, whatever the form. */
const keysOf = (keys: BuildKeys): unknown[] => (isKeyRun(keys) ? Array.from({ length: keys.length }, (_, r) => keys.runFrom + r) : Array.from(keys));

describe('key runs', () => {
  it('takes consecutive int32 keys in row order as a run, and nothing else', () => {
    expect(keyRunOf(Int32Array.from([5, 6, 7]))).toEqual({ runFrom: 5, length: 3 });
    expect(keyRunOf([-2, -1, 0, 1])).toEqual({ runFrom: -2, length: 4 });
    expect(keyRunOf([9])).toEqual({ runFrom: 9, length: 1 });
    expect(keyRunOf([2 ** 31 - 2, 2 ** 31 - 1])).toEqual({ runFrom: 2 ** 31 - 2, length: 2 });
    const others: unknown[][] = [[], [1, 3], [2, 1], [1, 2, 2], [1.5, 2.5], [2 ** 31 - 1, 2 ** 31], [2 ** 31, 2 ** 31 + 1], ['1', '2'], [1, '2'], [null, 1]];
    for (const keys of others) expect(keyRunOf(keys), JSON.stringify(keys)).toBe(keys);
  });

  it('puts parts end to end: runs that continue each other stay one run, any other mix becomes the keys', () => {
    const run = (from: number, length: number) => ({ runFrom: from, length });
    expect(concatBuildKeys([run(1, 3), new Int32Array(0), run(4, 2)])).toEqual(run(1, 5));
    expect(concatBuildKeys([[], run(-3, 3)])).toEqual(run(-3, 3));
    const cases: BuildKeys[][] = [
      [run(1, 3), run(5, 2)],
      [run(4, 2), run(1, 3)],
      [run(1, 3), run(1, 3)],
      [run(1, 2), Int32Array.from([3, 9])],
      [Int32Array.from([7, 8]), run(9, 2)],
      [run(0, 2), ['a']],
    ];
    for (const parts of cases) {
      const joined = concatBuildKeys(parts);
      expect(isKeyRun(joined), JSON.stringify(parts)).toBe(false);
      expect(keysOf(joined)).toEqual(parts.flatMap(keysOf));
    }
    expect(keysOf(concatBuildKeys([]))).toEqual([]);
  });
});
