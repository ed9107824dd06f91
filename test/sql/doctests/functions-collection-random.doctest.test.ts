// PySpark 4's docstring examples (functions/builtin.py) of array_sort (with and without a
// comparator), map_zip_with, str_to_map, and the seeded random functions shuffle, uniform, randstr
// and random: with a seed, Flint draws Spark's own numbers (XORShiftRandom and Commons Math's
// MersenneTwister seeded with seed + partition index), so the docstrings' tables are matched
// exactly. array_sort is cross-checked with DuckDB's list_sort.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';
import { DuckDbReference } from '../duckdb-reference.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-collection-random' });
});

afterAll(async () => {
  await fc.stop();
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);
/** PySpark's `spark.range(start, end, 1, 1)`: one partition. */
const onePartition = (n: number) => fc.sql(`SELECT * FROM range(0, ${n}, 1, 1)`);

describe('array_sort', () => {
  it('ascending with nulls last, and with a comparator', async () => {
    const df = fc.createDataFrame([[[2, 1, null, 3]], [[1]], [[]]], ['data']);
    expect(await df.select(sf.array_sort(df.col('data')).alias('r')).collect()).toEqual([{ r: [1, 2, 3, null] }, { r: [1] }, { r: [] }]);
    const words = fc.createDataFrame([[['foo', 'foobar', null, 'bar']], [['foo']], [[]]], ['data']);
    const byLength = words.select(
      sf.array_sort('data', (x, y) => sf.when(x.isNull().or(y.isNull()), sf.lit(0)).otherwise(sf.length(y).minus(sf.length(x)))).alias('r'),
    );
    expect(await byLength.collect()).toEqual([{ r: ['foobar', 'foo', null, 'bar'] }, { r: ['foo'] }, { r: [] }]);
  });

  it('the default comparator is spelled out in the column name, as Spark names it', () => {
    expect(fc.createDataFrame([[[1]]], ['data']).select(sf.array_sort('data')).columns).toEqual([
      'array_sort(data, lambdafunction((IF(((left IS NULL) AND (right IS NULL)), 0, (IF((left IS NULL), 1, (IF((right IS NULL), -1, (IF((left < right), -1, (IF((left > right), 1, 0)))))))))), left, right))',
    ]);
  });

  it("the SQL reference examples (LEFT and RIGHT as lambda parameters, as Spark's examples name them)", async () => {
    expect(await values('SELECT array_sort(array(5, 6, 1), (left, right) -> case when left < right then -1 when left > right then 1 else 0 end)')).toEqual([[1, 5, 6]]);
    const descNullsFirst = "array_sort(array('bc', 'ab', 'dc'), (left, right) -> case when left is null and right is null then 0 when left is null then -1 when right is null then 1 when left < right then 1 when left > right then -1 else 0 end)";
    expect(await values(`SELECT ${descNullsFirst}, array_sort(array('b', 'd', null, 'c', 'a'))`)).toEqual([['dc', 'bc', 'ab'], ['a', 'b', 'c', 'd', null]]);
    // NaN sorts above every number, arrays compare element by element.
    expect(await values("SELECT array_sort(array(CAST('NaN' AS DOUBLE), 1.0D, NULL, -1.0D)), array_sort(array(array(2, 1), array(1, 9), array(1)))")).toEqual([[-1, 1, NaN, null], [[1], [1, 9], [2, 1]]]);
    await expect(fc.sql('SELECT array_sort(array(1, 2), (l, r) -> NULL)').collect()).rejects.toThrow(/\[COMPARATOR_RETURNS_NULL\] The comparator has returned a NULL for a comparison between/);
  });

  it('agrees with DuckDB list_sort', async () => {
    const arrays = [[3, 1, 2], [5, null, -1, 5], [], [null, null], [2, 2, 1]];
    fc.createDataFrame(arrays.map((a, id) => [id, a]), 'id INT, a ARRAY<INT>').createOrReplaceTempView('arrays');
    const db = await DuckDbReference.open(1);
    try {
      const literal = (a: (number | null)[]) => `[${a.map((v) => (v === null ? 'NULL' : v)).join(', ')}]::INTEGER[]`;
      const theirs = await db.query(`SELECT id, list_sort(a) AS s FROM (VALUES ${arrays.map((a, id) => `(${id}, ${literal(a)})`).join(', ')}) t(id, a) ORDER BY id`);
      expect(await fc.sql('SELECT id, array_sort(a) AS s FROM arrays ORDER BY id').collect()).toEqual(theirs);
    } finally {
      db.close();
    }
  });
});

describe('maps', () => {
  it('map_zip_with', async () => {
    const sortedEntries = async (df: ReturnType<FlintContext['createDataFrame']>) => [...((await df.head()) as { r: Map<string, number | null> }).r].sort();
    const df = fc.createDataFrame([[1, new Map([['A', 1], ['B', 2]]), new Map([['A', 3], ['B', 4]])]], ['id', 'map1', 'map2']);
    expect(await sortedEntries(df.select(sf.map_zip_with('map1', 'map2', (_, v1, v2) => v1.plus(v2)).alias('r')))).toEqual([['A', 4], ['B', 6]]);
    const byKey = df.select(sf.map_zip_with('map1', 'map2', (k, v1, v2) => sf.when(k.equalTo('A'), v1.plus(v2)).otherwise(v1.minus(v2))).alias('r'));
    expect(await sortedEntries(byKey)).toEqual([['A', 4], ['B', -2]]);
    const mismatched = fc.createDataFrame([[1, new Map([['A', 1], ['B', 2]]), new Map([['B', 3], ['C', 4]])]], ['id', 'map1', 'map2']);
    const merged = mismatched.select(sf.map_zip_with('map1', 'map2', (_, v1, v2) => sf.when(v2.isNull(), v1).otherwise(v1.plus(v2))).alias('r'));
    expect(await sortedEntries(merged)).toEqual([['A', 1], ['B', 5], ['C', null]]);
    // The SQL reference's example.
    expect(await values("SELECT map_zip_with(map(1, 'a', 2, 'b'), map(1, 'x', 2, 'y'), (k, v1, v2) -> concat(v1, v2))")).toEqual([new Map([[1, 'ax'], [2, 'by']])]);
  });

  it('str_to_map', async () => {
    await shows(fc.createDataFrame([['a:1,b:2,c:3']], ['e']).select(sf.str_to_map('e')), `
      +------------------------+
      |str_to_map(e, ,, :)     |
      +------------------------+
      |{a -> 1, b -> 2, c -> 3}|
      +------------------------+`, 20, false);
    const custom = fc.createDataFrame([['a=1;b=2;c=3']], ['e']);
    await shows(custom.select(sf.str_to_map(custom.col('e'), sf.lit(';'), sf.lit('='))), `
      +------------------------+
      |str_to_map(e, ;, =)     |
      +------------------------+
      |{a -> 1, b -> 2, c -> 3}|
      +------------------------+`, 20, false);
    const mixed = fc.createDataFrame([['a:1,b:2,c:3'], ['d=4;e=5;f=6']], ['e']);
    const e = mixed.col('e');
    await shows(mixed.select(sf.str_to_map(e, sf.when(e.contains(';'), sf.lit(';')).otherwise(sf.lit(',')), sf.when(e.contains('='), sf.lit('=')).otherwise(sf.lit(':'))).alias('str_to_map')), `
      +------------------------+
      |str_to_map              |
      +------------------------+
      |{a -> 1, b -> 2, c -> 3}|
      |{d -> 4, e -> 5, f -> 6}|
      +------------------------+`, 20, false);
    const pairDelims = fc.createDataFrame([['a:1,b:2,c:3', ','], ['d=4;e=5;f=6', ';']], ['e', 'delim']);
    await shows(pairDelims.select(sf.str_to_map(pairDelims.col('e'), pairDelims.col('delim'), sf.lit(':'))), `
      +---------------------------------------+
      |str_to_map(e, delim, :)                |
      +---------------------------------------+
      |{a -> 1, b -> 2, c -> 3}               |
      |{d=4 -> NULL, e=5 -> NULL, f=6 -> NULL}|
      +---------------------------------------+`, 20, false);
    const keyDelims = fc.createDataFrame([['a:1,b:2,c:3', ':'], ['d=4;e=5;f=6', '=']], ['e', 'delim']);
    await shows(keyDelims.select(sf.str_to_map(keyDelims.col('e'), sf.lit(','), keyDelims.col('delim'))), `
      +------------------------+
      |str_to_map(e, ,, delim) |
      +------------------------+
      |{a -> 1, b -> 2, c -> 3}|
      |{d -> 4;e=5;f=6}        |
      +------------------------+`, 20, false);
    await expect(fc.sql("SELECT str_to_map('a:1,a:2')").collect()).rejects.toThrow(/\[DUPLICATED_MAP_KEY\] Duplicate map key a/);
  });
});

describe('seeded random values', () => {
  it('shuffle', async () => {
    await shows(fc.sql('SELECT ARRAY(1, 20, 3, 5) AS data').select('*', sf.shuffle(sf.col('data'), sf.lit(123))), `
      +-------------+-------------+
      |         data|shuffle(data)|
      +-------------+-------------+
      |[1, 20, 3, 5]|[5, 1, 20, 3]|
      +-------------+-------------+`);
    await shows(fc.sql('SELECT ARRAY(1, 20, NULL, 5) AS data').select('*', sf.shuffle(sf.col('data'), 234)), `
      +----------------+----------------+
      |            data|   shuffle(data)|
      +----------------+----------------+
      |[1, 20, NULL, 5]|[NULL, 5, 20, 1]|
      +----------------+----------------+`);
    await shows(fc.sql('SELECT ARRAY(1, 2, 2, 3, 3, 3) AS data').select('*', sf.shuffle('data', 345)), `
      +------------------+------------------+
      |              data|     shuffle(data)|
      +------------------+------------------+
      |[1, 2, 2, 3, 3, 3]|[2, 3, 3, 1, 2, 3]|
      +------------------+------------------+`);
    // Unseeded: some permutation of the same elements.
    const [row] = await fc.sql('SELECT shuffle(array(1, 2, 2, 3, 3, 3)) AS s').collect();
    expect([...(row!.s as number[])].sort()).toEqual([1, 2, 2, 3, 3, 3]);
  });

  it('uniform and randstr', async () => {
    await shows(onePartition(10).select(sf.uniform(5, 105, 3)), `
      +------------------+
      |uniform(5, 105, 3)|
      +------------------+
      |                30|
      |                71|
      |                99|
      |                77|
      |                16|
      |                25|
      |                89|
      |                80|
      |                51|
      |                83|
      +------------------+`);
    await shows(onePartition(10).select(sf.randstr(16, 3)), `
      +----------------+
      |  randstr(16, 3)|
      +----------------+
      |nurJIpH4cmmMnsCG|
      |fl9YtT5m01trZtIt|
      |PD19rAgscTHS7qQZ|
      |2CuAICF5UJOruVv4|
      |kNZEs8nDpJEoz3Rl|
      |OXiU0KN5eaXfjXFs|
      |qfnTM1BZAHtN0gBV|
      |1p8XiSKwg33KnRPK|
      |od5y5MucayQq1bKK|
      |tklYPmKmc5sIppWM|
      +----------------+`);
    // Integers in, an integer out (the wider one); a fractional bound gives a double in [min, max).
    const [row] = await fc.sql('SELECT uniform(10, 20, 0) > 0 AS result, typeof(uniform(1, 2, 0)) AS i, typeof(uniform(1, CAST(2 AS BIGINT))) AS l, uniform(1.5, 2, 7) AS d, randstr(5) AS s').collect();
    expect(row).toMatchObject({ result: true, i: 'int', l: 'bigint' });
    expect(row!.d).toBeGreaterThanOrEqual(1.5);
    expect(row!.d).toBeLessThan(2);
    expect(row!.s).toMatch(/^[0-9a-zA-Z]{5}$/);
  });

  it('random is rand under another name', async () => {
    const rows = await onePartition(3).select(sf.random(42).alias('a'), sf.rand(42).alias('b')).collect();
    expect(rows.map((r) => r.a)).toEqual(rows.map((r) => r.b));
    expect(onePartition(1).select(sf.random(42)).columns).toEqual(['random(42)']);
  });
});
