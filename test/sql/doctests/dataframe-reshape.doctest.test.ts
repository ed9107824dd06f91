// PySpark 4's docstring examples of pyspark.sql.DataFrame, part 3: missing values, withColumn(s),
// renames, drop, toDF, transform, statistics, unpivot and melt.
// Written as a Flint user writes them; the expected text is copied from the docstrings. What is
// not ported is listed in dataframe.doctest.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F, col, lit, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-dataframe-reshape' });
});

afterAll(async () => {
  await fc.stop();
});

const tomAliceBob = () => fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], ['age', 'name']);
const aliceBob = () => fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);

describe('missing values', () => {
  it('dropna / na.drop with nulls and NaN', async () => {
    const df = fc.createDataFrame(
      [[10, 80.0, 'Alice'], [5, NaN, 'Bob'], [null, null, 'Tom'], [null, NaN, null]],
      'age BIGINT, height DOUBLE, name STRING',
    );
    await shows(df.na.drop(), `
      +---+------+-----+
      |age|height| name|
      +---+------+-----+
      | 10|  80.0|Alice|
      +---+------+-----+`);
    await shows(df.na.drop('all'), `
      +----+------+-----+
      | age|height| name|
      +----+------+-----+
      |  10|  80.0|Alice|
      |   5|   NaN|  Bob|
      |NULL|  NULL|  Tom|
      +----+------+-----+`);
    await shows(df.na.drop(undefined, 2), `
      +---+------+-----+
      |age|height| name|
      +---+------+-----+
      | 10|  80.0|Alice|
      |  5|   NaN|  Bob|
      +---+------+-----+`);
    await shows(df.dropna(undefined, undefined, ['age', 'name']), `
      +---+------+-----+
      |age|height| name|
      +---+------+-----+
      | 10|  80.0|Alice|
      |  5|   NaN|  Bob|
      +---+------+-----+`);
  });

  it('fillna / na.fill', async () => {
    const df = fc.createDataFrame(
      [[10, 80.5, 'Alice', null], [5, null, 'Bob', null], [null, null, 'Tom', null], [null, null, null, true]],
      ['age', 'height', 'name', 'bool'],
    );
    await shows(df.na.fill(50), `
      +---+------+-----+----+
      |age|height| name|bool|
      +---+------+-----+----+
      | 10|  80.5|Alice|NULL|
      |  5|  50.0|  Bob|NULL|
      | 50|  50.0|  Tom|NULL|
      | 50|  50.0| NULL|true|
      +---+------+-----+----+`);
    await shows(df.na.fill(false), `
      +----+------+-----+-----+
      | age|height| name| bool|
      +----+------+-----+-----+
      |  10|  80.5|Alice|false|
      |   5|  NULL|  Bob|false|
      |NULL|  NULL|  Tom|false|
      |NULL|  NULL| NULL| true|
      +----+------+-----+-----+`);
    await shows(df.na.fill({ age: 50, name: 'unknown' }), `
      +---+------+-------+----+
      |age|height|   name|bool|
      +---+------+-------+----+
      | 10|  80.5|  Alice|NULL|
      |  5|  NULL|    Bob|NULL|
      | 50|  NULL|    Tom|NULL|
      | 50|  NULL|unknown|true|
      +---+------+-------+----+`);
    await shows(df.fillna('Spark', 'name'), `
      +----+------+-----+----+
      | age|height| name|bool|
      +----+------+-----+----+
      |  10|  80.5|Alice|NULL|
      |   5|  NULL|  Bob|NULL|
      |NULL|  NULL|  Tom|NULL|
      |NULL|  NULL|Spark|true|
      +----+------+-----+----+`);
  });

  it('replace / na.replace', async () => {
    const df = fc.createDataFrame([[10, 80, 'Alice'], [5, null, 'Bob'], [null, 10, 'Tom'], [null, null, null]], ['age', 'height', 'name']);
    await shows(df.na.replace(10, 20), `
      +----+------+-----+
      | age|height| name|
      +----+------+-----+
      |  20|    80|Alice|
      |   5|  NULL|  Bob|
      |NULL|    20|  Tom|
      |NULL|  NULL| NULL|
      +----+------+-----+`);
    await shows(df.na.replace('Alice', null), `
      +----+------+----+
      | age|height|name|
      +----+------+----+
      |  10|    80|NULL|
      |   5|  NULL| Bob|
      |NULL|    10| Tom|
      |NULL|  NULL|NULL|
      +----+------+----+`);
    await shows(df.na.replace(['Alice', 'Bob'], ['A', 'B'], 'name'), `
      +----+------+----+
      | age|height|name|
      +----+------+----+
      |  10|    80|   A|
      |   5|  NULL|   B|
      |NULL|    10| Tom|
      |NULL|  NULL|NULL|
      +----+------+----+`);
    await shows(df.replace(10, 18, 'age'), `
      +----+------+-----+
      | age|height| name|
      +----+------+-----+
      |  18|    80|Alice|
      |   5|  NULL|  Bob|
      |NULL|    10|  Tom|
      |NULL|  NULL| NULL|
      +----+------+-----+`);
  });
});

