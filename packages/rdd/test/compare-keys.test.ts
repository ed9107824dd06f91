import { describe, expect, it } from 'vitest';
import { compareKeys } from '../src/keys/compare-keys.js';
import { boundsFromSamples, partitionFunction } from '../src/partitioner/partitioner.js';

// A long past 2^53 reaches an RDD as a JS bigint (df.rdd of a bigint column), a safe one as a number.
const KEYS: (number | bigint)[] = [5, -(2n ** 60n), 2n ** 60n, -3, 9007199254740993n, 0, 9007199254740992, -(2n ** 63n)];
const exactly = (a: number | bigint, b: number | bigint) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

describe('compareKeys over numbers and bigints', () => {
  it('orders them together by value, as sortByKey and sortBy need', () => {
    expect([...KEYS].sort(compareKeys)).toEqual([...KEYS].sort(exactly));
    expect([...KEYS].sort(compareKeys)[0]).toBe(-(2n ** 63n));
  });

  it('a range partitioner (sortByKey\'s shuffle) sends them to partitions in that order', () => {
    const sorted = [...KEYS].sort(exactly);
    const partition = partitionFunction({ kind: 'range', numPartitions: 3, ascending: true, keyfunc: undefined, bounds: boundsFromSamples(KEYS, 3) });
    const partitions = sorted.map(partition);
    expect(partitions).toEqual([...partitions].sort((a, b) => a - b));
    expect(new Set(partitions).size).toBe(3);
  });

  it('keeps the other types around them: null < boolean < numbers < strings', () => {
    expect(['a', 2n ** 60n, true, null, 7].sort(compareKeys)).toEqual([null, true, 7, 2n ** 60n, 'a']);
  });
});
