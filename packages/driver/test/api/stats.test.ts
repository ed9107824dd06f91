// PySpark doctest semantics for the numeric actions: sum, mean, variance, stdev, sampleVariance,
// sampleStdev, stats (a StatCounter) and histogram, with the edge cases of PySpark's own
// histogram tests (python/pyspark/tests/test_rdd.py).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-stats' });
});

afterAll(async () => {
  await fc.stop();
});

/** Sequential reference statistics. */
function reference(xs: number[]) {
  const n = xs.length;
  const sum = xs.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  const m2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { n, sum, mean, variance: m2 / n, sampleVariance: m2 / (n - 1), min: Math.min(...xs), max: Math.max(...xs) };
}

describe('sum, mean, variance, stdev', () => {
  it('sum() (doctest)', async () => {
    expect(await fc.parallelize([1.0, 2.0, 3.0]).sum()).toBe(6);
  });

  it('sum() of an empty RDD is 0', async () => {
    expect(await fc.parallelize([] as number[], 3).sum()).toBe(0);
  });

  it('mean() (doctest)', async () => {
    expect(await fc.parallelize([1, 2, 3]).mean()).toBe(2);
  });

  it('variance() (doctest: 0.666...)', async () => {
    expect(await fc.parallelize([1, 2, 3]).variance()).toBeCloseTo(2 / 3, 12);
  });

  it('stdev() (doctest: 0.816...)', async () => {
    expect(await fc.parallelize([1, 2, 3]).stdev()).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('sampleStdev() (doctest: 1.0)', async () => {
    expect(await fc.parallelize([1, 2, 3]).sampleStdev()).toBeCloseTo(1, 12);
  });

  it('sampleVariance() (doctest: 1.0)', async () => {
    expect(await fc.parallelize([1, 2, 3]).sampleVariance()).toBeCloseTo(1, 12);
  });

  it('agree with a sequential reference when partitions are merged', async () => {
    const xs = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1013) / 7 - 50);
    const ref = reference(xs);
    const rdd = fc.parallelize(xs, 7);
    expect(await rdd.sum()).toBeCloseTo(ref.sum, 8);
    expect(await rdd.mean()).toBeCloseTo(ref.mean, 10);
    expect(await rdd.variance()).toBeCloseTo(ref.variance, 8);
    expect(await rdd.stdev()).toBeCloseTo(Math.sqrt(ref.variance), 10);
    expect(await rdd.sampleVariance()).toBeCloseTo(ref.sampleVariance, 8);
    expect(await rdd.sampleStdev()).toBeCloseTo(Math.sqrt(ref.sampleVariance), 10);
  });
});

describe('stats', () => {
  it('returns a StatCounter with count, mean, sum, min, max and the variances', async () => {
    const s = await fc.parallelize([1, 2, 3]).stats();
    expect(s.count()).toBe(3);
    expect(s.mean()).toBe(2);
    expect(s.sum()).toBe(6);
    expect(s.min()).toBe(1);
    expect(s.max()).toBe(3);
    expect(s.variance()).toBeCloseTo(2 / 3, 12);
    expect(s.stdev()).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(s.sampleVariance()).toBeCloseTo(1, 12);
    expect(s.sampleStdev()).toBeCloseTo(1, 12);
  });

  it('merges partition counters, including empty partitions, like a sequential pass', async () => {
    const xs = Array.from({ length: 97 }, (_, i) => Math.sin(i) * 100);
    const ref = reference(xs);
    const s = await fc.parallelize(xs, 12).stats();
    expect(s.count()).toBe(ref.n);
    expect(s.mean()).toBeCloseTo(ref.mean, 10);
    expect(s.sum()).toBeCloseTo(ref.sum, 8);
    expect(s.min()).toBe(ref.min);
    expect(s.max()).toBe(ref.max);
    expect(s.variance()).toBeCloseTo(ref.variance, 8);
    expect(s.sampleVariance()).toBeCloseTo(ref.sampleVariance, 8);
    const sparse = await fc.parallelize([4, 8], 9).stats();
    expect(sparse.count()).toBe(2);
    expect(sparse.mean()).toBeCloseTo(6, 12);
    expect(sparse.variance()).toBeCloseTo(4, 12);
  });

  it('a single element has variance 0', async () => {
    const s = await fc.parallelize([5], 2).stats();
    expect(s.count()).toBe(1);
    expect(s.variance()).toBe(0);
    expect(s.stdev()).toBe(0);
  });
});

