// PySpark's docstring examples of pyspark.sql.Column (column.py), GroupedData (group.py) and
// Window (window.py), written as a Flint user writes them; expected text copied from the
// docstrings (Spark 4 prints NULL where Spark 3's docstrings show null).
//
// Not ported:
// - Column repr (`Column<'name'>`), alias(..., metadata=...): Python-only.
// - withField, dropFields: not in Flint (see the report of issue 11).
// - GroupedData.apply (pandas UDF).
// - pivot("course") without values: Flint needs the values (DataFrames are analyzed as they are
//   built, before any job runs); the example with values is ported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Window, functions as F, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;
let df: DataFrame;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-column' });
  df = fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);
});

afterAll(async () => {
  await fc.stop();
});


describe('Column operators', () => {
  it('eqNullSafe', async () => {
    const df1 = fc.createDataFrame([[1, 'foo'], [2, null]], 'id BIGINT, value STRING');
    await shows(df1.select(df1.col('value').equalTo('foo'), df1.col('value').eqNullSafe('foo'), df1.col('value').eqNullSafe(null)), `
      +-------------+---------------+----------------+
      |(value = foo)|(value <=> foo)|(value <=> NULL)|
      +-------------+---------------+----------------+
      |         true|           true|           false|
      |         NULL|          false|            true|
      +-------------+---------------+----------------+`);
    const df2 = fc.createDataFrame([['bar'], [null]], 'value STRING');
    expect(await df1.join(df2, df1.col('value').equalTo(df2.col('value'))).count()).toBe(0);
    expect(await df1.join(df2, df1.col('value').eqNullSafe(df2.col('value'))).count()).toBe(1);
    const df3 = fc.createDataFrame([[1, NaN], [2, 42.0], [3, null]], 'id BIGINT, value DOUBLE');
    // Python's 42.0 is a double literal, named 42.0; JavaScript's 42.0 is the integer 42 (an int
    // literal, cast to double by the analyzer), so the last column is named (value <=> 42).
    await shows(df3.select(df3.col('value').eqNullSafe(null), df3.col('value').eqNullSafe(NaN), df3.col('value').eqNullSafe(42.0)), `
      +----------------+---------------+--------------+
      |(value <=> NULL)|(value <=> NaN)|(value <=> 42)|
      +----------------+---------------+--------------+
      |           false|           true|         false|
      |           false|          false|          true|
      |            true|          false|         false|
      +----------------+---------------+--------------+`);
  });

  it('bitwiseOR, bitwiseAND, bitwiseXOR', async () => {
    const ab = fc.createDataFrame([[170, 75]], ['a', 'b']);
    expect(await ab.select(ab.col('a').bitwiseOR(ab.col('b'))).collect()).toEqual([{ '(a | b)': 235 }]);
    expect(await ab.select(ab.col('a').bitwiseAND(ab.col('b'))).collect()).toEqual([{ '(a & b)': 10 }]);
    expect(await ab.select(ab.col('a').bitwiseXOR(ab.col('b'))).collect()).toEqual([{ '(a ^ b)': 225 }]);
  });

  it('getItem and getField', async () => {
    const ld = fc.createDataFrame([[[1, 2], new Map([['key', 'value']])]], ['l', 'd']);
    await shows(ld.select(ld.col('l').getItem(0), ld.col('d').getItem('key')), `
      +----+------+
      |l[0]|d[key]|
      +----+------+
      |   1| value|
      +----+------+`);
    const r = fc.createDataFrame([{ r: { a: 1, b: 'b' } }]);
    await shows(r.select(r.col('r').getField('b')), `
      +---+
      |r.b|
      +---+
      |  b|
      +---+`);
    // PySpark's df.r.a
    await shows(r.select(r.col('r').getField('a')), `
      +---+
      |r.a|
      +---+
      |  1|
      +---+`);
  });
});

describe('Column string predicates', () => {
  it('contains, startswith, endswith, like, rlike, ilike', async () => {
    expect(await df.filter(df.col('name').contains('o')).collect()).toEqual([{ age: 5, name: 'Bob' }]);
    expect(await df.filter(df.col('name').startswith('Al')).collect()).toEqual([{ age: 2, name: 'Alice' }]);
    expect(await df.filter(df.col('name').startswith('^Al')).collect()).toEqual([]);
    expect(await df.filter(df.col('name').endswith('ice')).collect()).toEqual([{ age: 2, name: 'Alice' }]);
    expect(await df.filter(df.col('name').endswith('ice$')).collect()).toEqual([]);
    expect(await df.filter(df.col('name').like('Al%')).collect()).toEqual([{ age: 2, name: 'Alice' }]);
    expect(await df.filter(df.col('name').rlike('ice$')).collect()).toEqual([{ age: 2, name: 'Alice' }]);
    expect(await df.filter(df.col('name').ilike('%Ice')).collect()).toEqual([{ age: 2, name: 'Alice' }]);
  });

  it('substr and isin', async () => {
    expect(await df.select(df.col('name').substr(1, 3).alias('col')).collect()).toEqual([{ col: 'Ali' }, { col: 'Bob' }]);
    expect(await df.filter(df.col('name').isin('Bob', 'Mike')).collect()).toEqual([{ age: 5, name: 'Bob' }]);
    expect(await df.filter(df.col('age').isin([1, 2, 3])).collect()).toEqual([{ age: 2, name: 'Alice' }]);
  });
});

