// The examples of Spark SQL's function reference (each function's ExpressionDescription) for the
// functions added after the first doctest ports: strings, nulls, arrays as sets, maps, epoch
// conversions and higher-moment aggregates (expected values are Spark's documented answers); and
// PySpark 4's docstrings of the higher-order functions (transform, filter, exists, forall,
// aggregate, zip_with, map_filter, transform_keys, transform_values; also as SQL lambdas),
// Column.withField/dropFields and DataFrame.randomSplit (whose counts come from Spark's random
// numbers: here the splits are checked to partition the rows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-sql-extras' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});

afterAll(async () => {
  await fc.stop();
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);

describe('strings', () => {
  it('left, right, btrim, split_part, find_in_set, elt, char, unhex, unbase64', async () => {
    expect(await values("SELECT left('Spark SQL', 3), right('Spark SQL', 3), btrim('    SparkSQL   '), btrim('SSparkSQLS', 'SL')")).toEqual(['Spa', 'SQL', 'SparkSQL', 'parkSQ']);
    expect(await values("SELECT split_part('11.12.13', '.', 3), split_part('11.12.13', '.', -1), split_part('11.12.13', '.', 5)")).toEqual(['13', '13', '']);
    expect(await values("SELECT find_in_set('ab', 'abc,b,ab,c,def'), elt(1, 'scala', 'java'), char(65), chr(321)")).toEqual([3, 'scala', 'A', 'A']);
    const text = (b: unknown) => Buffer.from(b as Uint8Array).toString('utf8');
    expect((await values("SELECT unhex('537061726B2053514C'), unbase64('U3BhcmsgU1FM')")).map(text)).toEqual(['Spark SQL', 'Spark SQL']);
    await expect(fc.sql("SELECT elt(4, 'a', 'b')").collect()).rejects.toThrow(/INVALID_ARRAY_INDEX\] The index 4 is out of bounds. The array has 2 elements/);
    await expect(fc.sql("SELECT split_part('a.b', '.', 0)").collect()).rejects.toThrow(/INVALID_INDEX_OF_ZERO/);
  });

  it('as DataFrame functions', async () => {
    const df = fc.createDataFrame([['Spark SQL', 3]], ['s', 'n']);
    const [row] = await df.select(sf.left('s', 'n'), sf.right('s', 'n'), sf.startswith('s', sf.lit('Spark')), sf.contains('s', sf.lit('k S')), sf.ucase('s'), sf.char_length('s')).collect();
    expect(Object.values(row!)).toEqual(['Spa', 'SQL', true, true, 'SPARK SQL', 9]);
    expect(Object.keys(row!)).toEqual(['left(s, n)', 'right(s, n)', 'startswith(s, Spark)', 'contains(s, k S)', 'ucase(s)', 'char_length(s)']);
  });
});

describe('nulls', () => {
  it('nvl2, equal_null, ifnull', async () => {
    expect(await values("SELECT nvl2(NULL, 2, 1), nvl2(0, 2, 1), ifnull(NULL, array('2'))")).toEqual([1, 2, ['2']]);
    expect(await values("SELECT equal_null(3, 3), equal_null(1, '11'), equal_null(true, NULL), equal_null(NULL, 'abc'), equal_null(NULL, NULL)")).toEqual([true, false, false, false, true]);
  });
});

