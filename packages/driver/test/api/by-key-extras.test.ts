// PySpark's doctests for sampleByKey, intersectByKey, reduceByKeyLocally and the partitionFunc
// argument of the by-key shuffles, plus Spark's sampleByKeyExact (exact per-key sample sizes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-by-key-extras' });
});

afterAll(async () => {
  await fc.stop();
});

const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function keysTimesThousand(fractions: Map<string, number>) {
  return fc.parallelize([...fractions.keys()]).cartesian(fc.parallelize(range(1000)));
}

describe('sampleByKey', () => {
  it('samples each key at its own rate (doctest)', async () => {
    const fractions = new Map([['a', 0.2], ['b', 0.1]]);
    const sample = new Map(await keysTimesThousand(fractions).sampleByKey(false, fractions, 2).groupByKey().collect());
    const a = sample.get('a')!;
    const b = sample.get('b')!;
    expect(a.length > 100 && a.length < 300 && b.length > 50 && b.length < 150).toBe(true);
    expect(Math.max(...a) <= 999 && Math.min(...a) >= 0).toBe(true);
    expect(Math.max(...b) <= 999 && Math.min(...b) >= 0).toBe(true);
  });

  it('is reproducible with a seed, and samples with replacement around the rate', async () => {
    const fractions = new Map([['a', 0.5], ['b', 2]]);
    const rdd = keysTimesThousand(fractions);
    expect(await rdd.sampleByKey(true, fractions, 7).collect()).toEqual(await rdd.sampleByKey(true, fractions, 7).collect());
    const counts = await rdd.sampleByKey(true, fractions, 7).countByKey();
    expect(counts.get('a')).toBeGreaterThan(400);
    expect(counts.get('a')).toBeLessThan(600);
    expect(counts.get('b')).toBeGreaterThan(1800);
    expect(counts.get('b')).toBeLessThan(2200);
  });

  it('rejects a negative rate, and a key without a rate when it runs', async () => {
    const rdd = fc.parallelize([['a', 1], ['c', 2]] as [string, number][]);
    expect(() => rdd.sampleByKey(false, new Map([['a', -0.1]]))).toThrow('Negative fraction value: -0.1');
    await expect(rdd.sampleByKey(false, new Map([['a', 0.5]]), 1).collect()).rejects.toThrow('no sampling fraction for key "c"');
  });
});

describe('sampleByKeyExact', () => {
  it('takes exactly ceil(count * fraction) per key, without and with replacement', async () => {
    const fractions = new Map([['a', 0.2], ['b', 0.1234]]);
    const rdd = keysTimesThousand(fractions).repartition(3);
    const exact = await rdd.sampleByKeyExact(false, fractions, 11).collect();
    const counts = await fc.parallelize(exact).countByKey();
    expect(counts.get('a')).toBe(200);
    expect(counts.get('b')).toBe(124);
    // Without replacement, no value repeats within a key.
    expect(new Set(exact.filter(([k]) => k === 'a').map(([, v]) => v)).size).toBe(200);
    const withReplacement = await fc.parallelize(await rdd.sampleByKeyExact(true, new Map([['a', 1.5], ['b', 0.5]]), 3).collect()).countByKey();
    expect(withReplacement.get('a')).toBe(1500);
    expect(withReplacement.get('b')).toBe(500);
  });

  it('rejects fractions above 1 without replacement', () => {
    expect(() => fc.parallelize([['a', 1]] as [string, number][]).sampleByKeyExact(false, new Map([['a', 1.5]]))).toThrow('fractions must be in [0, 1]');
  });
});

describe('intersectByKey', () => {
  it('keeps the pairs whose key is in the other RDD (doctest)', async () => {
    const rdd1 = fc.parallelize([['a', 1], ['b', 4], ['b', 5], ['a', 2]] as [string, number][]);
    const rdd2 = fc.parallelize([['a', 3], ['c', null]] as [string, number | null][]);
    expect(sorted(await rdd1.intersectByKey(rdd2).collect())).toEqual([['a', 1], ['a', 2]]);
  });
});

describe('reduceByKeyLocally', () => {
  it('returns a Map of the reduced values (doctest)', async () => {
    const rdd = fc.parallelize([['a', 1], ['b', 1], ['a', 1]] as [string, number][]);
    const result = await rdd.reduceByKeyLocally((a, b) => a + b);
    expect(result).toBeInstanceOf(Map);
    expect(sorted([...result.entries()])).toEqual([['a', 2], ['b', 1]]);
  });

  it('compares keys by value and merges partitions in order', async () => {
    const rdd = fc.parallelize([[[1, 'x'], 'p'], [[1, 'x'], 'q'], [[2, 'y'], 'r'], [[1, 'x'], 's']] as [[number, string], string][], 3);
    const result = await rdd.reduceByKeyLocally((a, b) => a + b);
    expect([...result.entries()]).toEqual([[[1, 'x'], 'pqs'], [[2, 'y'], 'r']]);
  });

  it('is an empty Map on an empty RDD', async () => {
    expect((await fc.emptyRDD<[string, number]>().reduceByKeyLocally((a, b) => a + b)).size).toBe(0);
  });
});

describe('partitionFunc', () => {
  it('places keys by the user function in reduceByKey, groupByKey, combineByKey, aggregateByKey, foldByKey and groupBy', async () => {
    const pairs = fc.parallelize([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]] as [number, number][], 2);
    const byParity = (k: number) => (k % 2 === 0 ? 0 : 1);
    const glommed = async (rdd: { glom(): { collect(): Promise<unknown[][]> } }) => (await rdd.glom().collect()).map((p) => sorted(p));
    expect(await glommed(pairs.reduceByKey((a, b) => a + b, 2, byParity))).toEqual([[[2, 2], [4, 4]], [[1, 1], [3, 3], [5, 5]]]);
    expect(await glommed(pairs.groupByKey(2, byParity))).toEqual([[[2, [2]], [4, [4]]], [[1, [1]], [3, [3]], [5, [5]]]]);
    expect(await glommed(pairs.combineByKey((v) => v, (c, v) => c + v, (a, b) => a + b, 2, byParity))).toEqual([[[2, 2], [4, 4]], [[1, 1], [3, 3], [5, 5]]]);
    expect(await glommed(pairs.aggregateByKey(0, (a, v) => a + v, (a, b) => a + b, 2, byParity))).toEqual([[[2, 2], [4, 4]], [[1, 1], [3, 3], [5, 5]]]);
    expect(await glommed(pairs.foldByKey(0, (a, b) => a + b, 2, byParity))).toEqual([[[2, 2], [4, 4]], [[1, 1], [3, 3], [5, 5]]]);
    expect(await glommed(fc.parallelize([1, 2, 3, 4]).groupBy((x) => x, 2, (k: number) => (k <= 2 ? 0 : 1)))).toEqual([[[1, [1]], [2, [2]]], [[3, [3]], [4, [4]]]]);
  });
});