describe('Column ordering', () => {
  const two = () => fc.createDataFrame([['Tom', 80], ['Alice', null]], ['name', 'height']);
  const three = () => fc.createDataFrame([['Tom', 80], [null, 60], ['Alice', null]], ['name', 'height']);

  it('asc, desc and their nulls_first / nulls_last forms', async () => {
    let d = two();
    expect(await d.select(d.col('name')).orderBy(d.col('name').asc()).collect()).toEqual([{ name: 'Alice' }, { name: 'Tom' }]);
    expect(await d.select(d.col('name')).orderBy(d.col('name').desc()).collect()).toEqual([{ name: 'Tom' }, { name: 'Alice' }]);
    d = three();
    expect(await d.select(d.col('name')).orderBy(d.col('name').asc_nulls_first()).collect()).toEqual([{ name: null }, { name: 'Alice' }, { name: 'Tom' }]);
    expect(await d.select(d.col('name')).orderBy(d.col('name').asc_nulls_last()).collect()).toEqual([{ name: 'Alice' }, { name: 'Tom' }, { name: null }]);
    expect(await d.select(d.col('name')).orderBy(d.col('name').desc_nulls_first()).collect()).toEqual([{ name: null }, { name: 'Tom' }, { name: 'Alice' }]);
    expect(await d.select(d.col('name')).orderBy(d.col('name').desc_nulls_last()).collect()).toEqual([{ name: 'Tom' }, { name: 'Alice' }, { name: null }]);
  });

  it('isNull and isNotNull', async () => {
    const d = fc.createDataFrame([['Tom', 80], ['Alice', null]], ['name', 'height']);
    expect(await d.filter(d.col('height').isNull()).collect()).toEqual([{ name: 'Alice', height: null }]);
    expect(await d.filter(d.col('height').isNotNull()).collect()).toEqual([{ name: 'Tom', height: 80 }]);
  });
});

describe('Column naming, casts and conditions', () => {
  it('alias, name, cast and astype', async () => {
    expect(await df.select(df.col('age').alias('age2')).collect()).toEqual([{ age2: 2 }, { age2: 5 }]);
    expect(await df.select(df.col('age').name('age2')).collect()).toEqual([{ age2: 2 }, { age2: 5 }]);
    expect(await df.select(df.col('age').cast('string').alias('ages')).collect()).toEqual([{ ages: '2' }, { ages: '5' }]);
    expect(await df.select(df.col('age').astype('string').alias('ages')).collect()).toEqual([{ ages: '2' }, { ages: '5' }]);
  });

  it('between', async () => {
    await shows(df.select(df.col('name'), df.col('age').between(2, 4)), `
      +-----+---------------------------+
      | name|((age >= 2) AND (age <= 4))|
      +-----+---------------------------+
      |Alice|                       true|
      |  Bob|                      false|
      +-----+---------------------------+`);
  });

  it('when and otherwise', async () => {
    await shows(df.select(df.col('name'), F.when(df.col('age').gt(4), 1).when(df.col('age').lt(3), -1).otherwise(0)), `
      +-----+------------------------------------------------------------+
      | name|CASE WHEN (age > 4) THEN 1 WHEN (age < 3) THEN -1 ELSE 0 END|
      +-----+------------------------------------------------------------+
      |Alice|                                                          -1|
      |  Bob|                                                           1|
      +-----+------------------------------------------------------------+`);
    await shows(df.select(df.col('name'), F.when(df.col('age').gt(3), 1).otherwise(0)), `
      +-----+-------------------------------------+
      | name|CASE WHEN (age > 3) THEN 1 ELSE 0 END|
      +-----+-------------------------------------+
      |Alice|                                    0|
      |  Bob|                                    1|
      +-----+-------------------------------------+`);
  });

  it('over a window', async () => {
    const window = Window.partitionBy('name').orderBy('age').rowsBetween(Window.unboundedPreceding, Window.currentRow);
    await shows(df.withColumn('rank', F.rank().over(window)).withColumn('min', F.min('age').over(window)).sort(F.desc('age')), `
      +---+-----+----+---+
      |age| name|rank|min|
      +---+-----+----+---+
      |  5|  Bob|   1|  5|
      |  2|Alice|   1|  2|
      +---+-----+----+---+`);
  });
});