describe('arrays and maps', () => {
  it('array_union, array_intersect, array_except, array_repeat, sequence', async () => {
    expect(await values('SELECT array_union(array(1, 2, 3), array(1, 3, 5)), array_intersect(array(1, 2, 3), array(1, 3, 5)), array_except(array(1, 2, 3), array(1, 3, 5))')).toEqual([
      [1, 2, 3, 5],
      [1, 3],
      [2],
    ]);
    expect(await values("SELECT array_repeat('123', 2), sequence(1, 5), sequence(5, 1), sequence(1, 9, 3)")).toEqual([['123', '123'], [1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [1, 4, 7]]);
  });

  it('map_keys, map_values, map_entries, map_contains_key, map_from_entries, map_concat', async () => {
    expect(await values("SELECT map_keys(map(1, 'a', 2, 'b')), map_values(map(1, 'a', 2, 'b')), map_entries(map(1, 'a', 2, 'b')), map_contains_key(map(1, 'a', 2, 'b'), 1)")).toEqual([
      [1, 2],
      ['a', 'b'],
      [{ key: 1, value: 'a' }, { key: 2, value: 'b' }],
      true,
    ]);
    expect(await values("SELECT map_from_entries(array(struct(1, 'a'), struct(2, 'b'))), map_concat(map(1, 'a', 2, 'b'), map(3, 'c'))")).toEqual([
      new Map([[1, 'a'], [2, 'b']]),
      new Map([[1, 'a'], [2, 'b'], [3, 'c']]),
    ]);
    await expect(fc.sql("SELECT map_concat(map(1, 'a'), map(1, 'b'))").collect()).rejects.toThrow(/DUPLICATED_MAP_KEY\] Duplicate map key 1/);
    // SQL's struct() names fields after columns, `col<i>` otherwise.
    expect(fc.sql("SELECT struct(c, 'a') AS s FROM VALUES (1) AS t(c)").schema.simpleString()).toBe('struct<s:struct<c:int,col2:string>>');
  });
});

describe('epoch conversions', () => {
  it('timestamp_seconds/millis/micros and unix_seconds/millis/micros', async () => {
    expect(await values('SELECT timestamp_seconds(1230219000), timestamp_millis(1230219000123)')).toEqual([new Date('2008-12-25T15:30:00Z'), new Date('2008-12-25T15:30:00.123Z')]);
    expect(await values("SELECT unix_seconds(TIMESTAMP('1970-01-01 00:00:01Z')), unix_millis(TIMESTAMP('1970-01-01 00:00:01Z')), unix_micros(TIMESTAMP('1970-01-01 00:00:01Z'))")).toEqual([1, 1000, 1000000]);
  });
});

describe('aggregates', () => {
  it('kurtosis and skewness (Spark exact steps), count_if, any_value, approx_count_distinct', async () => {
    // The last digits depend on how rows split into partitions, as in Spark: these are the
    // reference's rows split as Spark's local[2] splits them (createDataFrame, not VALUES).
    const moments = async (rows: number[]) => Object.values((await fc.createDataFrame(rows.map((x) => [x]), ['col']).select(sf.kurtosis('col'), sf.skewness('col')).collect())[0]!);
    expect(await moments([-10, -20, 100, 1000])).toEqual([-0.7014368047529627, 1.1135657469022011]);
    expect((await moments([1, 10, 100, 10, 1]))[0]).toBe(0.19432323191699075);
    expect((await moments([-1000, -100, 10, 20]))[1]).toBe(-1.1135657469022011);
    expect(await values('SELECT count_if(col % 2 = 0) FROM VALUES (NULL), (0), (1), (2), (3) AS tab(col)')).toEqual([2]);
    expect(await values('SELECT any_value(col) FROM VALUES (10), (5), (20) AS tab(col)')).toEqual([10]);
    expect(await values('SELECT approx_count_distinct(col1) FROM VALUES (1), (1), (2), (2), (3) AS tab(col1)')).toEqual([3]);
    const df = fc.createDataFrame([[1], [1], [2]], ['c']);
    expect(await df.select(sf.kurtosis('c'), sf.skewness('c')).collect()).toEqual([{ 'kurtosis(c)': -1.5, 'skewness(c)': 0.7071067811865475 }]);
  });
});

describe('Column.withField and dropFields', () => {
  it("PySpark's examples", async () => {
    const df = fc.createDataFrame([{ a: { b: 1, c: 2 } }]);
    await shows(df.withColumn('a', df.col('a').withField('b', sf.lit(3))).select('a.b'), `
      +---+
      |  b|
      +---+
      |  3|
      +---+`);
    await shows(df.withColumn('a', df.col('a').withField('d', sf.lit(4))).select('a.d'), `
      +---+
      |  d|
      +---+
      |  4|
      +---+`);
    const nested = fc.createDataFrame([{ a: { b: 1, c: 2, d: 3, e: { f: 4, g: 5, h: 6 } } }]);
    await shows(nested.withColumn('a', nested.col('a').dropFields('b')), `
      +-----------------+
      |                a|
      +-----------------+
      |{2, 3, {4, 5, 6}}|
      +-----------------+`);
    await shows(nested.withColumn('a', nested.col('a').dropFields('b', 'c')), `
      +--------------+
      |             a|
      +--------------+
      |{3, {4, 5, 6}}|
      +--------------+`);
    await shows(nested.withColumn('a', nested.col('a').dropFields('e.g', 'e.h')), `
      +--------------+
      |             a|
      +--------------+
      |{1, 2, 3, {4}}|
      +--------------+`);
    expect(() => df.select(df.col('a').dropFields('b', 'c')).schema).toThrow(/CANNOT_DROP_ALL_FIELDS/);
  });
});

