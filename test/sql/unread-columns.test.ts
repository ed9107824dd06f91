/**
 * A scan reads only the columns its query reads, and hands the others over without values
 * (io/column-batch.ts UNREAD_COLUMN): the generated loop binds them to null and nothing above the
 * scan can name them. Over a wide Parquet file and the same rows as CSV, a query reading one of ten
 * columns (or two) gives the right rows through every consumer of a scan's batches: collect, an
 * aggregate, a cache reused, a repartition, df.rdd, toArrow, limit, a sort, a broadcast join's
 * build side, a union with a full scan of the same file. The reference is the rows themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, functions as F, type DataFrame } from '@flint/driver';

const SCHEMA = 'c0 INT, c1 STRING, c2 DOUBLE, c3 INT, c4 STRING, c5 BIGINT, c6 STRING, c7 DOUBLE, c8 BOOLEAN, c9 STRING';
const rows = Array.from({ length: 300 }, (_, i) => ({
  c0: i, c1: `one${i % 7}`, c2: i / 4, c3: i % 5 === 0 ? null : i % 11, c4: ['n', 's', 'e', 'w'][i % 4]!, c5: i * 1000,
  c6: i % 9 === 0 ? null : `six${i % 13}`, c7: i * 1.5, c8: i % 2 === 0, c9: `nine${i}`,
}));
type Row = (typeof rows)[number];

let fc: FlintContext;
let dir: string;
const files: Record<'parquet' | 'csv', () => DataFrame> = {
  parquet: () => fc.read.parquet(join(dir, 'wide-parquet')),
  csv: () => fc.read.schema(SCHEMA).option('header', true).csv(join(dir, 'wide-csv')),
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flint-unread-columns-'));
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.conf.set('spark.sql.shuffle.partitions', '3');
  const df = fc.createDataFrame(rows, SCHEMA).repartition(3);
  await df.write.parquet(join(dir, 'wide-parquet'));
  await df.write.option('header', true).csv(join(dir, 'wide-csv'));
});
afterAll(async () => {
  await fc?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sorted = <T>(values: T[]): T[] => [...values].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const only = (columns: (keyof Row)[], from: Row[] = rows) => from.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));

describe.each(['parquet', 'csv'] as const)('a %s scan reading 1 of 10 columns', (format) => {
  it('collect, filter on another column, aggregate, sort, limit', async () => {
    const wide = files[format]();
    expect(sorted(await wide.select('c6').collect())).toEqual(sorted(only(['c6'])));
    expect(sorted(await wide.where(col('c3').gt(4)).select('c6').collect())).toEqual(sorted(only(['c6'], rows.filter((r) => r.c3 !== null && r.c3 > 4))));
    const counts = new Map<string | null, number>();
    for (const r of rows) counts.set(r.c6, (counts.get(r.c6) ?? 0) + 1);
    expect(sorted(await wide.groupBy('c6').count().collect())).toEqual(sorted([...counts].map(([c6, count]) => ({ c6, count }))));
    expect((await wide.select('c9').orderBy('c9').collect()).map((r) => r.c9)).toEqual(rows.map((r) => r.c9).sort());
    const limited = await wide.select('c9').limit(7).collect();
    expect(limited).toHaveLength(7);
    for (const r of limited) expect(rows.some((row) => row.c9 === r.c9)).toBe(true);
  });

  it('a cache reused, a repartition, df.rdd and toArrow', async () => {
    const wide = files[format]();
    const cached = wide.select('c7').cache();
    expect(await cached.count()).toBe(rows.length);
    expect(sorted(await cached.collect())).toEqual(sorted(only(['c7'])));
    expect((await cached.agg(F.sum('c7').alias('s')).collect())[0]!.s).toBe(rows.reduce((s, r) => s + r.c7, 0));
    expect(sorted(await wide.select('c4').repartition(4).collect())).toEqual(sorted(only(['c4'])));
    const fromRdd = await wide.select('c1').rdd.collect();
    expect(sorted(fromRdd.map((r) => ({ c1: (r as { c1: unknown }).c1 })))).toEqual(sorted(only(['c1'])));
    const table = await wide.select('c5').toArrow();
    expect(table.numCols).toBe(1);
    expect(sorted(Array.from(table.getChild('c5')!.toArray() as ArrayLike<unknown>, Number))).toEqual(sorted(rows.map((r) => r.c5)));
  });

  it('a broadcast join of two reads of two columns, and a union with a full scan of the same file', async () => {
    const wide = files[format]();
    const joined = wide.select('c0', 'c6').join(wide.select(col('c0').alias('k'), 'c9'), col('c0').equalTo(col('k'))).select('c6', 'c9');
    expect(sorted(await joined.collect())).toEqual(sorted(only(['c6', 'c9'])));
    const whole = wide.select(F.concat_ws('|', ...SCHEMA.split(', ').map((f) => col(f.split(' ')[0]!))).alias('c9'));
    const union = wide.select('c9').union(whole);
    // Spark's cast of a double to a string keeps a fractional part (3.0); concat_ws skips nulls.
    const text = (v: unknown, c: string) => (c === 'c2' || c === 'c7') && Number.isInteger(v) ? (v as number).toFixed(1) : String(v);
    const asText = (r: Row) => Object.entries(r).filter(([, v]) => v !== null).map(([c, v]) => text(v, c)).join('|');
    const expected = [...rows.map((r) => ({ c9: r.c9 })), ...rows.map((r) => ({ c9: asText(r) }))];
    expect(sorted(await union.collect())).toEqual(sorted(expected));
  });
});
