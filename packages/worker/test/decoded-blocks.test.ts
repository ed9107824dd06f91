import { beforeAll, describe, expect, it } from 'vitest';
import { estimateSize } from '@flint/rdd';

/** A partition of 1,000 points `{ y, x: number[10] }`, as the logistic-regression jobs cache. */
const partition = (): unknown[] => Array.from({ length: 1000 }, (_, i) => ({ y: i % 2 === 0 ? 1 : -1, x: Array.from({ length: 10 }, (_, j) => i / (j + 1.5)) }));
const partitionBytes = partition().reduce<number>((total, record) => total + estimateSize(record) + 8, 0);

let cache: typeof import('../src/thread/decoded-blocks.js');

beforeAll(async () => {
  // Room for two and a half partitions; the budget is read when the module loads.
  process.env.FLINT_THREAD_CACHE_BYTES = String(Math.floor(partitionBytes * 2.5));
  cache = await import('../src/thread/decoded-blocks.js');
});

/** Passes over the partitions of an RDD as an iterative job does; the splits found decoded. */
function pass(app: string, rddId: number, splits: number[]): number[] {
  const hits: number[] = [];
  for (const split of splits) {
    const block = `rdd_${rddId}_${split}`;
    if (cache.decodedBlock(app, block)) hits.push(split);
    else cache.keepDecoded(app, block, partition());
  }
  return hits;
}

describe('decoded cached partitions on a task thread', () => {
  it('keeps the partitions that fit when a pass needs more, instead of evicting in a cycle the one needed next', () => {
    expect(pass('app-a', 1, [0, 1, 2])).toEqual([]);
    // Plain LRU would find none: each partition kept would evict the one the pass reads next.
    expect(pass('app-a', 1, [0, 1, 2])).toEqual([0, 1]);
    expect(pass('app-a', 1, [0, 1, 2])).toEqual([0, 1]);
  });

  it("evicts another RDD's partitions, least recently used first, to keep a new one", () => {
    expect(pass('app-b', 1, [0, 1])).toEqual([]);
    expect(pass('app-b', 2, [0])).toEqual([]);
    // Partition 0 of RDD 1 was used least recently: it made room for RDD 2's.
    expect(pass('app-b', 1, [1])).toEqual([1]);
    expect(pass('app-b', 2, [0])).toEqual([0]);
    expect(pass('app-b', 1, [0])).toEqual([]);
  });

  it('reports a held partition (kept nowhere else) once it is evicted, so the executor forgets it', () => {
    expect(cache.keepDecoded('app-c', 'rdd_1_0', partition(), true)).toBeGreaterThan(0);
    expect(cache.keepDecoded('app-c', 'rdd_1_1', partition(), true)).toBeGreaterThan(0);
    expect(cache.takeDroppedHeld()).toEqual([]);
    // A third partition of another RDD evicts the least recently used one: held, so lost.
    cache.keepDecoded('app-c', 'rdd_2_0', partition());
    expect(cache.takeDroppedHeld()).toEqual(['app-c_rdd_1_0']);
    expect(cache.takeDroppedHeld()).toEqual([]);
  });

  it('estimates a partition from a sample of its records in whole bytes, as the driver is told', () => {
    const records = Array.from({ length: 1000 }, (_, i) => 'x'.repeat(i % 7));
    const size = cache.keepDecoded('app-d', 'rdd_1_0', records)!;
    expect(Number.isInteger(size)).toBe(true);
    const exact = records.reduce<number>((total, record) => total + estimateSize(record) + 8, 0);
    expect(Math.abs(size - exact) / exact).toBeLessThan(0.05);
  });

  it('estimates an array of numbers at 8 bytes an item, as V8 stores it unboxed', () => {
    expect(estimateSize([0.5, 1.5, 2.5])).toBe(estimateSize([]) + 3 * 8);
    expect(estimateSize(['a', 0.5])).toBeGreaterThan(estimateSize([]) + 2 * 8);
  });
});