describe('withColumn(s), renames, drop, toDF, transform', () => {
  it('withColumns and withColumn', async () => {
    const df = aliceBob();
    await shows(df.withColumns({ age2: df.col('age').plus(2), age3: df.col('age').plus(3) }), `
      +---+-----+----+----+
      |age| name|age2|age3|
      +---+-----+----+----+
      |  2|Alice|   4|   5|
      |  5|  Bob|   7|   8|
      +---+-----+----+----+`);
    await shows(df.withColumn('age2', df.col('age').plus(2)), `
      +---+-----+----+
      |age| name|age2|
      +---+-----+----+
      |  2|Alice|   4|
      |  5|  Bob|   7|
      +---+-----+----+`);
  });

  it('withColumnRenamed and withColumnsRenamed', async () => {
    const df = aliceBob();
    const age2 = `
      +----+-----+
      |age2| name|
      +----+-----+
      |   2|Alice|
      |   5|  Bob|
      +----+-----+`;
    const same = `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  5|  Bob|
      +---+-----+`;
    const both = `
      +----+-----+
      |age2|name2|
      +----+-----+
      |   2|Alice|
      |   5|  Bob|
      +----+-----+`;
    await shows(df.withColumnRenamed('age', 'age2'), age2);
    await shows(df.withColumnRenamed('non_existing', 'new_name'), same);
    await shows(df.withColumnRenamed('age', 'age2').withColumnRenamed('name', 'name2'), both);
    await shows(df.withColumnsRenamed({ age: 'age2' }), age2);
    await shows(df.withColumnsRenamed({ age: 'age2', name: 'name2' }), both);
    await shows(df.withColumnsRenamed({ non_existing: 'new_name' }), same);
    await shows(df.withColumnsRenamed({}), same);
  });

  it('drop by name, by Column, after a join, and names with dots', async () => {
    const df = tomAliceBob();
    const names = `
      +-----+
      | name|
      +-----+
      |  Tom|
      |Alice|
      |  Bob|
      +-----+`;
    await shows(df.drop('age'), names);
    await shows(df.drop(df.col('age')), names);
    const df2 = fc.createDataFrame([[80, 'Tom'], [85, 'Bob']], ['height', 'name']);
    await shows(df.join(df2, df.col('name').equalTo(df2.col('name'))).drop('name').sort('age'), `
      +---+------+
      |age|height|
      +---+------+
      | 14|    80|
      | 16|    85|
      +---+------+`);
    const df3 = df.join(df2);
    await shows(df3, `
      +---+-----+------+----+
      |age| name|height|name|
      +---+-----+------+----+
      | 14|  Tom|    80| Tom|
      | 14|  Tom|    85| Bob|
      | 23|Alice|    80| Tom|
      | 23|Alice|    85| Bob|
      | 16|  Bob|    80| Tom|
      | 16|  Bob|    85| Bob|
      +---+-----+------+----+`);
    await shows(df3.drop('name'), `
      +---+------+
      |age|height|
      +---+------+
      | 14|    80|
      | 14|    85|
      | 23|    80|
      | 23|    85|
      | 16|    80|
      | 16|    85|
      +---+------+`);
    expect(() => df3.drop(F.col('name'))).toThrow(/AMBIGUOUS_REFERENCE/);
    const df4 = df.withColumn('a.b.c', lit(1));
    const withDots = `
      +---+-----+-----+
      |age| name|a.b.c|
      +---+-----+-----+
      | 14|  Tom|    1|
      | 23|Alice|    1|
      | 16|  Bob|    1|
      +---+-----+-----+`;
    await shows(df4, withDots);
    await shows(df4.drop('a.b.c'), `
      +---+-----+
      |age| name|
      +---+-----+
      | 14|  Tom|
      | 23|Alice|
      | 16|  Bob|
      +---+-----+`);
    await shows(df4.drop(F.col('a.b.c')), withDots);
  });

  it('toDF and transform', async () => {
    await shows(tomAliceBob().toDF('f1', 'f2'), `
      +---+-----+
      | f1|   f2|
      +---+-----+
      | 14|  Tom|
      | 23|Alice|
      | 16|  Bob|
      +---+-----+`);
    // Python's 1.0 is a float; JavaScript's 1.0 is the integer 1, so the schema says double.
    const df = fc.createDataFrame([[1, 1.0], [2, 2.0]], 'int BIGINT, float DOUBLE');
    const castAllToInt = (input: DataFrame) => input.select(input.columns.map((name) => col(name).cast('int')));
    const sortColumnsAsc = (input: DataFrame) => input.select(...[...input.columns].sort());
    await shows(df.transform(castAllToInt).transform(sortColumnsAsc), `
      +-----+---+
      |float|int|
      +-----+---+
      |    1|  1|
      |    2|  2|
      +-----+---+`);
    const addN = (input: DataFrame, n: number) => input.select(input.columns.map((name) => col(name).plus(n).alias(name)));
    await shows(df.transform(addN, 1).transform(addN, 10), `
      +---+-----+
      |int|float|
      +---+-----+
      | 12| 12.0|
      | 13| 13.0|
      +---+-----+`);
  });
});