describe('DataFrame.randomSplit', () => {
  it('splits the rows into disjoint parts, the same ones for the same seed', async () => {
    const df = fc.sql('SELECT id FROM range(200)').repartition(3);
    const ids = async (parts: typeof df[]) => Promise.all(parts.map(async (p) => (await p.collect()).map((r) => r.id as number).sort((a, b) => a - b)));
    const [a, b] = await ids(df.randomSplit([1.0, 2.0], 24));
    expect([...a!, ...b!].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(a!.length).toBeGreaterThan(30);
    expect(a!.length).toBeLessThan(110);
    expect(await ids(df.randomSplit([1.0, 2.0], 24))).toEqual([a, b]);
  });
});

describe('higher-order functions', () => {
  it('transform, exists, forall, filter', async () => {
    const df = fc.createDataFrame([[1, [1, 2, 3, 4]]], ['key', 'values']);
    await shows(df.select(sf.transform('values', (x) => x.multiply(2)).alias('doubled')), `
      +------------+
      |     doubled|
      +------------+
      |[2, 4, 6, 8]|
      +------------+`);
    const alternate = (x: sf.LambdaColumn, i: sf.LambdaColumn) => sf.when(i.mod(2).equalTo(0), x).otherwise(sf.negate(x));
    await shows(df.select(sf.transform('values', alternate).alias('alternated')), `
      +--------------+
      |    alternated|
      +--------------+
      |[1, -2, 3, -4]|
      +--------------+`);
    const signs = fc.createDataFrame([[1, [1, 2, 3, 4]], [2, [3, -1, 0]]], ['key', 'values']);
    await shows(signs.select(sf.exists('values', (x) => x.lt(0)).alias('any_negative')), `
      +------------+
      |any_negative|
      +------------+
      |       false|
      |        true|
      +------------+`);
    const words = fc.createDataFrame([[1, ['bar']], [2, ['foo', 'bar']], [3, ['foobar', 'foo']]], ['key', 'values']);
    await shows(words.select(sf.forall('values', (x) => x.rlike('foo')).alias('all_foo')), `
      +-------+
      |all_foo|
      +-------+
      |  false|
      |  false|
      |   true|
      +-------+`);
    const dates = fc.createDataFrame([[1, ['2018-09-20', '2019-02-03', '2019-07-01', '2020-06-01']]], ['key', 'values']);
    const afterSecondQuarter = (x: sf.LambdaColumn) => sf.month(sf.to_date(x)).gt(6);
    await shows(dates.select(sf.filter('values', afterSecondQuarter).alias('after_second_quarter')), `
      +------------------------+
      |after_second_quarter    |
      +------------------------+
      |[2018-09-20, 2019-07-01]|
      +------------------------+`, undefined, false);
  });

  it('aggregate and zip_with', async () => {
    const df = fc.createDataFrame([[1, [20.0, 4.0, 2.0, 6.0, 10.0]]], 'id BIGINT, values ARRAY<DOUBLE>');
    await shows(df.select(sf.aggregate('values', sf.lit(0.0).cast('double'), (acc, x) => acc.plus(x)).alias('sum')), `
      +----+
      | sum|
      +----+
      |42.0|
      +----+`);
    const merge = (acc: sf.LambdaColumn, x: sf.LambdaColumn) =>
      sf.struct(acc.getField('count').plus(1).alias('count'), acc.getField('sum').plus(x).alias('sum'));
    const zero = sf.struct(sf.lit(0).alias('count'), sf.lit(0.0).cast('double').alias('sum'));
    await shows(df.select(sf.aggregate('values', zero, merge, (acc) => acc.getField('sum').divide(acc.getField('count'))).alias('mean')), `
      +----+
      |mean|
      +----+
      | 8.4|
      +----+`);
    const xy = fc.createDataFrame([[1, [1, 3, 5, 8], [0, 2, 4, 6]]], ['id', 'xs', 'ys']);
    await shows(xy.select(sf.zip_with('xs', 'ys', (x, y) => sf.pow(x, y)).alias('powers')), `
      +---------------------------+
      |powers                     |
      +---------------------------+
      |[1.0, 9.0, 625.0, 262144.0]|
      +---------------------------+`, undefined, false);
    const uneven = fc.createDataFrame([[1, ['foo', 'bar'], [1, 2, 3]]], ['id', 'xs', 'ys']);
    await shows(uneven.select(sf.zip_with('xs', 'ys', (x, y) => sf.concat_ws('_', x, y)).alias('xs_ys')), `
      +-----------------+
      |            xs_ys|
      +-----------------+
      |[foo_1, bar_2, 3]|
      +-----------------+`);
  });

  it('map_filter, transform_keys, transform_values', async () => {
    const sorted = (m: unknown) => [...(m as Map<string, number>)].sort(([a], [b]) => a.localeCompare(b));
    const prices = fc.createDataFrame([[1, new Map([['foo', 42.0], ['bar', 1.0], ['baz', 32.0]])]], 'id BIGINT, data MAP<STRING, DOUBLE>');
    const [filtered] = await prices.select(sf.map_filter('data', (_, v) => v.gt(30.0)).alias('data_filtered')).collect();
    expect(sorted(filtered!.data_filtered)).toEqual([['baz', 32.0], ['foo', 42.0]]);
    const signed = fc.createDataFrame([[1, new Map([['foo', -2.0], ['bar', 2.0]])]], 'id BIGINT, data MAP<STRING, DOUBLE>');
    const [upper] = await signed.select(sf.transform_keys('data', (k) => sf.upper(k)).alias('data_upper')).collect();
    expect(sorted(upper!.data_upper)).toEqual([['BAR', 2.0], ['FOO', -2.0]]);
    const depts = fc.createDataFrame([[1, new Map([['IT', 10.0], ['SALES', 2.0], ['OPS', 24.0]])]], 'id BIGINT, data MAP<STRING, DOUBLE>');
    const raised = (k: sf.LambdaColumn, v: sf.LambdaColumn) => sf.when(k.isin('IT', 'OPS'), v.plus(10.0)).otherwise(v);
    const [row] = await depts.select(sf.transform_values('data', raised).alias('new_data')).collect();
    expect(sorted(row!.new_data)).toEqual([['IT', 20.0], ['OPS', 34.0], ['SALES', 2.0]]);
  });

  it('as SQL lambdas, reading outer columns and nesting', async () => {
    expect(await values('SELECT transform(array(1, 2, 3), x -> x + 1), transform(array(1, 2, 3), (x, i) -> x + i), filter(array(1, 2, 3), x -> x % 2 = 1)')).toEqual([[2, 3, 4], [1, 3, 5], [1, 3]]);
    expect(await values('SELECT exists(array(1, 2, 3), x -> x % 2 = 0), exists(array(1, NULL, 3), x -> x % 2 = 0), forall(array(2, 4), x -> x % 2 = 0)')).toEqual([true, null, true]);
    expect(await values('SELECT aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x), aggregate(array(1, 2, 3), 0, (acc, x) -> acc + x, acc -> acc * 10)')).toEqual([6, 60]);
    expect(await values('SELECT transform(vs, x -> x + key) FROM VALUES (10, array(1, 2)) AS v(key, vs)')).toEqual([[11, 12]]);
    expect(await values('SELECT transform(array(array(1, 2), array(3)), a -> transform(a, x -> x * 10))')).toEqual([[[10, 20], [30]]]);
    expect(() => fc.sql('SELECT upper(x -> x)')).toThrow(/INVALID_LAMBDA_FUNCTION_CALL/);
  });
});
