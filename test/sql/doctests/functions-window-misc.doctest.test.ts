// PySpark 4's docstring examples of pyspark.sql.functions (functions/builtin.py): window
// functions, conditionals, rounding and the miscellaneous functions around them, written as a
// Flint user writes them; expected text copied from the docstrings.
//
// Not ported:
// - approx_count_distinct, grouping/grouping_id (cube), count_min_sketch, randn/rand with a seed
//   (Spark's generator), try_conv: not in Flint (see the report). width_bucket, input_file_name,
//   monotonically_increasing_id, percentile, spark_partition_id and conv: in functions-misc.
// - percentile_approx/approx_percentile examples: they draw their data from randn(42).
// - udf with keyword arguments at the call (`calc(b=..., a=...)`) and asNondeterministic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Window, functions as sf, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-window-misc' });
});

afterAll(async () => {
  await fc.stop();
});


const range = (n: number) => fc.sql(`SELECT * FROM range(${n})`);

describe('ranking window functions', () => {
  it('row_number over a descending order', async () => {
    const df = range(3);
    const w = Window.orderBy(df.col('id').desc());
    await shows(df.withColumn('desc_order', sf.row_number().over(w)), `
      +---+----------+
      | id|desc_order|
      +---+----------+
      |  2|         1|
      |  1|         2|
      |  0|         3|
      +---+----------+`);
  });

  it('dense_rank, rank, cume_dist, percent_rank', async () => {
    const ints = (values: number[]) => fc.createDataFrame(values, 'INT');
    const w = Window.orderBy('value');
    await shows(ints([1, 1, 2, 3, 3, 4]).withColumn('drank', sf.dense_rank().over(w)), `
      +-----+-----+
      |value|drank|
      +-----+-----+
      |    1|    1|
      |    1|    1|
      |    2|    2|
      |    3|    3|
      |    3|    3|
      |    4|    4|
      +-----+-----+`);
    await shows(ints([1, 1, 2, 3, 3, 4]).withColumn('drank', sf.rank().over(w)), `
      +-----+-----+
      |value|drank|
      +-----+-----+
      |    1|    1|
      |    1|    1|
      |    2|    3|
      |    3|    4|
      |    3|    4|
      |    4|    6|
      +-----+-----+`);
    await shows(ints([1, 2, 3, 3, 4]).withColumn('cd', sf.cume_dist().over(w)), `
      +-----+---+
      |value| cd|
      +-----+---+
      |    1|0.2|
      |    2|0.4|
      |    3|0.8|
      |    3|0.8|
      |    4|1.0|
      +-----+---+`);
    await shows(ints([1, 1, 2, 3, 3, 4]).withColumn('pr', sf.percent_rank().over(w)), `
      +-----+---+
      |value| pr|
      +-----+---+
      |    1|0.0|
      |    1|0.0|
      |    2|0.4|
      |    3|0.6|
      |    3|0.6|
      |    4|1.0|
      +-----+---+`);
  });
});

