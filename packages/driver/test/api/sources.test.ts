// PySpark doctest semantics for the RDD sources on FlintContext: parallelize (Spark's slicing
// rule), range, union, emptyRDD. textFile lives in io.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-sources' });
});

afterAll(async () => {
  await fc.stop();
});

/** Spark's ParallelCollectionRDD.slice: slice i holds [floor(i*n/k), floor((i+1)*n/k)). */
function sliceReference<T>(data: T[], k: number): T[][] {
  const n = data.length;
  return Array.from({ length: k }, (_, i) =>
    data.slice(Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)),
  );
}

describe('parallelize', () => {
  it('one element per slice (context.py doctest)', async () => {
    expect(await fc.parallelize([0, 2, 3, 4, 6], 5).glom().collect()).toEqual([[0], [2], [3], [4], [6]]);
  });

  it('more slices than elements leaves empty slices where the rule says (context.py doctest)', async () => {
    // sc.parallelize(range(0, 6, 2), 5).glom().collect() == [[], [0], [], [2], [4]]
    expect(await fc.parallelize([0, 2, 4], 5).glom().collect()).toEqual([[], [0], [], [2], [4]]);
  });

  it('splits [1, 2, 3, 4] into [[1, 2], [3, 4]] (glom doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4], 2).glom().collect()).toEqual([[1, 2], [3, 4]]);
  });

  it('uneven slices follow floor(i*n/k) (coalesce/repartition doctests)', async () => {
    expect(await fc.parallelize([1, 2, 3, 4, 5], 3).glom().collect()).toEqual([[1], [2, 3], [4, 5]]);
    expect(await fc.parallelize([1, 2, 3, 4, 5, 6, 7], 4).glom().collect()).toEqual([[1], [2, 3], [4, 5], [6, 7]]);
  });

  it('matches the slicing rule for many sizes', async () => {
    for (const [n, k] of [[10, 3], [7, 7], [3, 8], [100, 6], [1, 1], [17, 4]] as const) {
      const data = Array.from({ length: n }, (_, i) => i * 10);
      expect(await fc.parallelize(data, k).glom().collect(), `n=${n} k=${k}`).toEqual(sliceReference(data, k));
    }
  });

  it('getNumPartitions() is synchronous and equals numSlices (doctest)', () => {
    expect(fc.parallelize([1, 2, 3, 4], 2).getNumPartitions()).toBe(2);
    expect(fc.parallelize([1, 2, 3, 4], 7).getNumPartitions()).toBe(7);
  });

  it('defaults to the default parallelism (local[2] -> 2 slices)', async () => {
    const rdd = fc.parallelize([1, 2, 3, 4]);
    expect(rdd.getNumPartitions()).toBe(2);
    expect(await rdd.glom().collect()).toEqual([[1, 2], [3, 4]]);
  });

  it('an undefined numSlices means "not given"', () => {
    expect(fc.parallelize([1, 2, 3], undefined).getNumPartitions()).toBe(2);
  });

  it('keeps the order of the data in collect()', async () => {
    const data = Array.from({ length: 50 }, (_, i) => 50 - i);
    expect(await fc.parallelize(data, 6).collect()).toEqual(data);
  });

  it('round-trips structured elements (strings, nulls, nested arrays, objects)', async () => {
    const data = ['x', null, [1, [2, 'y']], { a: 1, b: [true, false] }, 3.5, -0.25, ''];
    expect(await fc.parallelize(data, 3).collect()).toEqual(data);
  });

  it('an empty collection gives an empty RDD with the requested slices', async () => {
    const rdd = fc.parallelize([] as number[], 3);
    expect(rdd.getNumPartitions()).toBe(3);
    expect(await rdd.glom().collect()).toEqual([[], [], []]);
    expect(await rdd.count()).toBe(0);
  });
});

describe('default parallelism follows the master URL', () => {
  for (const [master, slices] of [['local', 1], ['local[1]', 1], ['local[3]', 3]] as const) {
    it(`${master} slices parallelize into ${slices} by default`, async () => {
      const other = await FlintContext.create({ master, appName: 'api-sources-parallelism' });
      try {
        const rdd = other.parallelize([1, 2, 3, 4, 5, 6]);
        expect(rdd.getNumPartitions()).toBe(slices);
        expect(await rdd.glom().collect()).toEqual(sliceReference([1, 2, 3, 4, 5, 6], slices));
      } finally {
        await other.stop();
      }
    });
  }
});

