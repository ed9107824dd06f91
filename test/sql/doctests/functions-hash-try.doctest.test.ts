// PySpark 4's docstring examples of pyspark.sql.functions' hash family (functions/_hash_funcs.py)
// and try_ arithmetic (functions/builtin.py), expected text copied from the docstrings.
//
// Not ported: the try_ examples over interval columns from VALUES and make_interval (Flint has no
// interval columns), and Example 5 of try_add/try_subtract/try_multiply (Python's sys.maxsize;
// overflow is checked below on ints, and on longs in test/sql/bigint-exact.test.ts).
// xxhash64's values are past 2^53: they collect exactly, as JS bigints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-hash-try' });
});

afterAll(async () => {
  await fc.stop();
});

describe('hash functions', () => {
  it('hash (Murmur3, as Spark)', async () => {
    const df = fc.createDataFrame([['ABC', 'DEF']], ['c1', 'c2']);
    await shows(df.select('*', sf.hash('c1')), `
      +---+---+----------+
      | c1| c2|  hash(c1)|
      +---+---+----------+
      |ABC|DEF|-757602832|
      +---+---+----------+`);
    const both = `
      +---+---+------------+
      | c1| c2|hash(c1, c2)|
      +---+---+------------+
      |ABC|DEF|   599895104|
      +---+---+------------+`;
    await shows(df.select('*', sf.hash('c1', df.col('c2'))), both);
    await shows(df.select('*', sf.hash('*')), both);
    // Spark's SQL reference: hash('Spark', array(123), 2) is -1321691492; nulls leave the seed (42).
    expect(await fc.sql("SELECT hash('Spark', array(123), 2) AS h, hash(NULL) AS n").collect()).toEqual([{ h: -1321691492, n: 42 }]);
  });

  it('xxhash64', async () => {
    const df = fc.createDataFrame([['ABC', 'DEF']], ['c1', 'c2']);
    const [row] = await df.select(sf.xxhash64('c1').alias('one'), sf.xxhash64('c1', df.col('c2')).alias('two'), sf.xxhash64('*').alias('star')).collect();
    expect(row).toEqual({ one: 4105715581806190027n, two: 3233247871021311208n, star: 3233247871021311208n });
    // Spark's SQL reference: xxhash64('Spark', array(123), 2) is 5602566077635097486.
    expect(await fc.sql("SELECT xxhash64('Spark', array(123), 2) AS h").collect()).toEqual([{ h: 5602566077635097486n }]);
  });

  it('crc32, md5, sha, sha1, sha2', async () => {
    const df = fc.createDataFrame([['ABC']], ['a']);
    await shows(df.select('*', sf.crc32('a')), `
      +---+----------+
      |a  |crc32(a)  |
      +---+----------+
      |ABC|2743272264|
      +---+----------+`, undefined, false);
    await shows(df.select('*', sf.md5('a')), `
      +---+--------------------------------+
      |a  |md5(a)                          |
      +---+--------------------------------+
      |ABC|902fbdd2b1df0c4f70b4a5d23525e932|
      +---+--------------------------------+`, undefined, false);
    await shows(df.select('*', sf.sha1('a')), `
      +---+----------------------------------------+
      |a  |sha1(a)                                 |
      +---+----------------------------------------+
      |ABC|3c01bdbb26f358bab27f267924aa2c9a03fcfdb8|
      +---+----------------------------------------+`, undefined, false);
    await shows(fc.sql('SELECT * FROM range(1)').select(sf.sha(sf.lit('Spark'))), `
      +--------------------+
      |          sha(Spark)|
      +--------------------+
      |85f5955f4b27a9a4c...|
      +--------------------+`);
    const names = fc.createDataFrame([['Alice'], ['Bob']], ['name']);
    await shows(names.select('*', sf.sha2('name', 256)), `
      +-----+----------------------------------------------------------------+
      |name |sha2(name, 256)                                                 |
      +-----+----------------------------------------------------------------+
      |Alice|3bc51062973c458d5a6f2d8d64a023246354ad7e064b1e4e009ec8a0699a3043|
      |Bob  |cd9fb1e148ccd8442e5aa74904cc73bf6fb54d1d54d333bd596aa9bb4bb4e961|
      +-----+----------------------------------------------------------------+`, undefined, false);
    expect(() => sf.sha2('name', 100)).toThrow(/VALUE_NOT_ALLOWED/);
    expect(await fc.sql("SELECT sha2('Alice', 100) AS s").collect()).toEqual([{ s: null }]);
  });
});