describe('histogram (doctests)', () => {
  it('histogram(2) over range(51)', async () => {
    const rdd = fc.parallelize(Array.from({ length: 51 }, (_, i) => i));
    expect(await rdd.histogram(2)).toEqual([[0, 25, 50], [25, 26]]);
  });

  it('explicit uneven buckets; the last bucket is closed', async () => {
    const rdd = fc.parallelize(Array.from({ length: 51 }, (_, i) => i));
    expect(await rdd.histogram([0, 5, 25, 50])).toEqual([[0, 5, 25, 50], [5, 20, 26]]);
  });

  it('evenly spaced explicit buckets', async () => {
    const rdd = fc.parallelize(Array.from({ length: 51 }, (_, i) => i));
    expect(await rdd.histogram([0, 15, 30, 45, 60])).toEqual([[0, 15, 30, 45, 60], [15, 15, 15, 6]]);
  });

  it('string buckets', async () => {
    const rdd = fc.parallelize(['ab', 'ac', 'b', 'bd', 'ef']);
    expect(await rdd.histogram(['a', 'b', 'c'])).toEqual([['a', 'b', 'c'], [2, 2]]);
  });

  it('[1, 10, 20, 50] with inputs 1 and 50 gives [1, 0, 1] (docstring)', async () => {
    expect((await fc.parallelize([1, 50]).histogram([1, 10, 20, 50]))[1]).toEqual([1, 0, 1]);
  });
});

