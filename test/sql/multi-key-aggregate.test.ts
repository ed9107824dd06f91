import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

/** Sum and count per (a, b, c) computed sequentially: the reference. */
function reference(rows: [number | null, string | null, boolean | null, number][]) {
  const groups = new Map<string, { a: number | null; b: string | null; c: boolean | null; total: number; n: number }>();
  for (const [a, b, c, v] of rows) {
    const key = JSON.stringify([a, b, c]);
    const g = groups.get(key) ?? { a, b, c, total: 0, n: 0 };
    g.total += v;
    g.n++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Sums in another order differ in the last bits. */
function closeOrNull(actual: unknown, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(actual as number).toBeCloseTo(expected, 6);
}

const sortKey = (r: Record<string, unknown>) => JSON.stringify([r.a, r.b, r.c]);

describe('hash aggregation by several key columns (local[2])', () => {
  let fc: FlintContext;
  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
  });

  it('groups by int, string and boolean keys with nulls across partitions as a sequential fold does', async () => {
    const rows = Array.from({ length: 5000 }, (_, i): [number | null, string | null, boolean | null, number] => [
      i % 7 === 0 ? null : i % 5,
      i % 11 === 0 ? null : ['x', 'y', 'null', ''][i % 4],
      i % 13 === 0 ? null : i % 2 === 0,
      i,
    ]);
    const df = fc.createDataFrame(rows, 'a INT, b STRING, c BOOLEAN, v INT').repartition(4);
    const actual = await df.groupBy('a', 'b', 'c').agg(F.sum('v').alias('total'), F.count('*').alias('n')).collect();
    const expected = reference(rows);
    expect(actual.length).toBe(expected.length);
    expect([...actual].sort((x, y) => sortKey(x).localeCompare(sortKey(y)))).toEqual(
      [...expected].sort((x, y) => sortKey(x).localeCompare(sortKey(y))),
    );
  });
  it('keeps each aggregate exact in typed slots: all-null and negative groups, NaN, mixed with a generic aggregate', async () => {
    const rows = Array.from({ length: 3000 }, (_, i): [number, number | null, number | null] => [
      i % 6,
      // group 0 sees only nulls; group 1 only negative values; group 2 a NaN among its values
      i % 6 === 0 ? null : i % 6 === 1 ? -1 - (i % 17) : i % 6 === 2 && i % 100 === 2 ? NaN : i % 17 === 0 ? null : (i % 41) - 20.5,
      i % 9 === 0 ? null : i,
    ]);
    const df = fc.createDataFrame(rows, 'g INT, x DOUBLE, n INT').repartition(3);
    const actual = await df
      .groupBy('g')
      .agg(F.sum('x').alias('s'), F.min('x').alias('lo'), F.max('x').alias('hi'), F.avg('x').alias('mean'), F.count('x').alias('c'), F.sum('n').alias('sn'), F.max('n').alias('hn'))
      .collect();
    const withList = await df.groupBy('g').agg(F.sum('x').alias('s'), F.collect_list('n').alias('ns')).collect();
    const expected = new Map<number, { xs: number[]; ns: number[] }>();
    for (const [g, x, n] of rows) {
      const e = expected.get(g) ?? { xs: [], ns: [] };
      if (x !== null) e.xs.push(x);
      if (n !== null) e.ns.push(n);
      expected.set(g, e);
    }
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    // Spark orders NaN above every number: max is NaN, min ignores it.
    const extreme = (v: number[], max: boolean) => (v.length === 0 ? null : v.some(Number.isNaN) && max ? NaN : (max ? Math.max : Math.min)(...v.filter((y) => !Number.isNaN(y))));
    expect(actual.length).toBe(6);
    for (const r of actual) {
      const { xs, ns } = expected.get(r.g as number)!;
      closeOrNull(r.s, xs.length === 0 ? null : sum(xs));
      expect(r.lo).toEqual(extreme(xs, false));
      expect(r.hi).toEqual(extreme(xs, true));
      closeOrNull(r.mean, xs.length === 0 ? null : sum(xs) / xs.length);
      expect(r.c).toBe(xs.length);
      expect(r.sn).toBe(sum(ns));
      expect(r.hn).toBe(Math.max(...ns));
    }
    for (const r of withList) {
      const { xs, ns } = expected.get(r.g as number)!;
      closeOrNull(r.s, xs.length === 0 ? null : sum(xs));
      expect([...(r.ns as number[])].sort((a, b) => a - b)).toEqual([...ns].sort((a, b) => a - b));
    }
  });

  it('aggregates an empty input to one row without groups and none with them', async () => {
    const empty = fc.createDataFrame([[1, 2.5]], 'g INT, x DOUBLE').where('g > 1');
    expect(await empty.agg(F.sum('x').alias('s'), F.count('*').alias('n'), F.min('x').alias('lo')).collect()).toEqual([{ s: null, n: 0, lo: null }]);
    expect(await empty.groupBy('g').agg(F.sum('x').alias('s')).collect()).toEqual([]);
  });
  it('groups by one struct or array key: equal values across partitions make one group', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [i % 4, i]);
    const df = fc.createDataFrame(rows, 'k INT, v INT').repartition(3);
    const expected = [0, 1, 2, 3].map((k) => rows.filter(([g]) => g === k).reduce((n, [, v]) => n + v!, 0));
    const byStruct = await df.groupBy(F.struct('k').alias('s')).agg(F.sum('v').alias('total')).orderBy('s').collect();
    expect(byStruct).toEqual(expected.map((total, k) => ({ s: { k }, total })));
    const byArray = await df.groupBy(F.array('k').alias('a')).agg(F.sum('v').alias('total')).orderBy('a').collect();
    expect(byArray).toEqual(expected.map((total, k) => ({ a: [k], total })));
  });
  it('groups doubles as Spark does across partitions: NaN one group apart from null, -0.0 with 0.0; unicode text keys', async () => {
    const doubles = [Number.NaN, null, -0, 0, 1.5, Number.NaN, -0];
    const texts = ['é', 'e\u0301', '😀', null, '"', '[1]'];
    const rows = Array.from({ length: 4200 }, (_, i): [number | null, string | null, number] => [doubles[i % 7], texts[i % 6], i]);
    const df = fc.createDataFrame(rows, 'd DOUBLE, s STRING, v INT').repartition(4);
    fc.conf.set('spark.sql.shuffle.partitions', 3);
    const actual = await df.groupBy('d', 's').agg(F.count('*').alias('n'), F.sum('v').alias('total')).collect();
    fc.conf.unset('spark.sql.shuffle.partitions');
    // The reference folds sequentially with Spark's grouping of doubles (NaN equal to NaN, -0.0 to 0.0).
    const name = (d: number | null) => (d === null ? 'null' : Number.isNaN(d) ? 'NaN' : String(d === 0 ? 0 : d));
    const expected = new Map<string, { n: number; total: number }>();
    for (const [d, t, v] of rows) {
      const key = JSON.stringify([name(d), t]);
      const e = expected.get(key) ?? { n: 0, total: 0 };
      e.n++;
      e.total += v;
      expected.set(key, e);
    }
    const got = new Map(actual.map((r) => [JSON.stringify([name(r.d as number | null), r.s]), { n: r.n, total: r.total }]));
    expect(actual.length).toBe(expected.size);
    expect(got).toEqual(expected);
  });

  it('shuffles a few-valued text key as one-byte codes and integer columns as 4-byte ones', async () => {
    const regions = ['CENTRAL', 'WEST', 'EAST', 'NORTH', 'SOUTH'];
    const rows = Array.from({ length: 20_000 }, (_, i): [string, number, number] => [regions[i % 5], i % 4000, i % 7]);
    const df = fc.createDataFrame(rows, 's STRING, k INT, v INT').repartition(1);
    const actual = await df.groupBy('s', 'k').agg(F.sum('v').alias('total'), F.count('*').alias('n')).collect();
    expect(actual.length).toBe(4000);
    const api = `${fc.uiWebUrl}/api/v1/applications/${fc.applicationId}`;
    const stages = (await (await fetch(`${api}/stages`)).json()) as { stageId: number; kind: string; shuffleWriteBytes: number }[];
    // The query's one shuffle is the latest map stage.
    const written = stages.filter((s) => s.kind === 'shuffleMap').sort((a, b) => b.stageId - a.stageId)[0].shuffleWriteBytes;
    // Per group: a code (1 byte), k, the sum and n as int32s (4 + 4 + 4): 13 bytes and the batches' framing.
    // As a text and three doubles it was 30.
    expect(written / 4000).toBeLessThan(16);
  });

  it('groups by decimal, date and timestamp keys across partitions as a sequential fold does', async () => {
    const rows = Array.from({ length: 3000 }, (_, i): [string, string | null, string, number] => [
      ['1.10', '2.25', '-0.50'][i % 3],
      i % 10 === 0 ? null : `2024-0${1 + (i % 4)}-15`,
      `2024-03-0${1 + (i % 2)} 10:00:00`,
      i,
    ]);
    const df = fc
      .createDataFrame(rows, 'p STRING, d STRING, t STRING, v INT')
      .select(F.col('p').cast('decimal(5,2)').alias('p'), F.col('d').cast('date').alias('d'), F.col('t').cast('timestamp').alias('t'), 'v')
      .repartition(3);
    const actual = await df.groupBy('p', 'd', 't').agg(F.sum('v').alias('total')).selectExpr('CAST(p AS STRING) AS p', 'CAST(d AS STRING) AS d', 'CAST(t AS STRING) AS t', 'total').collect();
    const expected = new Map<string, number>();
    for (const [p, d, t, v] of rows) {
      const key = JSON.stringify([p, d, t]);
      expected.set(key, (expected.get(key) ?? 0) + v);
    }
    expect(new Map(actual.map((r) => [JSON.stringify([r.p, r.d, r.t]), r.total]))).toEqual(expected);
  });
});