describe('range', () => {
  it('range(5) (context.py doctest)', async () => {
    expect(await fc.range(5).collect()).toEqual([0, 1, 2, 3, 4]);
  });

  it('range(2, 4) (context.py doctest)', async () => {
    expect(await fc.range(2, 4).collect()).toEqual([2, 3]);
  });

  it('range(1, 7, 2) (context.py doctest)', async () => {
    expect(await fc.range(1, 7, 2).collect()).toEqual([1, 3, 5]);
  });

  it('a negative step counts down, like Python range', async () => {
    expect(await fc.range(10, 0, -3).collect()).toEqual([10, 7, 4, 1]);
  });

  it('counts like test_rdd.py: range(1, 1) is empty, range(1, 0, -1) has one element', async () => {
    expect(await fc.range(1, 1).count()).toBe(0);
    expect(await fc.range(1, 0, -1).count()).toBe(1);
  });

  it('an empty range is empty', async () => {
    expect(await fc.range(5, 5).collect()).toEqual([]);
    expect(await fc.range(5, 2).collect()).toEqual([]);
  });

  it('slices like parallelize of the same sequence', async () => {
    // sc.parallelize(xrange(0, 6, 2), 5).glom().collect() == [[], [0], [], [2], [4]]
    expect(await fc.range(0, 6, 2, 5).glom().collect()).toEqual([[], [0], [], [2], [4]]);
    const data = Array.from({ length: 23 }, (_, i) => 3 + i * 4);
    expect(await fc.range(3, 95, 4, 5).glom().collect()).toEqual(sliceReference(data, 5));
  });

  it('honours numSlices and defaults to the default parallelism', () => {
    expect(fc.range(0, 100, 1, 7).getNumPartitions()).toBe(7);
    expect(fc.range(100).getNumPartitions()).toBe(2);
    expect(fc.range(0, 100, undefined, 4).getNumPartitions()).toBe(4);
  });

  it('computes sums over a larger range', async () => {
    expect(await fc.range(1, 1001).sum()).toBe(500500);
  });
});

describe('union', () => {
  it('rdd.union(rdd) concatenates in order (doctest)', async () => {
    const rdd = fc.parallelize([1, 1, 2, 3]);
    expect(await rdd.union(rdd).collect()).toEqual([1, 1, 2, 3, 1, 1, 2, 3]);
  });

  it('has the partitions of both sides, in order', async () => {
    const a = fc.parallelize([1, 2, 3], 2);
    const b = fc.parallelize([4, 5, 6, 7], 3);
    const u = a.union(b);
    expect(u.getNumPartitions()).toBe(5);
    expect(await u.glom().collect()).toEqual([[1], [2, 3], [4], [5], [6, 7]]);
  });

  it('fc.union(rdds) unions a list of RDDs in order', async () => {
    const rdds = [fc.parallelize([1, 2], 1), fc.parallelize([3], 1), fc.parallelize([4, 5, 6], 2)];
    const u = fc.union(rdds);
    expect(u.getNumPartitions()).toBe(4);
    expect(await u.collect()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('union with an empty RDD adds no elements', async () => {
    expect(await fc.parallelize([1, 2], 2).union(fc.emptyRDD<number>()).collect()).toEqual([1, 2]);
  });
});

describe('emptyRDD', () => {
  it('has no partitions and no elements', async () => {
    const rdd = fc.emptyRDD<number>();
    expect(rdd.getNumPartitions()).toBe(0);
    expect(await rdd.collect()).toEqual([]);
    expect(await rdd.count()).toBe(0);
    expect(await rdd.isEmpty()).toBe(true);
    expect(await rdd.take(3)).toEqual([]);
  });

  it('fold and aggregate of an empty RDD return the zero', async () => {
    expect(await fc.emptyRDD<number>().fold(0, (a, b) => a + b)).toBe(0);
    expect(await fc.emptyRDD<number>().sum()).toBe(0);
  });
});