describe('conditionals and null handling', () => {
  it('broadcast marks a join side and keeps the answer', async () => {
    const df = fc.createDataFrame([1, 2, 3, 3, 4], 'INT');
    const small = range(3);
    await shows(df.join(sf.broadcast(small), df.col('value').equalTo(small.col('id'))).sort('value'), `
      +-----+---+
      |value| id|
      +-----+---+
      |    1|  1|
      |    2|  2|
      +-----+---+`);
  });

  it('coalesce', async () => {
    const cDf = fc.createDataFrame([[null, null], [1, null], [null, 2]], 'a BIGINT, b BIGINT');
    await shows(cDf, `
      +----+----+
      |   a|   b|
      +----+----+
      |NULL|NULL|
      |   1|NULL|
      |NULL|   2|
      +----+----+`);
    await shows(cDf.select(sf.coalesce(cDf.col('a'), cDf.col('b'))), `
      +--------------+
      |coalesce(a, b)|
      +--------------+
      |          NULL|
      |             1|
      |             2|
      +--------------+`);
    // Python's 0.0 is a double literal (named 0.0); here lit(0.5 - 0.5) would still be 0, so the
    // literal is cast: the column's name then shows the cast, its values are Spark's.
    const [named] = cDf.select('*', sf.coalesce(cDf.col('a'), sf.lit(0).cast('double'))).columns.slice(2);
    expect(named).toBe('coalesce(a, CAST(0 AS DOUBLE))');
    expect(await cDf.select(sf.coalesce(cDf.col('a'), sf.lit(0).cast('double')).alias('c')).collect()).toEqual([{ c: 0 }, { c: 1 }, { c: 0 }]);
  });

  it('isnan, isnull, nanvl', async () => {
    const ab = fc.createDataFrame([[1.0, NaN], [NaN, 2.0]], 'a DOUBLE, b DOUBLE');
    await shows(ab.select('a', 'b', sf.isnan('a').alias('r1'), sf.isnan(ab.col('b')).alias('r2')), `
      +---+---+-----+-----+
      |  a|  b|   r1|   r2|
      +---+---+-----+-----+
      |1.0|NaN|false| true|
      |NaN|2.0| true|false|
      +---+---+-----+-----+`);
    expect(await ab.select(sf.nanvl('a', 'b').alias('r1'), sf.nanvl(ab.col('a'), ab.col('b')).alias('r2')).collect()).toEqual([
      { r1: 1.0, r2: 1.0 },
      { r1: 2.0, r2: 2.0 },
    ]);
    const nulls = fc.createDataFrame([[1, null], [null, 2]], 'a BIGINT, b BIGINT');
    await shows(nulls.select('a', 'b', sf.isnull('a').alias('r1'), sf.isnull(nulls.col('b')).alias('r2')), `
      +----+----+-----+-----+
      |   a|   b|   r1|   r2|
      +----+----+-----+-----+
      |   1|NULL|false| true|
      |NULL|   2| true|false|
      +----+----+-----+-----+`);
  });

  it('when', async () => {
    const df = range(3);
    await shows(df.select(sf.when(df.col('id').equalTo(2), 3).otherwise(4).alias('age')), `
      +---+
      |age|
      +---+
      |  4|
      |  4|
      |  3|
      +---+`);
    await shows(df.select(sf.when(df.col('id').equalTo(2), df.col('id').plus(1)).alias('age')), `
      +----+
      | age|
      +----+
      |NULL|
      |NULL|
      |   3|
      +----+`);
  });

  it('greatest, least', async () => {
    const df = fc.createDataFrame([[1, 4, 3]], ['a', 'b', 'c']);
    expect(await df.select(sf.greatest(df.col('a'), df.col('b'), df.col('c')).alias('greatest')).collect()).toEqual([{ greatest: 4 }]);
    expect(await df.select(sf.least(df.col('a'), df.col('b'), df.col('c')).alias('least')).collect()).toEqual([{ least: 1 }]);
  });
});