describe('GroupedData', () => {
  // The group.py doctests declare age an IntegerType column.
  const people = () => fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], 'age INT, name STRING');
  const heights = () => fc.createDataFrame([['Alice', 2, 80], ['Bob', 5, 85]], ['name', 'age', 'height']);

  it('agg with a dict and with Columns', async () => {
    const d = people();
    const gdf = d.groupBy(d.col('name'));
    expect(await gdf.agg({ '*': 'count' }).sort('name').collect()).toEqual([{ name: 'Alice', 'count(1)': 1 }, { name: 'Bob', 'count(1)': 1 }]);
    expect(await gdf.agg(F.min(d.col('age'))).sort('name').collect()).toEqual([{ name: 'Alice', 'min(age)': 2 }, { name: 'Bob', 'min(age)': 5 }]);
  });

  it('count, mean, avg, max, min, sum', async () => {
    const d = people();
    expect(await d.groupBy(d.col('age')).count().sort('age').collect()).toEqual([{ age: 2, count: 1 }, { age: 5, count: 1 }]);
    expect(await d.groupBy().mean('age').collect()).toEqual([{ 'avg(age)': 3.5 }]);
    expect(await heights().groupBy().mean('age', 'height').collect()).toEqual([{ 'avg(age)': 3.5, 'avg(height)': 82.5 }]);
    expect(await d.groupBy().avg('age').collect()).toEqual([{ 'avg(age)': 3.5 }]);
    expect(await heights().groupBy().avg('age', 'height').collect()).toEqual([{ 'avg(age)': 3.5, 'avg(height)': 82.5 }]);
    expect(await d.groupBy().max('age').collect()).toEqual([{ 'max(age)': 5 }]);
    expect(await heights().groupBy().max('age', 'height').collect()).toEqual([{ 'max(age)': 5, 'max(height)': 85 }]);
    expect(await d.groupBy().min('age').collect()).toEqual([{ 'min(age)': 2 }]);
    expect(await heights().groupBy().min('age', 'height').collect()).toEqual([{ 'min(age)': 2, 'min(height)': 80 }]);
    expect(await d.groupBy().sum('age').collect()).toEqual([{ 'sum(age)': 7 }]);
    expect(await heights().groupBy().sum('age', 'height').collect()).toEqual([{ 'sum(age)': 7, 'sum(height)': 165 }]);
  });

  it('pivot with values', async () => {
    const earnings = fc.createDataFrame(
      [['dotNET', 2012, 10000], ['Java', 2012, 20000], ['dotNET', 2012, 5000], ['dotNET', 2013, 48000], ['Java', 2013, 30000]],
      ['course', 'year', 'earnings'],
    );
    expect(await earnings.groupBy('year').pivot('course', ['dotNET', 'Java']).sum('earnings').sort('year').collect()).toEqual([
      { year: 2012, dotNET: 15000, Java: 20000 },
      { year: 2013, dotNET: 48000, Java: 30000 },
    ]);
  });
});

describe('Window frames', () => {
  const tup = () => fc.createDataFrame([[1, 'a'], [1, 'a'], [2, 'a'], [1, 'b'], [2, 'b'], [3, 'b']], ['id', 'category']);

  it('rowsBetween(currentRow, 1)', async () => {
    const window = Window.partitionBy('category').orderBy('id').rowsBetween(Window.currentRow, 1);
    await shows(tup().withColumn('sum', F.sum('id').over(window)).sort('id', 'category', 'sum'), `
      +---+--------+---+
      | id|category|sum|
      +---+--------+---+
      |  1|       a|  2|
      |  1|       a|  3|
      |  1|       b|  3|
      |  2|       a|  2|
      |  2|       b|  5|
      |  3|       b|  3|
      +---+--------+---+`);
  });

  it('rangeBetween(currentRow, 1)', async () => {
    const window = Window.partitionBy('category').orderBy('id').rangeBetween(Window.currentRow, 1);
    await shows(tup().withColumn('sum', F.sum('id').over(window)).sort('id', 'category'), `
      +---+--------+---+
      | id|category|sum|
      +---+--------+---+
      |  1|       a|  4|
      |  1|       a|  4|
      |  1|       b|  3|
      |  2|       a|  2|
      |  2|       b|  5|
      |  3|       b|  3|
      +---+--------+---+`);
  });

  it('rangeBetween(-1, currentRow) over a descending order: preceding rows hold larger values (hand-computed)', async () => {
    const window = Window.partitionBy('category').orderBy(F.desc('id')).rangeBetween(-1, Window.currentRow);
    expect(await tup().withColumn('sum', F.sum('id').over(window)).sort('category', 'id').collect()).toEqual([
      { id: 1, category: 'a', sum: 4 },
      { id: 1, category: 'a', sum: 4 },
      { id: 2, category: 'a', sum: 2 },
      { id: 1, category: 'b', sum: 3 },
      { id: 2, category: 'b', sum: 5 },
      { id: 3, category: 'b', sum: 3 },
    ]);
  });
});