describe('try_ arithmetic', () => {
  const people = () => fc.createDataFrame([[1982, 15], [1990, 2]], ['birth', 'age']);
  const aDate = (d: string) => fc.sql(`SELECT * FROM VALUES (DATE('${d}')) AS TAB(date)`);

  it('try_add and try_subtract', async () => {
    await shows(people().select('*', sf.try_add('birth', 'age')), `
      +-----+---+-------------------+
      |birth|age|try_add(birth, age)|
      +-----+---+-------------------+
      | 1982| 15|               1997|
      | 1990|  2|               1992|
      +-----+---+-------------------+`);
    await shows(aDate('2015-09-30').select('*', sf.try_add('date', sf.lit(1))), `
      +----------+----------------+
      |      date|try_add(date, 1)|
      +----------+----------------+
      |2015-09-30|      2015-10-01|
      +----------+----------------+`);
    await shows(people().select('*', sf.try_subtract('birth', 'age')), `
      +-----+---+------------------------+
      |birth|age|try_subtract(birth, age)|
      +-----+---+------------------------+
      | 1982| 15|                    1967|
      | 1990|  2|                    1988|
      +-----+---+------------------------+`);
    await shows(aDate('2015-10-01').select('*', sf.try_subtract('date', sf.lit(1))), `
      +----------+---------------------+
      |      date|try_subtract(date, 1)|
      +----------+---------------------+
      |2015-10-01|           2015-09-30|
      +----------+---------------------+`);
    // Overflow of an int result is null (Example 5's rule, on ints).
    const [row] = await fc.sql('SELECT try_add(2147483647, 1) AS a, try_subtract(-2147483648, 1) AS s, try_multiply(65536, 65536) AS m, try_add(2147483646, 1) AS ok').collect();
    expect(row).toEqual({ a: null, s: null, m: null, ok: 2147483647 });
    // The plain operators on a date and an integer are date_add/date_sub, as in Spark.
    const [dates] = await fc.sql("SELECT DATE'2015-09-30' + 1 AS a, 1 + DATE'2015-09-30' AS b, DATE'2015-09-30' - 30 AS c").collect();
    expect(dates).toEqual({ a: new Date('2015-10-01'), b: new Date('2015-10-01'), c: new Date('2015-08-31') });
  });

  it('try_multiply, try_divide, try_mod', async () => {
    await shows(fc.createDataFrame([[6000, 15], [1990, 2]], ['a', 'b']).select('*', sf.try_multiply('a', 'b')), `
      +----+---+------------------+
      |   a|  b|try_multiply(a, b)|
      +----+---+------------------+
      |6000| 15|             90000|
      |1990|  2|              3980|
      +----+---+------------------+`);
    await shows(fc.createDataFrame([[6000, 15], [1990, 2], [1234, 0]], ['a', 'b']).select('*', sf.try_divide('a', 'b')), `
      +----+---+----------------+
      |   a|  b|try_divide(a, b)|
      +----+---+----------------+
      |6000| 15|           400.0|
      |1990|  2|           995.0|
      |1234|  0|            NULL|
      +----+---+----------------+`);
    await shows(fc.sql('SELECT * FROM range(1)').select(sf.try_divide('id', sf.lit(0))), `
      +-----------------+
      |try_divide(id, 0)|
      +-----------------+
      |             NULL|
      +-----------------+`);
    await shows(fc.createDataFrame([[6000, 15], [3, 2], [1234, 0]], ['a', 'b']).select('*', sf.try_mod('a', 'b')), `
      +----+---+-------------+
      |   a|  b|try_mod(a, b)|
      +----+---+-------------+
      |6000| 15|            0|
      |   3|  2|            1|
      |1234|  0|         NULL|
      +----+---+-------------+`);
  });

  it('try_sum and try_avg', async () => {
    await shows(fc.sql('SELECT * FROM range(10)').select(sf.try_sum('id')), `
      +-----------+
      |try_sum(id)|
      +-----------+
      |         45|
      +-----------+`);
    await shows(fc.createDataFrame([[1, 2], [3, 4]], ['A', 'B']).select(sf.try_sum(sf.col('A').plus(sf.col('B')))), `
      +----------------+
      |try_sum((A + B))|
      +----------------+
      |              10|
      +----------------+`);
    const withNull = fc.createDataFrame([[1982, null], [1990, 2], [2000, 4]], ['birth', 'age']);
    await shows(withNull.select(sf.try_sum('age')), `
      +------------+
      |try_sum(age)|
      +------------+
      |           6|
      +------------+`);
    await shows(people().select(sf.try_avg('age')), `
      +------------+
      |try_avg(age)|
      +------------+
      |         8.5|
      +------------+`);
    await shows(withNull.select(sf.try_avg('age')), `
      +------------+
      |try_avg(age)|
      +------------+
      |         3.0|
      +------------+`);
  });

  it('try_element_at is null past either end', async () => {
    const [row] = await fc.sql('SELECT try_element_at(array(1, 2, 3), 2) AS a, try_element_at(array(1, 2, 3), 5) AS b, try_element_at(map(1, 2), 3) AS c').collect();
    expect(row).toEqual({ a: 2, b: null, c: null });
    // A folded map constant reaches the generated code as a Map.
    expect(await fc.sql('SELECT map(1, 2) AS m, element_at(map(1, 2), 1) AS v').collect()).toEqual([{ m: new Map([[1, 2]]), v: 2 }]);
  });
});