describe('aggregates over groups', () => {
  it('count_distinct and countDistinct', async () => {
    const df = fc.createDataFrame([[1], [1], [3]], ['value']);
    const two = `
      +---------------------+
      |count(DISTINCT value)|
      +---------------------+
      |                    2|
      +---------------------+`;
    await shows(df.select(sf.count_distinct(df.col('value'))), two);
    await shows(df.select(sf.countDistinct(df.col('value'))), two);
    const pairs = fc.createDataFrame([[1, 1], [1, 2]], ['value1', 'value2']);
    const pairCount = `
      +------------------------------+
      |count(DISTINCT value1, value2)|
      +------------------------------+
      |                             2|
      +------------------------------+`;
    await shows(pairs.select(sf.count_distinct(pairs.col('value1'), pairs.col('value2'))), pairCount);
    await shows(pairs.select(sf.count_distinct('value1', 'value2')), pairCount);
  });

  it('first and last in the current order, with ignorenulls', async () => {
    const people = fc.createDataFrame([['Alice', 2], ['Bob', 5], ['Alice', null]], 'name STRING, age BIGINT');
    // One partition keeps the order the doctest's sort gives (Spark's doctest relies on it too).
    const up = people.orderBy(people.col('age')).coalesce(1);
    await shows(up.groupBy('name').agg(sf.first('age')).orderBy('name'), `
      +-----+----------+
      | name|first(age)|
      +-----+----------+
      |Alice|      NULL|
      |  Bob|         5|
      +-----+----------+`);
    await shows(up.groupBy('name').agg(sf.first('age', true)).orderBy('name'), `
      +-----+----------+
      | name|first(age)|
      +-----+----------+
      |Alice|         2|
      |  Bob|         5|
      +-----+----------+`);
    const down = people.orderBy(people.col('age').desc()).coalesce(1);
    await shows(down.groupBy('name').agg(sf.last('age')).orderBy('name'), `
      +-----+---------+
      | name|last(age)|
      +-----+---------+
      |Alice|     NULL|
      |  Bob|        5|
      +-----+---------+`);
    await shows(down.groupBy('name').agg(sf.last('age', true)).orderBy('name'), `
      +-----+---------+
      | name|last(age)|
      +-----+---------+
      |Alice|        2|
      |  Bob|        5|
      +-----+---------+`);
  });
});

describe('corr, covar_pop, covar_samp', () => {
  it('a perfect correlation and constant columns', async () => {
    const ab = fc.createDataFrame(Array.from({ length: 20 }, (_, x) => [x, 2 * x]), ['a', 'b']);
    expect(await ab.agg(sf.corr('a', 'b').alias('c')).collect()).toEqual([{ c: 1.0 }]);
    const ones = fc.createDataFrame(Array.from({ length: 10 }, () => [1, 1]), ['a', 'b']);
    expect(await ones.agg(sf.covar_pop('a', 'b').alias('c')).collect()).toEqual([{ c: 0.0 }]);
    expect(await ones.agg(sf.covar_samp('a', 'b').alias('c')).collect()).toEqual([{ c: 0.0 }]);
  });
});

