// Aggregates over DISTINCT rows (sum, avg, stddev, collect_list, min, ... with DISTINCT) against
// DuckDB over the same rows: before, DISTINCT was dropped for every aggregate but count, so
// sum(DISTINCT x) summed the repeats too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let db: DuckDbReference;

/** Rows with repeats and nulls: k in 0..3, x in 0..9 (every seventh null), spread over three partitions. */
const rows = Array.from({ length: 300 }, (_, i) => [i % 4, i % 7 === 0 ? null : (i * 37) % 10] as const);

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'distinct-aggregates' });
  fc.createDataFrame(rows.map(([k, x]) => [k, x]), 'k INT, x INT').repartition(3).createOrReplaceTempView('t');
  db = await DuckDbReference.open(1);
  await db.createTable('t', 'k INTEGER, x INTEGER', rows.map(([k, x]) => [k, x]));
});

afterAll(async () => {
  db.close();
  await fc.stop();
});

describe('aggregates over DISTINCT rows', () => {
  it('agree with DuckDB, grouped and not', async () => {
    const select = (sorted: string) =>
      `SELECT k, sum(DISTINCT x) AS s, avg(DISTINCT x) AS a, round(stddev(DISTINCT x), 9) AS sd, min(DISTINCT x) AS lo, count(DISTINCT x) AS n, ${sorted} AS l FROM t GROUP BY k ORDER BY k`;
    const ours = await fc.sql(select('array_sort(collect_list(DISTINCT x))')).collect();
    // DuckDB's list keeps nulls, Spark's collect_list does not.
    expect(ours).toEqual(await db.query(select('list_sort(list(DISTINCT x) FILTER (WHERE x IS NOT NULL))')));
    expect(ours.every((r) => (r.l as number[]).length === r.n)).toBe(true);
    expect(await fc.sql('SELECT sum(DISTINCT x) AS s, avg(DISTINCT k) AS a FROM t').collect()).toEqual(await db.query('SELECT sum(DISTINCT x) AS s, avg(DISTINCT k) AS a FROM t'));
  });

  it('are named f(DISTINCT x), as Spark names them', () => {
    expect(fc.sql('SELECT avg(DISTINCT x), collect_list(DISTINCT x), sum(DISTINCT x) FROM t').columns).toEqual(['avg(DISTINCT x)', 'collect_list(DISTINCT x)', 'sum(DISTINCT x)']);
  });
});
