// PySpark behaviours the engine does not have yet. Each test names the group file it belongs in;
// move it there once it passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, capture, type RDD } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-pending' });
});

afterAll(async () => {
  await fc.stop();
});

/** PySpark's histogram also takes strings; Flint types histogram for numbers, hence the casts. */
function stringHistogram(rdd: RDD<string>, buckets: number | string[]): Promise<[unknown[], number[]]> {
  return (rdd as unknown as RDD<number>).histogram(buckets as number | number[]);
}

describe('capture in driver-side merges (shared.test.ts)', () => {
  it('reduce, fold and aggregate pass the captured env to the merge of partition results', async () => {
    const nums = fc.parallelize([1, 2, 3, 4], 2);
    const cap = 5;
    // saturating addition is associative and commutative for non-negative values
    expect(await nums.reduce(capture({ cap }, (x, y, { cap }) => Math.min(cap, x + y)))).toBe(5);
    expect(await nums.fold(0, capture({ cap }, (x, y, { cap }) => Math.min(cap, x + y)))).toBe(5);
    expect(await nums.aggregate(0, (a, x) => a + x, capture({ cap }, (a, b, { cap }) => Math.min(cap, a + b)))).toBe(5);
  });
});

describe('histogram (stats.test.ts)', () => {
  it('string buckets (rdd.py doctest)', async () => {
    const rdd = fc.parallelize(['ab', 'ac', 'b', 'bd', 'ef']);
    expect(await stringHistogram(rdd, ['a', 'b', 'c'])).toEqual([['a', 'b', 'c'], [2, 2]]);
  });

  it('strings: one generated bucket, and no generated buckets for two (test_rdd.py)', async () => {
    const rdd = fc.parallelize(['ab', 'ac', 'b', 'bd', 'ef'], 2);
    expect(await stringHistogram(rdd, 1)).toEqual([['ab', 'ef'], [5]]);
    await expect((async () => stringHistogram(rdd, 2))()).rejects.toThrow();
  });

  it('rejects generating buckets when the RDD holds an infinity (test_rdd.py)', async () => {
    await expect(fc.parallelize([1, Infinity]).histogram(2)).rejects.toThrow(/infinite/i);
  });
});

describe('pipe (io.test.ts)', () => {
  it('a command that prints nothing gives nothing, even when it exits non-zero (test_pipe_functions)', async () => {
    expect(await fc.parallelize(['1', '2', '3']).pipe('grep 4').collect()).toEqual([]);
  });
});
