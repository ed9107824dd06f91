// Aggregates over DISTINCT rows (sum, avg, stddev, collect_list, min, ... with DISTINCT) against
// DuckDB over the same rows: before, DISTINCT was dropped for every aggregate but count, so
// sum(DISTINCT x) summed the repeats too. And Spark 4's listagg / string_agg: the SQL reference's
// examples, PySpark's F.listagg names, and WITHIN GROUP ordering against DuckDB's string_agg.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
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

describe('DISTINCT over NaN, Infinity, -Infinity, NULL, -0.0 and 0.0', () => {
  // Each group's values, repeated with their nulls last and first (JSON keyed NaN and ±Infinity as null before).
  const groups: (number | null)[][] = [[NaN, null], [Infinity, null, 1], [Infinity, -Infinity, NaN, 1.5, 1.5], [-0, 0, 2], [-Infinity, null], [null, NaN, -Infinity]];
  // DuckDB reads these doubles from text.
  const special = (x: number | null) => (Object.is(x, -0) ? '-0.0' : x === null || Number.isFinite(x) ? x : String(x));
  const valued = groups.flatMap((xs, k) => [...xs, ...[...xs].reverse()].map((x) => [k, x] as const));

  it('agree with DuckDB: count, avg, min, max, count of pairs and collect_set', async () => {
    fc.createDataFrame(valued.map(([k, x]) => [k, x]), 'k INT, x DOUBLE').repartition(3).createOrReplaceTempView('special');
    await db.createTable('special', 'k INTEGER, x DOUBLE', valued.map(([k, x]) => [k, special(x)]));
    const select = (setSize: string) =>
      `SELECT k, count(DISTINCT x) AS n, avg(DISTINCT x) AS a, max(DISTINCT x) AS hi, ${setSize} AS sets FROM special GROUP BY k ORDER BY k`;
    expect(await fc.sql(select('size(collect_set(x))')).collect()).toEqual(await db.query(select('count(DISTINCT x)')));
    const lowest = 'SELECT k, min(DISTINCT x) AS lo FROM special WHERE k <> 3 GROUP BY k ORDER BY k';
    expect(await fc.sql(lowest).collect()).toEqual(await db.query(lowest));
    const pairs = await fc.sql('SELECT count(DISTINCT x, k % 2) AS n FROM special').collect();
    expect(pairs).toEqual(await db.query('SELECT count(*) AS n FROM (SELECT DISTINCT x, k % 2 FROM special WHERE x IS NOT NULL)'));
  });
});

describe('listagg and string_agg', () => {
  const one = async (sql: string) => Object.values((await fc.sql(sql).collect())[0]!)[0];

  it("the SQL reference's examples", async () => {
    expect(await one("SELECT listagg(col) FROM VALUES ('a'), ('b'), ('c') AS tab(col)")).toBe('abc');
    expect(await one("SELECT listagg(col) WITHIN GROUP (ORDER BY col DESC) FROM VALUES ('a'), ('b'), ('c') AS tab(col)")).toBe('cba');
    expect(await one("SELECT listagg(col) FROM VALUES ('a'), (NULL), ('b') AS tab(col)")).toBe('ab');
    expect(await one("SELECT listagg(col) FROM VALUES ('a'), ('a') AS tab(col)")).toBe('aa');
    expect(await one("SELECT listagg(DISTINCT col) FROM VALUES ('a'), ('a'), ('b') AS tab(col)")).toBe('ab');
    expect(await one("SELECT listagg(col, ', ') FROM VALUES ('a'), ('b'), ('c') AS tab(col)")).toBe('a, b, c');
    expect(await one('SELECT listagg(col) FROM VALUES (NULL), (NULL) AS tab(col)')).toBe(null);
  });

  it('F.listagg, F.string_agg and their _distinct forms, named as Spark names them', async () => {
    const df = fc.createDataFrame([['a'], ['b'], [null], ['b']], ['strings']);
    const joined = df.select(sf.listagg('strings'), sf.string_agg('strings', ', '), sf.listagg_distinct('strings'), sf.string_agg_distinct('strings', '/'));
    expect(joined.columns).toEqual(['listagg(strings, NULL)', 'string_agg(strings, , )', 'listagg(DISTINCT strings, NULL)', 'string_agg(DISTINCT strings, /)']);
    const [row] = await joined.collect();
    expect([...(row!['listagg(strings, NULL)'] as string)].sort().join('')).toBe('abb');
    expect((row!['string_agg(strings, , )'] as string).split(', ').sort()).toEqual(['a', 'b', 'b']);
    expect([...(row!['listagg(DISTINCT strings, NULL)'] as string)].sort().join('')).toBe('ab');
    expect((row!['string_agg(DISTINCT strings, /)'] as string).split('/').sort()).toEqual(['a', 'b']);
  });

  it('WITHIN GROUP ordering agrees with DuckDB string_agg(... ORDER BY ...)', async () => {
    const ours = await fc.sql("SELECT k, string_agg(CAST(x AS STRING), '-') WITHIN GROUP (ORDER BY x DESC) AS s FROM t GROUP BY k ORDER BY k").collect();
    expect(ours).toEqual(await db.query("SELECT k, string_agg(CAST(x AS VARCHAR), '-' ORDER BY x DESC) AS s FROM t GROUP BY k ORDER BY k"));
  });
});