describe('statistics', () => {
  // As for describe(): the doctests run on local[4], so these three rows sit in their own slices.
  const pairs = (rows: number[][], names: [string, string]) => fc.createDataFrame(fc.parallelize(rows, 4), `${names[0]} BIGINT, ${names[1]} BIGINT`);

  it('corr and cov', async () => {
    expect(await pairs([[1, 12], [10, 1], [19, 8]], ['c1', 'c2']).corr('c1', 'c2')).toBe(-0.3592106040535498);
    expect(await pairs([[11, 12], [10, 11], [9, 10]], ['small', 'bigger']).corr('small', 'bigger')).toBe(1.0);
    expect(await pairs([[1, 12], [10, 1], [19, 8]], ['c1', 'c2']).cov('c1', 'c2')).toBe(-18.0);
    expect(await pairs([[11, 12], [10, 11], [9, 10]], ['small', 'bigger']).cov('small', 'bigger')).toBe(1.0);
  });
});

describe('unpivot and melt', () => {
  it('ids, value columns widened to their common type, per input row', async () => {
    const df = fc.createDataFrame([[1, 11, 1.1], [2, 12, 1.2]], ['id', 'int', 'double']);
    await shows(df, `
      +---+---+------+
      | id|int|double|
      +---+---+------+
      |  1| 11|   1.1|
      |  2| 12|   1.2|
      +---+---+------+`);
    const long = `
      +---+------+----+
      | id|   var| val|
      +---+------+----+
      |  1|   int|11.0|
      |  1|double| 1.1|
      |  2|   int|12.0|
      |  2|double| 1.2|
      +---+------+----+`;
    await shows(df.unpivot('id', ['int', 'double'], 'var', 'val'), long);
    await shows(df.melt('id', undefined, 'var', 'val'), long);
  });
});
