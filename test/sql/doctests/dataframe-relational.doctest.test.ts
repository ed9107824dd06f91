// PySpark 4's docstring examples of pyspark.sql.DataFrame, part 2: column access, select, filter,
// groupBy/agg, joins and set operations.
// Written as a Flint user writes them; the expected text is copied from the docstrings. What is
// not ported is listed in dataframe.doctest.test.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FlintContext, functions as F, col, lit, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-dataframe-relational' });
});

afterAll(async () => {
  await fc.stop();
});

const tomAliceBob = () => fc.createDataFrame([[14, 'Tom'], [23, 'Alice'], [16, 'Bob']], ['age', 'name']);
const aliceBob = () => fc.createDataFrame([[2, 'Alice'], [5, 'Bob']], ['age', 'name']);

describe('column access, select, selectExpr, filter', () => {
  it('df.col and select', async () => {
    const df = aliceBob();
    await shows(df.select(df.col('age')), `
      +---+
      |age|
      +---+
      |  2|
      |  5|
      +---+`);
    await shows(df.select(['name', 'age']), `
      +-----+---+
      | name|age|
      +-----+---+
      |Alice|  2|
      |  Bob|  5|
      +-----+---+`);
    await shows(df.filter(df.col('age').gt(3)), `
      +---+----+
      |age|name|
      +---+----+
      |  5| Bob|
      +---+----+`);
    await shows(df.select('*'), `
      +---+-----+
      |age| name|
      +---+-----+
      |  2|Alice|
      |  5|  Bob|
      +---+-----+`);
    await shows(df.select(df.col('name'), df.col('age').plus(10).alias('age')), `
      +-----+---+
      | name|age|
      +-----+---+
      |Alice| 12|
      |  Bob| 15|
      +-----+---+`);
    await shows(df.selectExpr('age * 2', 'abs(age)'), `
      +---------+--------+
      |(age * 2)|abs(age)|
      +---------+--------+
      |        4|       2|
      |       10|       5|
      +---------+--------+`);
  });

  it('filter and where', async () => {
    const df = fc.createDataFrame([[2, 'Alice', 'Math'], [5, 'Bob', 'Physics'], [7, 'Charlie', 'Chemistry']], ['age', 'name', 'subject']);
    const over3 = `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  5|    Bob|  Physics|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`;
    const is2 = `
      +---+-----+-------+
      |age| name|subject|
      +---+-----+-------+
      |  2|Alice|   Math|
      +---+-----+-------+`;
    const bob = `
      +---+----+-------+
      |age|name|subject|
      +---+----+-------+
      |  5| Bob|Physics|
      +---+----+-------+`;
    const aliceBobRows = `
      +---+-----+-------+
      |age| name|subject|
      +---+-----+-------+
      |  2|Alice|   Math|
      |  5|  Bob|Physics|
      +---+-----+-------+`;
    await shows(df.filter(df.col('age').gt(3)), over3);
    await shows(df.where(df.col('age').equalTo(2)), is2);
    await shows(df.filter('age > 3'), over3);
    await shows(df.where('age = 2'), is2);
    await shows(df.filter(df.col('age').gt(3).and(df.col('subject').equalTo('Physics'))), bob);
    await shows(df.filter(df.col('age').equalTo(2).or(df.col('subject').equalTo('Chemistry'))), `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  2|  Alice|     Math|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`);
    await shows(df.filter("age > 3 AND name = 'Bob'"), bob);
    await shows(df.filter(df.col('name').isin('Alice', 'Bob')), aliceBobRows);
    await shows(df.filter(df.col('subject').isin(['Math', 'Physics'])), aliceBobRows);
    await shows(df.filter(F.not(df.col('name').isin(['Alice', 'Charlie']))), bob);
    await shows(df.filter(df.col('name').isNotNull()), `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  2|  Alice|     Math|
      |  5|    Bob|  Physics|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`);
    await shows(df.filter(df.col('name').like('Al%')), is2);
    await shows(df.filter(df.col('name').contains('i')), `
      +---+-------+---------+
      |age|   name|  subject|
      +---+-------+---------+
      |  2|  Alice|     Math|
      |  7|Charlie|Chemistry|
      +---+-------+---------+`);
    await shows(df.filter(df.col('age').between(2, 5)), aliceBobRows);
  });
});