describe('histogram edge cases (test_rdd.py)', () => {
  const counts = async (xs: number[], buckets: number[]) => (await fc.parallelize(xs, 2).histogram(buckets))[1];
  const withMissing = (xs: (number | null)[]) => xs as unknown as number[];

  it('an empty RDD counts zero in every bucket', async () => {
    expect(await counts([], [0, 10])).toEqual([0]);
    expect(await counts([], [0, 4, 10])).toEqual([0, 0]);
  });

  it('values outside the buckets are not counted', async () => {
    expect(await counts([10.01, -0.01], [0, 10])).toEqual([0]);
    expect(await counts([10.01, -0.01], [0, 4, 10])).toEqual([0, 0]);
    expect(await counts([10.01, -0.01], [0, 5, 10])).toEqual([0, 0]);
  });

  it('values inside the buckets', async () => {
    expect(await counts([1, 2, 3, 4], [0, 10])).toEqual([4]);
    expect(await counts([1, 2, 3, 4], [0, 4, 10])).toEqual([3, 1]);
    expect(await counts([1, 2, 3, 4], [1, 4])).toEqual([4]);
    expect(await counts([1, 2, 3, 5, 6], [0, 5, 10])).toEqual([3, 2]);
    expect(await counts([1, 2, 3, 5, 6], [0, 5, 11])).toEqual([3, 2]);
  });

  it('mixed ranges with uneven buckets', async () => {
    expect(await counts([-0.01, 0.0, 1, 2, 3, 5, 6, 11.0, 11.01], [0, 5, 11])).toEqual([4, 3]);
    const xs = [-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1];
    expect(await counts(xs, [0.0, 5.0, 11.0, 12.0, 200.0])).toEqual([4, 2, 1, 3]);
  });

  it('null and NaN elements are ignored', async () => {
    expect(await counts(withMissing([1, 2, 3, 5, 6, null, NaN]), [0, 5, 10])).toEqual([3, 2]);
    const xs = withMissing([-0.01, 0.0, 1, 2, 3, 5, 6, 11.01, 12.0, 199.0, 200.0, 200.1, null, NaN]);
    expect(await counts(xs, [0.0, 5.0, 11.0, 12.0, 200.0])).toEqual([4, 2, 1, 3]);
  });

  it('infinite bucket bounds', async () => {
    expect(await counts([10.01, -0.01, NaN, Infinity], [-Infinity, 0, Infinity])).toEqual([1, 2]);
  });

  it('rejects invalid buckets', async () => {
    const rdd = fc.parallelize([1, 2, 3]);
    await expect((async () => rdd.histogram([]))()).rejects.toThrow();
    await expect((async () => rdd.histogram([1]))()).rejects.toThrow();
    await expect((async () => rdd.histogram(0))()).rejects.toThrow();
    await expect((async () => rdd.histogram([3, 1, 2]))()).rejects.toThrow(/sorted/);
    await expect((async () => rdd.histogram([1, 1, 2]))()).rejects.toThrow(/duplicate/);
  });

  it('a bucket count generates evenly spaced buckets between min and max', async () => {
    expect(await fc.parallelize([1, 2, 3, 4]).histogram(1)).toEqual([[1, 4], [4]]);
    expect(await fc.parallelize([1]).histogram(1)).toEqual([[1, 1], [1]]);
    expect(await fc.parallelize([1, 1, 1, 1]).histogram(1)).toEqual([[1, 1], [4]]);
    expect(await fc.parallelize([1, 2, 3, 4]).histogram(2)).toEqual([[1, 2.5, 4], [2, 2]]);
  });

  it('no variation gives a single bucket whatever the count asked for', async () => {
    expect(await fc.parallelize([7, 7, 7], 2).histogram(4)).toEqual([[7, 7], [3]]);
  });

  it('more buckets than elements', async () => {
    const [buckets, hist] = await fc.parallelize([1, 2]).histogram(5);
    expect(buckets).toHaveLength(6);
    [1, 1.2, 1.4, 1.6, 1.8, 2.0].forEach((b, i) => expect(buckets[i]).toBeCloseTo(b, 12));
    expect(buckets[5]).toBe(2);
    expect(hist).toEqual([1, 0, 0, 0, 1]);
  });

  it('rejects generating buckets from an empty, infinite or all-NaN RDD', async () => {
    await expect(fc.parallelize([] as number[]).histogram(1)).rejects.toThrow(/empty/i);
    await expect(fc.parallelize([1, Infinity]).histogram(2)).rejects.toThrow(/infinite/i);
    await expect(fc.parallelize([NaN]).histogram(2)).rejects.toThrow(/empty/i);
  });

  it('strings with explicit buckets, one generated bucket, and no generated buckets for two', async () => {
    const rdd = fc.parallelize(['ab', 'ac', 'b', 'bd', 'ef'], 2);
    expect((await rdd.histogram(['a', 'b', 'c']))[1]).toEqual([2, 2]);
    expect(await rdd.histogram(1)).toEqual([['ab', 'ef'], [5]]);
    await expect((async () => rdd.histogram(2))()).rejects.toThrow();
  });

  it('agrees with a sequential count for generated buckets', async () => {
    const xs = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    const [buckets, hist] = await fc.parallelize(xs, 5).histogram(10);
    expect(buckets).toHaveLength(11);
    expect(buckets[0]).toBe(Math.min(...xs));
    expect(buckets[10]).toBe(Math.max(...xs));
    const expected = new Array(10).fill(0);
    for (const x of xs) {
      let b = buckets.findIndex((lo, i) => i < 10 && x >= lo && x < buckets[i + 1]);
      if (b === -1) b = 9; // the maximum falls in the closed last bucket
      expected[b]++;
    }
    expect(hist).toEqual(expected);
  });
});
