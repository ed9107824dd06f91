// -0.0 on every path a Spark user sees: Spark keeps it (Java's doubles and their serialization do),
// so atan2(-0.0, -1) is -π and show() prints -0.0; its grouping, DISTINCT and join keys normalize it
// to 0.0 (NormalizeFloatingNumbers). DuckDB, which does both the same way, is the reference.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F, col, lit, type DataFrame } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let db: DuckDbReference;
let dir: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-negative-zero' });
  db = await DuckDbReference.open(1);
  dir = mkdtempSync(join(tmpdir(), 'flint-negative-zero-'));
});

afterAll(async () => {
  await fc.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each value as its sign shows: '-0' for -0, so that a lost sign fails the assertion by name. */
const signed = (values: unknown[]) => values.map((v) => (Object.is(v, -0) ? '-0' : v));
const column = async (df: DataFrame, name = 'v') => signed((await df.collect()).map((row) => row[name as keyof typeof row]));
const duck = async (sql: string) => signed((await db.query(sql)).map((row) => Object.values(row)[0]));

const ATAN2_OF_NEGATIVE_ZERO = 'SELECT atan2(-0.0::DOUBLE, -1::DOUBLE) AS v';

describe('-0.0 into a DataFrame', () => {
  it('createDataFrame without a schema infers double for -0 and keeps its sign: atan2(v, -1) is -π', async () => {
    const df = fc.createDataFrame([[-0.0], [0.0]], ['v']);
    expect(df.dtypes).toEqual([['v', 'double']]);
    expect(await column(df)).toEqual(['-0', 0]);
    const [minusPi] = await duck(ATAN2_OF_NEGATIVE_ZERO);
    expect(minusPi).toBeCloseTo(-Math.PI, 15);
    expect(await column(df.select(F.atan2(col('v'), lit(-1)).alias('v')))).toEqual([minusPi, Math.PI]);
  });

  it('createDataFrame with a schema, and lit(-0.0)', async () => {
    const df = fc.createDataFrame([[-0.0], [1.5]], 'v DOUBLE');
    expect(await column(df)).toEqual(['-0', 1.5]);
    expect(df.select(lit(-0.0)).columns).toEqual(['-0.0']);
    expect(await column(df.select(lit(-0.0).alias('v')))).toEqual(['-0', '-0']);
  });

  it('the SQL literal -0.0D and cast(\'-0.0\' as double), as DuckDB gives them', async () => {
    const sql = "SELECT -0.0D AS a, cast('-0.0' as double) AS b";
    const [row] = await fc.sql(sql).collect();
    const [reference] = await db.query("SELECT -(0.0::DOUBLE) AS a, CAST('-0.0' AS DOUBLE) AS b");
    expect(signed([row.a, row.b])).toEqual(signed([reference.a, reference.b]));
    expect(signed([row.a, row.b])).toEqual(['-0', '-0']);
  });
});

describe('-0 where Spark has none', () => {
  it('integers and decimals collect as 0 (JavaScript makes -0 of -x and 0 * -1), and round() gives 0.0', async () => {
    const sql = 'SELECT -cast(0 AS BIGINT) AS l, 0 * -1 AS i, -0.0 AS d, cast(-0.0D AS decimal(3,1)) AS c, round(-0.4D) AS r';
    const [row] = await fc.sql(sql).collect();
    expect(signed(Object.values(row))).toEqual([0, 0, 0, 0, 0]);
    expect(signed(await column(fc.createDataFrame([[-0]], 'v BIGINT')))).toEqual([0]);
  });

  it('floor and ceil of -0.0 and -0.4 are the bigint 0, which has no sign: atan2(0.0, floor(-0.0D)) is 0, not π', async () => {
    const [row] = await fc.sql('SELECT floor(-0.0D) AS f, ceil(-0.4D) AS c, atan2(0.0D, floor(-0.0D)) AS a').collect();
    expect(signed(Object.values(row))).toEqual([0, 0, 0]);
  });
});

describe('-0.0 through the engine', () => {
  const values = () => fc.createDataFrame([[-0.0], [2.0], [-0.0]], 'v DOUBLE');

  it('survives a shuffle (repartition) and cache()', async () => {
    expect((await column(values().repartition(3))).sort()).toEqual(['-0', '-0', 2]);
    const cached = values().cache();
    await cached.count();
    expect(await column(cached)).toEqual(['-0', 2, '-0']);
  });

  it('show() prints -0.0, as Spark does', async () => {
    expect(await fc.createDataFrame([[-0.0], [0.0]], 'v DOUBLE').showString()).toBe(
      ['+----+', '|   v|', '+----+', '|-0.0|', '| 0.0|', '+----+'].join('\n'),
    );
  });

  it('GROUP BY, DISTINCT and a join take -0.0 and 0.0 as one key, 0.0 (NormalizeFloatingNumbers; DuckDB alike)', async () => {
    const inline = 'VALUES (-0.0D), (0.0D), (-0.0D) AS t(v)';
    const grouped = await fc.sql(`SELECT v, count(*) AS n FROM ${inline} GROUP BY v`).collect();
    const duckGroups = await db.query('SELECT v, count(*) AS n FROM (VALUES (-(0.0::DOUBLE)), (0.0::DOUBLE), (-(0.0::DOUBLE))) t(v) GROUP BY v');
    expect(grouped.length).toBe(duckGroups.length);
    expect(signed(grouped.map((r) => r.v))).toEqual([0]);
    expect(grouped.map((r) => r.n)).toEqual([3]);
    expect(await column(fc.sql(`SELECT DISTINCT v FROM ${inline}`))).toEqual([0]);
    const joined = await fc.sql(`SELECT count(*) AS n FROM ${inline} JOIN (SELECT 0.0D AS w) ON v = w`).collect();
    expect(joined[0].n).toBe(3);
  });

  it('INTERSECT and EXCEPT give 0.0 for -0.0, as Spark rewrites them into an aggregate over their rows', async () => {
    const negative = 'SELECT * FROM VALUES (-0.0D, 1) AS l(v, i)';
    expect(await column(fc.sql(`${negative} INTERSECT SELECT * FROM VALUES (0.0D, 1) AS r(w, j)`))).toEqual([0]);
    expect(await column(fc.sql(`${negative} EXCEPT SELECT * FROM VALUES (1.0D, 1) AS r(w, j)`))).toEqual([0]);
    expect(await column(fc.sql(`${negative} INTERSECT ALL SELECT * FROM VALUES (-0.0D, 1) AS r(w, j)`))).toEqual([0]);
  });
});

describe('-0.0 through files', () => {
  const partFile = (path: string, suffix: string) => join(path, readdirSync(path).find((f) => f.endsWith(suffix))!);

  it.each([
    ['csv', '.csv'],
    ['json', '.json'],
  ])('%s: written as -0.0 and read back as -0', async (format, suffix) => {
    const path = join(dir, format);
    await fc.createDataFrame([[-0.0], [0.5]], 'v DOUBLE').coalesce(1).write.format(format).save(path);
    expect(readFileSync(partFile(path, suffix), 'utf8')).toContain('-0.0');
    expect(await column(fc.read.schema('v DOUBLE').format(format).load(path))).toEqual(['-0', 0.5]);
  });

  it('parquet: DuckDB reads the -0.0 Flint writes, and Flint reads the -0.0 DuckDB writes', async () => {
    const path = join(dir, 'parquet');
    // 0.0 and -0.0 in one column: a dictionary that took them for one value would lose a sign.
    const zeros = [-0.0, 0.0, -0.0, 0.0, 0.5, -0.0, 0.0, -0.0];
    await fc.createDataFrame(zeros.map((v) => [v]), 'v DOUBLE').coalesce(1).write.parquet(path);
    expect(await column(fc.read.parquet(path))).toEqual(signed(zeros));
    expect(await duck(`SELECT atan2(v, -1::DOUBLE) FROM '${partFile(path, '.parquet')}'`)).toEqual(
      await duck(`SELECT atan2(v, -1::DOUBLE) FROM (VALUES ${zeros.map((v) => `(${Object.is(v, -0) ? '-(0.0::DOUBLE)' : `${v}::DOUBLE`})`).join(', ')}) t(v)`),
    );
    const duckFile = join(dir, 'duck.parquet');
    await db.query(`COPY (SELECT -(0.0::DOUBLE) AS v) TO '${duckFile}' (FORMAT parquet)`);
    expect(await column(fc.read.parquet(duckFile))).toEqual(['-0']);
  });
});