describe('groupBy and agg', () => {
  it('groupBy: global, dict, max, ordinals, lists', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 2], ['Bob', 2], ['Bob', 5]], ['name', 'age']);
    await shows(df.groupBy().avg(), `
      +--------+
      |avg(age)|
      +--------+
      |    2.75|
      +--------+`);
    await shows(df.groupBy('name').agg({ age: 'sum' }).sort('name'), `
      +-----+--------+
      | name|sum(age)|
      +-----+--------+
      |Alice|       2|
      |  Bob|       9|
      +-----+--------+`);
    const maxes = `
      +-----+--------+
      | name|max(age)|
      +-----+--------+
      |Alice|       2|
      |  Bob|       5|
      +-----+--------+`;
    await shows(df.groupBy(df.col('name')).max().sort('name'), maxes);
    await shows(df.groupBy(1).max().sort('name'), maxes);
    const counts = `
      +-----+---+-----+
      | name|age|count|
      +-----+---+-----+
      |Alice|  2|    1|
      |  Bob|  2|    2|
      |  Bob|  5|    1|
      +-----+---+-----+`;
    await shows(df.groupBy(['name', df.col('age')]).count().sort('name', 'age'), counts);
    await shows(df.groupBy([df.col('name'), 2]).count().sort('name', 'age'), counts);
  });

  it('agg on the whole DataFrame', async () => {
    const df = aliceBob();
    await shows(df.agg({ age: 'max' }), `
      +--------+
      |max(age)|
      +--------+
      |       5|
      +--------+`);
    await shows(df.agg(F.min(df.col('age'))), `
      +--------+
      |min(age)|
      +--------+
      |       2|
      +--------+`);
  });
});

