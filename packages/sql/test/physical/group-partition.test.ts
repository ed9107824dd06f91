import { describe, expect, it } from 'vitest';
import { hashPartition } from '@flint/rdd';
import { keyPartitions } from '../../src/physical/runtime/group-partition.js';

/** A NaN with other bits than the NaN literal's (as a file's double may hold). */
function otherNaN(): number {
  const bytes = new Uint8Array(new Float64Array([Number.NaN]).buffer);
  bytes[0] ^= 1;
  return new Float64Array(bytes.buffer)[0];
}

/** hashPartition's answer as an index: -0 (a negative hash's remainder of 0) is partition 0. */
const partitionOf = (key: unknown, n: number) => hashPartition(key, n) + 0;

const VALUES: unknown[] = ['', 'é', 'e\u0301', '😀 text', 'CENTRAL', 0, -0, 1, -1, 2147483647, -2147483648, 2147483648, 1.5, -2.25, 1e300, null, true, false];

describe('keyPartitions (a partial aggregation group partitions)', () => {
  it('puts one key column where hashPartition puts each value', () => {
    for (const n of [2, 3, 200]) {
      expect([...keyPartitions([VALUES], VALUES.length, n)]).toEqual(VALUES.map((v) => partitionOf(v, n)));
    }
  });

  it('puts several key columns where hashPartition puts the array of the row values', () => {
    const a = VALUES;
    const b = [...VALUES].reverse();
    const c = VALUES.map((_, i) => i * 7);
    const expected = a.map((_, g) => partitionOf([a[g], b[g], c[g]], 5));
    expect([...keyPartitions([a, b, Float64Array.from(c)], a.length, 5)]).toEqual(expected);
  });

  it('hashes every NaN alike, whatever its bits', () => {
    const nan = otherNaN();
    expect(Number.isNaN(nan)).toBe(true);
    const single = keyPartitions([new Float64Array([Number.NaN, nan])], 2, 7);
    expect(single[0]).toBe(single[1]);
    const pairs = keyPartitions([['x', 'x'], new Float64Array([Number.NaN, nan])], 2, 7);
    expect(pairs[0]).toBe(pairs[1]);
    expect(pairs[0]).toBe(partitionOf(['x', Number.NaN], 7));
  });
});