describe('hash aggregation by several key columns past the task memory (local[2], spilling)', () => {
  it('merges the groups spilled under their key values: NaN, null and text keys stay apart', async () => {
    const fc = await FlintContext.create({ master: 'local[2]', appName: 'multi-key-spill', executorMemory: 1024 * 1024 });
    try {
      fc.conf.set('spark.sql.shuffle.partitions', 2);
      const rows = Array.from({ length: 60_000 }, (_, i): [number | null, string, number] => [i % 5 === 0 ? Number.NaN : i % 5 === 1 ? null : i % 3, `k${i % 9_999}`, i % 100]);
      const df = fc.createDataFrame(rows, 'd DOUBLE, s STRING, v INT').repartition(4);
      const actual = await df.groupBy('d', 's').agg(F.sum('v').alias('total'), F.count('*').alias('n')).collect();
      const name = (d: number | null) => (d === null ? 'null' : Number.isNaN(d) ? 'NaN' : String(d));
      const expected = new Map<string, [number, number]>();
      for (const [d, s, v] of rows) {
        const key = `${name(d)}|${s}`;
        const [total, n] = expected.get(key) ?? [0, 0];
        expected.set(key, [total + v, n + 1]);
      }
      expect(new Map(actual.map((r) => [`${name(r.d as number | null)}|${r.s}`, [r.total, r.n]]))).toEqual(expected);
      expect(fc.jobHistory.reduce((sum, job) => sum + job.taskTime.diskBytesSpilled, 0)).toBeGreaterThan(0);
    } finally {
      await fc.stop();
    }
  });
});
