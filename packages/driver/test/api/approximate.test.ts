// PySpark's doctests for the approximate actions: countApprox, sumApprox, meanApprox (final
// values, as PySpark returns them) and countApproxDistinct (HyperLogLog), plus toLocalIterator's
// prefetchPartitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-approximate' });
});

afterAll(async () => {
  await fc.stop();
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('countApprox, sumApprox, meanApprox', () => {
  it('countApprox(1000, 1.0) is 1000 (doctest)', async () => {
    expect(await fc.parallelize(range(1000), 10).countApprox(1000, 1.0)).toBe(1000);
  });

  it('sumApprox and meanApprox are within 5% (doctests), as final BoundedFloats', async () => {
    const rdd = fc.parallelize(range(1000), 10);
    const r = range(1000).reduce((a, b) => a + b, 0);
    const sum = await rdd.sumApprox(1000);
    expect(Math.abs(+sum - r) / r < 0.05).toBe(true);
    expect(sum).toMatchObject({ mean: r, confidence: 1, low: r, high: r });
    const mean = await rdd.meanApprox(1000);
    expect(Math.abs(+mean - r / 1000) / (r / 1000) < 0.05).toBe(true);
  });

  it('rejects a negative timeout', async () => {
    await expect(fc.range(3).countApprox(-1)).rejects.toThrow('timeout must be a non-negative number');
  });
});

describe('countApproxDistinct', () => {
  it('estimates within the doctests bounds', async () => {
    const n = await fc.parallelize(range(1000)).map(String).countApproxDistinct();
    expect(n > 900 && n < 1100).toBe(true);
    const m = await fc.parallelize(range(1000).map((i) => i % 20)).countApproxDistinct();
    expect(m > 16 && m < 24).toBe(true);
  });

  it('compares values by value, and is accurate at larger counts', async () => {
    expect(await fc.parallelize([[1, 'a'], [1, 'a'], [2, 'b']]).countApproxDistinct()).toBe(2);
    const big = await fc.range(0, 100_000, 1, 4).countApproxDistinct(0.01);
    expect(Math.abs(big - 100_000) / 100_000).toBeLessThan(0.04);
  });

  it('rejects a relativeSD below 0.000017 (PySpark message)', async () => {
    await expect(fc.range(3).countApproxDistinct(0.00001)).rejects.toThrow('relativeSD should be greater than 0.000017');
  });
});

describe('toLocalIterator(prefetchPartitions)', () => {
  it('yields every element in order with and without prefetching (doctest)', async () => {
    for (const prefetch of [false, true]) {
      const seen: number[] = [];
      for await (const x of fc.parallelize(range(10), 3).toLocalIterator(prefetch)) seen.push(x);
      expect(seen).toEqual(range(10));
    }
  });
});