describe('rounding, logarithms and integer functions', () => {
  it('round and bround', async () => {
    await shows(range(1).select(sf.round(sf.lit(2.5))), `
      +-------------+
      |round(2.5, 0)|
      +-------------+
      |          3.0|
      +-------------+`);
    await shows(range(1).select(sf.round(sf.lit(2.1267), sf.lit(2))), `
      +----------------+
      |round(2.1267, 2)|
      +----------------+
      |            2.13|
      +----------------+`);
    await shows(range(1).select(sf.bround(sf.lit(2.5))), `
      +--------------+
      |bround(2.5, 0)|
      +--------------+
      |           2.0|
      +--------------+`);
    await shows(range(1).select(sf.bround(sf.lit(2.1267), sf.lit(2))), `
      +-----------------+
      |bround(2.1267, 2)|
      +-----------------+
      |             2.13|
      +-----------------+`);
  });

  it('log with a base, ln, log2', async () => {
    const df = fc.sql('SELECT * FROM VALUES (1), (2), (4) AS t(value)');
    await shows(df.select(sf.log(2.0, df.col('value')).alias('log2_value')), `
      +----------+
      |log2_value|
      +----------+
      |       0.0|
      |       1.0|
      |       2.0|
      +----------+`);
    await shows(df.select(sf.log(df.col('value')).alias('ln_value')), `
      +------------------+
      |          ln_value|
      +------------------+
      |               0.0|
      |0.6931471805599453|
      |1.3862943611198906|
      +------------------+`);
    const a = fc.createDataFrame([[4]], ['a']);
    await shows(a.select(sf.ln('a')), `
      +------------------+
      |             ln(a)|
      +------------------+
      |1.3862943611198906|
      +------------------+`);
    await shows(a.select(sf.log2('a').alias('log2')), `
      +----+
      |log2|
      +----+
      | 2.0|
      +----+`);
  });

  it('pmod, shiftleft, shiftright, shiftrightunsigned, factorial', async () => {
    const df = fc.createDataFrame(
      [[1.0, NaN], [NaN, 2.0], [10.0, 3.0], [NaN, NaN], [-3.0, 4.0], [-10.0, 3.0], [-5.0, -6.0], [7.0, -8.0], [1.0, 2.0]],
      'a DOUBLE, b DOUBLE',
    );
    await shows(df.select(sf.pmod('a', 'b')), `
      +----------+
      |pmod(a, b)|
      +----------+
      |       NaN|
      |       NaN|
      |       1.0|
      |       NaN|
      |       1.0|
      |       2.0|
      |      -5.0|
      |       7.0|
      |       1.0|
      +----------+`);
    expect(await fc.createDataFrame([[21]], ['a']).select(sf.shiftleft('a', 1).alias('r')).collect()).toEqual([{ r: 42 }]);
    expect(await fc.createDataFrame([[42]], ['a']).select(sf.shiftright('a', 1).alias('r')).collect()).toEqual([{ r: 21 }]);
    // 9223372036854775787 is past JavaScript's safe integers: a long collects it exactly, as a JS bigint.
    const [unsigned] = await fc.createDataFrame([[-42]], ['a']).select(sf.shiftrightunsigned('a', 1).alias('r')).collect();
    expect(unsigned.r).toBe(9223372036854775787n);
    expect(await fc.createDataFrame([[5]], ['n']).select(sf.factorial(sf.col('n')).alias('f')).collect()).toEqual([{ f: 120 }]);
  });
});

describe('expressions and structs', () => {
  it('expr', async () => {
    await shows(fc.createDataFrame([['Alice'], ['Bob']], ['name']).select('name', sf.expr('length(name)')), `
      +-----+------------+
      | name|length(name)|
      +-----+------------+
      |Alice|           5|
      |  Bob|           3|
      +-----+------------+`);
  });

  it('struct and named_struct', async () => {
    const df = fc.createDataFrame([['Alice', 2], ['Bob', 5]], ['name', 'age']);
    const expected = [{ struct: { age: 2, name: 'Alice' } }, { struct: { age: 5, name: 'Bob' } }];
    expect(await df.select(sf.struct('age', 'name').alias('struct')).collect()).toEqual(expected);
    expect(await df.select(sf.struct([df.col('age'), df.col('name')]).alias('struct')).collect()).toEqual(expected);
    const abc = fc.createDataFrame([[1, 2, 3]], ['a', 'b', 'c']);
    expect(await abc.select(sf.named_struct(sf.lit('x'), abc.col('a'), sf.lit('y'), abc.col('b')).alias('r')).collect()).toEqual([{ r: { x: 1, y: 2 } }]);
  });
});

describe('udf', () => {
  it('a lambda with a return type, a function named after itself, an int result', async () => {
    const slen = sf.udf((s: string) => s.length, 'int');
    function to_upper(s: string | null): string | null {
      return s === null ? null : s.toUpperCase();
    }
    function add_one(x: number | null): number | null {
      return x === null ? null : x + 1;
    }
    const toUpper = sf.udf(to_upper);
    const addOne = sf.udf(add_one, 'int');
    const df = fc.createDataFrame([[1, 'John Doe', 21]], ['id', 'name', 'age']);
    await shows(df.select(slen('name').alias('slen(name)'), toUpper('name'), addOne('age')), `
      +----------+--------------+------------+
      |slen(name)|to_upper(name)|add_one(age)|
      +----------+--------------+------------+
      |         8|      JOHN DOE|          22|
      +----------+--------------+------------+`);
  });
});