describe('joins', () => {
  // PySpark's Rows keep their field order: arrays with column names here.
  const df = () => fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
  const df2 = () => fc.createDataFrame([['Tom', 80], ['Bob', 85]], ['name', 'height']);
  const df3 = () =>
    fc.createDataFrame([['Alice', 10, 80], ['Bob', 5, null], ['Tom', null, null], [null, null, null]], 'name STRING, age BIGINT, height BIGINT');

  it('inner, outer, left, right, semi and anti on columns', async () => {
    await shows(df().join(df2(), 'name'), `
      +----+---+------+
      |name|age|height|
      +----+---+------+
      | Bob|  5|    85|
      +----+---+------+`);
    await shows(df().join(df3(), ['name', 'age']), `
      +----+---+------+
      |name|age|height|
      +----+---+------+
      | Bob|  5|  NULL|
      +----+---+------+`);
    const a = df();
    const b = df2();
    const joined = a.join(b, a.col('name').equalTo(b.col('name')), 'outer').sort(F.desc(a.col('name')));
    await shows(joined, `
      +-----+----+----+------+
      | name| age|name|height|
      +-----+----+----+------+
      |  Bob|   5| Bob|    85|
      |Alice|   2|NULL|  NULL|
      | NULL|NULL| Tom|    80|
      +-----+----+----+------+`);
    await shows(joined.select(a.col('name'), b.col('height')), `
      +-----+------+
      | name|height|
      +-----+------+
      |  Bob|    85|
      |Alice|  NULL|
      | NULL|    80|
      +-----+------+`);
    await shows(df().alias('a').join(df().alias('b'), F.col('a.name').equalTo(F.col('b.name')), 'outer').sort(F.desc('a.name')).select('a.name', 'b.age'), `
      +-----+---+
      | name|age|
      +-----+---+
      |  Bob|  5|
      |Alice|  2|
      +-----+---+`);
    await shows(df().join(df2(), 'name', 'outer').sort(F.desc('name')), `
      +-----+----+------+
      | name| age|height|
      +-----+----+------+
      |  Tom|NULL|    80|
      |  Bob|   5|    85|
      |Alice|   2|  NULL|
      +-----+----+------+`);
    await shows(df().join(df3(), ['name', 'age'], 'outer').sort('name', 'age'), `
      +-----+----+------+
      | name| age|height|
      +-----+----+------+
      | NULL|NULL|  NULL|
      |Alice|   2|  NULL|
      |Alice|  10|    80|
      |  Bob|   5|  NULL|
      |  Tom|NULL|  NULL|
      +-----+----+------+`);
    await shows(df().join(df2(), 'name', 'left_outer').sort('name'), `
      +-----+---+------+
      | name|age|height|
      +-----+---+------+
      |Alice|  2|  NULL|
      |  Bob|  5|    85|
      +-----+---+------+`);
    await shows(df().join(df2(), 'name', 'right_outer').sort(F.desc('name')), `
      +----+----+------+
      |name| age|height|
      +----+----+------+
      | Tom|NULL|    80|
      | Bob|   5|    85|
      +----+----+------+`);
    await shows(df().join(df2(), 'name', 'left_semi'), `
      +----+---+
      |name|age|
      +----+---+
      | Bob|  5|
      +----+---+`);
    await shows(df().join(df2(), 'name', 'left_anti'), `
      +-----+---+
      | name|age|
      +-----+---+
      |Alice|  2|
      +-----+---+`);
  });

  it('alias: a self-join through aliases', async () => {
    const df = tomAliceBob();
    const joined = df.alias('df_as1').join(df.alias('df_as2'), col('df_as1.name').equalTo(col('df_as2.name')), 'inner');
    await shows(joined.select('df_as1.name', 'df_as2.name', 'df_as2.age').sort(F.desc('df_as1.name')), `
      +-----+-----+---+
      | name| name|age|
      +-----+-----+---+
      |  Tom|  Tom| 14|
      |  Bob|  Bob| 16|
      |Alice|Alice| 23|
      +-----+-----+---+`);
  });

  it('crossJoin', async () => {
    const df = tomAliceBob();
    const heights = fc.createDataFrame([[80, 'Tom'], [85, 'Bob']], ['height', 'name']);
    await shows(df.crossJoin(heights.select('height')).select('age', 'name', 'height'), `
      +---+-----+------+
      |age| name|height|
      +---+-----+------+
      | 14|  Tom|    80|
      | 14|  Tom|    85|
      | 23|Alice|    80|
      | 23|Alice|    85|
      | 16|  Bob|    80|
      | 16|  Bob|    85|
      +---+-----+------+`);
  });
});

