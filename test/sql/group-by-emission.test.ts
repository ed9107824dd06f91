/**
 * How a partial aggregation's groups leave its task (physical/group-batches.ts): typed buffer
 * values are written into Float64Arrays (narrowed to Int32Arrays when all int32), and a reduce
 * partition whose groups have a null there (a sum, min or max of no value) sends those columns as
 * arrays. Groups all-null in some reduce partitions and not in others, NaN, a group of one
 * fractional value beside integer ones: each answer is a sequential fold's, with Spark's rules (a
 * sum of no value is null, NaN is above every number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

type Row = [k: number, v: number | null];

/** Row i's key and value: keys 3 and 93 are all null (so most reduce partitions have no null), key 7 all 0.25, key 11 has a NaN, the rest integers or halves. */
function rowAt(i: number, keys = 120): Row {
  const k = i % keys;
  if (k === 3 || k === 93) return [k, null];
  if (k === 7) return [k, 0.25];
  if (k === 11 && i % 240 === 11) return [k, NaN];
  return [k, k % 4 === 0 ? (i % 9) / 2 : i % 9];
}

interface Totals {
  sum: number | null;
  n: number;
  min: number | null;
  max: number | null;
  avg: number | null;
}

function fold(rows: readonly Row[]): Map<number, Totals> {
  const acc = new Map<number, { sum: number; seen: number; n: number; min: number; max: number }>();
  for (const [k, v] of rows) {
    const a = acc.get(k) ?? { sum: 0, seen: 0, n: 0, min: Infinity, max: -Infinity };
    acc.set(k, a);
    a.n++;
    if (v === null) continue;
    a.sum += v;
    a.seen++;
    // Spark orders NaN above every number.
    if (Number.isNaN(v) || Number.isNaN(a.max)) a.max = NaN;
    else if (v > a.max || Object.is(a.max, -Infinity)) a.max = v;
    if (!Number.isNaN(v) && (v < a.min || Object.is(a.min, Infinity))) a.min = v;
  }
  return new Map(
    [...acc].map(([k, a]) => [
      k,
      { sum: a.seen === 0 ? null : a.sum, n: a.n, min: a.seen === 0 ? null : a.min, max: a.seen === 0 ? null : a.max, avg: a.seen === 0 ? null : a.sum / a.seen },
    ]),
  );
}

describe('a partial aggregation emitting its groups as typed columns (local[2])', () => {
  let fc: FlintContext;
  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
  });

  // 200 partitions and 4,000 keys: every reduce partition gets groups from each map task.
  it.each([
    [1, 120],
    [3, 120],
    [7, 120],
    [200, 4000],
  ])('gives a sequential fold’s sums, counts, minima, maxima and averages with %i shuffle partitions (%i keys)', async (partitions, keys) => {
    fc.conf.set('spark.sql.shuffle.partitions', partitions);
    const rows = Array.from({ length: 6000 }, (_, i) => rowAt(i, keys));
    const df = fc.createDataFrame(rows, 'k INT, v DOUBLE').repartition(3);
    const actual = await df.groupBy('k').agg(F.sum('v').alias('sum'), F.count('*').alias('n'), F.min('v').alias('min'), F.max('v').alias('max'), F.avg('v').alias('avg')).collect();
    const byKey = new Map(actual.map((r) => [r.k as number, { sum: r.sum, n: r.n, min: r.min, max: r.max, avg: r.avg }]));
    expect(byKey).toEqual(fold(rows));
    expect(byKey.get(93)?.sum).toBeNull();
  });
});
