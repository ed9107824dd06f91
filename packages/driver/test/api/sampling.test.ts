// PySpark doctest semantics for sample, randomSplit and takeSample. The random generator is not
// Python's, so these assert Spark-level properties (determinism for a seed, subsets, sizes within
// wide statistical bounds, disjoint splits) rather than PySpark's exact sampled values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-sampling' });
});

afterAll(async () => {
  await fc.stop();
});

const numeric = (a: number, b: number) => a - b;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('sample', () => {
  it('without replacement gives a subset of about fraction * n (doctest, wider bounds)', async () => {
    // PySpark: 6 <= sc.parallelize(range(100), 4).sample(False, 0.1, 81).count() <= 14 (Python's RNG);
    // here over 10000 elements the bounds are about 6.5 standard deviations wide.
    const out = await fc.parallelize(range(10000), 4).sample(false, 0.1, 81).collect();
    expect(out.length).toBeGreaterThan(800);
    expect(out.length).toBeLessThan(1200);
    expect(new Set(out).size).toBe(out.length);
    for (const x of out) expect(x >= 0 && x < 10000 && Number.isInteger(x)).toBe(true);
    expect(out).toEqual([...out].sort(numeric)); // sampling keeps the partition order
  });

  it('is deterministic for a seed, and differs between seeds', async () => {
    const rdd = fc.parallelize(range(2000), 4);
    const a = await rdd.sample(false, 0.3, 7).collect();
    const b = await rdd.sample(false, 0.3, 7).collect();
    const c = await rdd.sample(false, 0.3, 8).collect();
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('fraction 0 is empty and fraction 1 without replacement is everything', async () => {
    const rdd = fc.parallelize(range(100), 3);
    expect(await rdd.sample(false, 0, 1).collect()).toEqual([]);
    expect(await rdd.sample(false, 1, 1).collect()).toEqual(range(100));
  });

  it('with replacement can repeat elements and averages fraction copies per element', async () => {
    const out = await fc.parallelize(range(1000), 4).sample(true, 2, 42).collect();
    expect(out.length).toBeGreaterThan(1700);
    expect(out.length).toBeLessThan(2300);
    expect(new Set(out).size).toBeLessThan(out.length);
    for (const x of out) expect(x >= 0 && x < 1000).toBe(true);
  });

  it('with replacement is deterministic for a seed', async () => {
    const rdd = fc.parallelize(range(500), 3);
    expect(await rdd.sample(true, 0.5, 3).collect()).toEqual(await rdd.sample(true, 0.5, 3).collect());
  });

  it('keeps the partition count', () => {
    expect(fc.parallelize(range(10), 3).sample(false, 0.5, 1).getNumPartitions()).toBe(3);
  });
});

describe('randomSplit', () => {
  it('splits 500 elements [2, 3] into about 200 and 300 (doctest)', async () => {
    const rdd = fc.parallelize(range(500), 1);
    const [rdd1, rdd2] = rdd.randomSplit([2, 3], 17);
    const c1 = await rdd1.collect();
    const c2 = await rdd2.collect();
    expect(c1.length + c2.length).toBe(500);
    expect(await rdd1.count()).toBeGreaterThan(150);
    expect(await rdd1.count()).toBeLessThan(250);
    expect(await rdd2.count()).toBeGreaterThan(250);
    expect(await rdd2.count()).toBeLessThan(350);
  });

  it('partitions the data: the splits are disjoint and their union is everything', async () => {
    const rdd = fc.parallelize(range(3000), 5);
    const splits = rdd.randomSplit([0.5, 0.25, 0.25], 99);
    expect(splits).toHaveLength(3);
    const parts = await Promise.all(splits.map((s) => s.collect()));
    const all = parts.flat().sort(numeric);
    expect(all).toEqual(range(3000));
    expect(parts[0].length).toBeGreaterThan(1300);
    expect(parts[0].length).toBeLessThan(1700);
    for (const p of parts.slice(1)) {
      expect(p.length).toBeGreaterThan(600);
      expect(p.length).toBeLessThan(900);
    }
  });

  it('normalizes weights and is deterministic for a seed', async () => {
    const rdd = fc.parallelize(range(400), 2);
    const a = await Promise.all(rdd.randomSplit([1, 1], 5).map((s) => s.collect()));
    const b = await Promise.all(rdd.randomSplit([0.5, 0.5], 5).map((s) => s.collect()));
    expect(a).toEqual(b);
    expect(a[0].length + a[1].length).toBe(400);
  });

  it('without a seed still gives disjoint splits that cover the data', async () => {
    const rdd = fc.parallelize(range(300), 3);
    const parts = await Promise.all(rdd.randomSplit([1, 2]).map((s) => s.collect()));
    expect(parts.flat().sort(numeric)).toEqual(range(300));
  });
});

describe('takeSample', () => {
  const rdd = () => fc.parallelize(range(10));

  it('returns exactly num elements with replacement, even more than the count (doctest)', async () => {
    const out = await rdd().takeSample(true, 20, 1);
    expect(out).toHaveLength(20);
    for (const x of out) expect(x >= 0 && x < 10).toBe(true);
  });

  it('returns num distinct elements without replacement (doctest)', async () => {
    const out = await rdd().takeSample(false, 5, 2);
    expect(out).toHaveLength(5);
    expect(new Set(out).size).toBe(5);
    for (const x of out) expect(x >= 0 && x < 10).toBe(true);
  });

  it('returns every element once when num exceeds the count without replacement (doctest)', async () => {
    const out = await rdd().takeSample(false, 15, 3);
    expect(out).toHaveLength(10);
    expect([...out].sort(numeric)).toEqual(range(10));
  });

  it('works without a seed (test_rdd.py, SPARK-3995)', async () => {
    const subset = await fc.parallelize(range(1000), 1).takeSample(false, 10);
    expect(subset).toHaveLength(10);
    expect(new Set(subset).size).toBe(10);
  });

  it('is deterministic for a seed', async () => {
    const big = fc.parallelize(range(1000), 4);
    expect(await big.takeSample(false, 50, 11)).toEqual(await big.takeSample(false, 50, 11));
    expect(await big.takeSample(true, 50, 11)).toEqual(await big.takeSample(true, 50, 11));
  });

  it('returns [] for num 0 or an empty RDD, and rejects a negative num', async () => {
    expect(await rdd().takeSample(false, 0, 1)).toEqual([]);
    expect(await fc.parallelize([] as number[]).takeSample(false, 3, 1)).toEqual([]);
    await expect((async () => rdd().takeSample(false, -1, 1))()).rejects.toThrow(/negative/i);
  });
});
