// PySpark semantics for cache, persist(StorageLevel), unpersist, isCached, setName and
// toDebugString. Whether a partition was recomputed is observed through an accumulator updated
// inside the transformation. checkpoint is in checkpoint.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, StorageLevel, capture } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-persistence' });
});

afterAll(async () => {
  await fc.stop();
});

/** An RDD of 0..n-1 whose map counts how many elements it computed. */
function counted(n: number, slices = 3) {
  const computed = fc.accumulator(0);
  const rdd = fc.parallelize(
    Array.from({ length: n }, (_, i) => i),
    slices,
  ).map(
    capture({ computed }, (x, { computed }) => {
      computed.add(1);
      return x * 2;
    }),
  );
  return { rdd, computed };
}

describe('cache and persist', () => {
  it('cache() returns the same RDD and sets isCached (persist doctest)', () => {
    const rdd = fc.parallelize(['b', 'a', 'c']);
    expect(rdd.isCached).toBe(false);
    expect(rdd.cache()).toBe(rdd);
    expect(rdd.isCached).toBe(true);
    const other = fc.parallelize(['b', 'a', 'c']);
    expect(other.persist(StorageLevel.MEMORY_ONLY).isCached).toBe(true);
  });

  it('a cached RDD is computed once across actions', async () => {
    const { rdd, computed } = counted(30);
    rdd.cache();
    expect(await rdd.count()).toBe(30);
    expect(computed.value).toBe(30);
    expect(await rdd.sum()).toBe(870);
    expect(await rdd.collect()).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    expect(computed.value).toBe(30);
  });

  it('an uncached RDD is recomputed by every action', async () => {
    const { rdd, computed } = counted(10);
    await rdd.count();
    await rdd.count();
    expect(computed.value).toBe(20);
  });

  for (const level of ['MEMORY_ONLY', 'MEMORY_AND_DISK', 'DISK_ONLY', 'MEMORY_ONLY_2', 'MEMORY_AND_DISK_2'] as const) {
    it(`persist(StorageLevel.${level}) keeps the partitions`, async () => {
      const { rdd, computed } = counted(12);
      expect(rdd.persist(StorageLevel[level])).toBe(rdd);
      expect(rdd.isCached).toBe(true);
      expect(await rdd.collect()).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
      expect(await rdd.reduce((a, b) => a + b)).toBe(132);
      expect(computed.value).toBe(12);
    });
  }

  it('a cached RDD feeds later transformations and shuffles without recomputation', async () => {
    const { rdd, computed } = counted(20, 4);
    rdd.cache();
    await rdd.count();
    const byParity = await rdd
      .map((x) => [x % 4, 1] as [number, number])
      .reduceByKey((a, b) => a + b)
      .collectAsMap();
    expect(byParity).toEqual(new Map([[0, 10], [2, 10]]));
    expect(computed.value).toBe(20);
  });

  it('unpersist() clears isCached and later actions recompute', async () => {
    const { rdd, computed } = counted(8);
    rdd.cache();
    await rdd.count();
    expect(rdd.unpersist()).toBe(rdd);
    expect(rdd.isCached).toBe(false);
    expect(await rdd.count()).toBe(8);
    expect(computed.value).toBe(16);
  });

  it('cache() of a shuffled RDD gives the same answer as without', async () => {
    const words = fc.parallelize(['a', 'b', 'a', 'c', 'a'], 2).map((w) => [w, 1] as [string, number]);
    const counts = words.reduceByKey((a, b) => a + b).cache();
    expect(await counts.collectAsMap()).toEqual(new Map([['a', 3], ['b', 1], ['c', 1]]));
    expect(await counts.collectAsMap()).toEqual(new Map([['a', 3], ['b', 1], ['c', 1]]));
  });
});

describe('setName and toDebugString', () => {
  it('setName returns the same RDD', () => {
    const rdd1 = fc.parallelize([1, 2]);
    expect(rdd1.setName('RDD1')).toBe(rdd1);
  });

  it('toDebugString names the RDDs of the lineage, child first', () => {
    const source = fc.parallelize([1, 2, 3], 2).setName('numbers-source');
    const mapped = source.map((x) => x + 1).setName('numbers-plus-one');
    const text = mapped.toDebugString();
    expect(typeof text).toBe('string');
    expect(text).toContain('numbers-source');
    expect(text).toContain('numbers-plus-one');
    expect(text.indexOf('numbers-plus-one')).toBeLessThan(text.indexOf('numbers-source'));
  });

  it('toDebugString shows a shuffle boundary for a shuffle and none for a narrow chain', () => {
    const pairsRdd = fc
      .parallelize(['a', 'b', 'a'], 2)
      .setName('words-source')
      .map((w) => [w, 1] as [string, number]);
    const reduced = pairsRdd.reduceByKey((a, b) => a + b).setName('word-counts');
    const text = reduced.toDebugString();
    expect(text).toContain('words-source');
    expect(text).toContain('word-counts');
    expect(text).toMatch(/shuffle/i);
    expect(pairsRdd.toDebugString()).not.toMatch(/shuffle/i);
    const lines = text.split('\n');
    const childLine = lines.find((l) => l.includes('word-counts'))!;
    const parentLine = lines.find((l) => l.includes('words-source'))!;
    const indent = (l: string) => l.search(/[A-Za-z0-9(]/);
    // As in Spark, the parent stage is indented below the shuffle.
    expect(indent(parentLine)).toBeGreaterThan(indent(childLine));
  });
});