describe('set operations', () => {
  it('union', async () => {
    const df1 = fc.createDataFrame([[1, 'A'], [2, 'B']], ['id', 'value']);
    const df2 = fc.createDataFrame([[3, 'C'], [4, 'D']], ['id', 'value']);
    const abcd = `
      +---+-----+
      | id|value|
      +---+-----+
      |  1|    A|
      |  2|    B|
      |  3|    C|
      |  4|    D|
      +---+-----+`;
    await shows(df1.union(df2), abcd);
    const m1 = fc.createDataFrame([[100001, 1], [100002, 2]], 'id LONG, money INT').withColumn('age', lit(30));
    const m2 = fc.createDataFrame([[3, 100003], [4, 100003]], 'money INT, id LONG').withColumn('age', lit(40));
    await shows(m1.union(m2), `
      +------+------+---+
      |    id| money|age|
      +------+------+---+
      |100001|     1| 30|
      |100002|     2| 30|
      |     3|100003| 40|
      |     4|100003| 40|
      +------+------+---+`);
    await shows(fc.createDataFrame([[1, 2]], ['A', 'B']).union(fc.createDataFrame([[3, 4]], ['C', 'D'])), `
      +---+---+
      |  A|  B|
      +---+---+
      |  1|  2|
      |  3|  4|
      +---+---+`);
    const d1 = fc.createDataFrame([[1, 'A'], [2, 'B'], [3, 'C']], ['id', 'value']);
    await shows(d1.union(df2.filter('id = 3').union(df2)).distinct().sort('id'), abcd);
  });

  it('unionByName', async () => {
    const df1 = fc.createDataFrame([[1, 2, 3]], ['col0', 'col1', 'col2']);
    await shows(df1.unionByName(fc.createDataFrame([[4, 5, 6]], ['col1', 'col2', 'col0'])), `
      +----+----+----+
      |col0|col1|col2|
      +----+----+----+
      |   1|   2|   3|
      |   6|   4|   5|
      +----+----+----+`);
    await shows(df1.unionByName(fc.createDataFrame([[4, 5, 6]], ['col1', 'col2', 'col3']), true), `
      +----+----+----+----+
      |col0|col1|col2|col3|
      +----+----+----+----+
      |   1|   2|   3|NULL|
      |NULL|   4|   5|   6|
      +----+----+----+----+`);
    await shows(df1.unionByName(fc.createDataFrame([[4, 5, 6, 7]], ['col1', 'col2', 'col3', 'col4']), true), `
      +----+----+----+----+----+
      |col0|col1|col2|col3|col4|
      +----+----+----+----+----+
      |   1|   2|   3|NULL|NULL|
      |NULL|   4|   5|   6|   7|
      +----+----+----+----+----+`);
    const zero = fc.createDataFrame([[0, 1, 2]], ['col0', 'col1', 'col2']);
    await shows(zero.unionByName(fc.createDataFrame([[3, 4, 5]], ['col3', 'col4', 'col5']), true), `
      +----+----+----+----+----+----+
      |col0|col1|col2|col3|col4|col5|
      +----+----+----+----+----+----+
      |   0|   1|   2|NULL|NULL|NULL|
      |NULL|NULL|NULL|   3|   4|   5|
      +----+----+----+----+----+----+`);
  });

  it('intersect, intersectAll and subtract', async () => {
    const df1 = fc.createDataFrame([['a', 1], ['a', 1], ['b', 3], ['c', 4]], ['C1', 'C2']);
    const df2 = fc.createDataFrame([['a', 1], ['a', 1], ['b', 3]], ['C1', 'C2']);
    await shows(df1.intersect(df2).sort('C1', 'C2'), `
      +---+---+
      | C1| C2|
      +---+---+
      |  a|  1|
      |  b|  3|
      +---+---+`);
    await shows(df1.intersectAll(df2).sort('C1', 'C2'), `
      +---+---+
      | C1| C2|
      +---+---+
      |  a|  1|
      |  a|  1|
      |  b|  3|
      +---+---+`);
    await shows(df1.subtract(df2), `
      +---+---+
      | C1| C2|
      +---+---+
      |  c|  4|
      +---+---+`);
    const i1 = fc.createDataFrame([[1, 'A'], [2, 'B']], ['id', 'value']);
    const i2 = fc.createDataFrame([[2, 'B'], [3, 'C']], ['id', 'value']);
    await shows(i1.intersect(i2).sort('id', 'value'), `
      +---+-----+
      | id|value|
      +---+-----+
      |  2|    B|
      +---+-----+`);
    await shows(i1.intersectAll(i2).sort('id', 'value'), `
      +---+-----+
      | id|value|
      +---+-----+
      |  2|    B|
      +---+-----+`);
    await shows(i1.subtract(i2), `
      +---+-----+
      | id|value|
      +---+-----+
      |  1|    A|
      +---+-----+`);
    const m1 = fc.createDataFrame([[1, 2], [1, 2], [3, 4]], ['A', 'B']);
    const m2 = fc.createDataFrame([[1, 2], [1, 2]], ['C', 'D']);
    await shows(m1.intersect(m2).sort('A', 'B'), `
      +---+---+
      |  A|  B|
      +---+---+
      |  1|  2|
      +---+---+`);
    await shows(m1.intersectAll(m2).sort('A', 'B'), `
      +---+---+
      |  A|  B|
      +---+---+
      |  1|  2|
      |  1|  2|
      +---+---+`);
    await shows(fc.createDataFrame([[1, 2]], ['A', 'B']).subtract(fc.createDataFrame([[1, 2]], ['C', 'D'])), `
      +---+---+
      |  A|  B|
      +---+---+
      +---+---+`);
  });
});
