// PySpark 4's docstring examples (functions/builtin.py) of the functions added last: the stack and
// inline generators, arrays_zip, array_insert, regexp_instr, soundex, conv, typeof, width_bucket, mode, percentile,
// the regr_* aggregates, time zone conversions, make_timestamp and the interval builders; and the
// examples of Spark SQL's function reference for the same functions in SQL text. Expected text is
// Spark's; where a docstring draws its data from randn(42) (percentile), small data with
// hand-computed answers stands in; the regr_* docstrings' data are checked against hand-computed values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-misc' });
  fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
});

afterAll(async () => {
  await fc.stop();
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);

describe('generators', () => {
  it('stack', async () => {
    const df = fc.createDataFrame([[1, 2, 3]], ['a', 'b', 'c']);
    await shows(
      df.select('*', sf.stack(sf.lit(2), df.col('a'), df.col('b'), 'c')),
      `
      +---+---+---+----+----+
      |  a|  b|  c|col0|col1|
      +---+---+---+----+----+
      |  1|  2|  3|   1|   2|
      |  1|  2|  3|   3|NULL|
      +---+---+---+----+----+`,
    );
    await shows(
      df.select('*', sf.stack(sf.lit(2), df.col('a'), df.col('b'), 'c').alias('x', 'y')),
      `
      +---+---+---+---+----+
      |  a|  b|  c|  x|   y|
      +---+---+---+---+----+
      |  1|  2|  3|  1|   2|
      |  1|  2|  3|  3|NULL|
      +---+---+---+---+----+`,
    );
    await shows(
      df.select('*', sf.stack(sf.lit(4), df.col('a'), df.col('b'), 'c')),
      `
      +---+---+---+----+
      |  a|  b|  c|col0|
      +---+---+---+----+
      |  1|  2|  3|   1|
      |  1|  2|  3|   2|
      |  1|  2|  3|   3|
      |  1|  2|  3|NULL|
      +---+---+---+----+`,
    );
    expect(await fc.sql('SELECT stack(2, 1, 2, 3)').collect()).toEqual([{ col0: 1, col1: 2 }, { col0: 3, col1: null }]);
    expect(() => fc.sql("SELECT stack(2, 1, 'a', 2, 3)")).toThrow(/STACK_COLUMN_DIFF_TYPES/);
  });

  it('inline and inline_outer', async () => {
    const df = fc.createDataFrame([{ structlist: [{ a: 1, b: 2 }, { a: 3, b: 4 }] }]);
    await shows(
      df.select('*', sf.inline(df.col('structlist'))),
      `
      +----------------+---+---+
      |      structlist|  a|  b|
      +----------------+---+---+
      |[{1, 2}, {3, 4}]|  1|  2|
      |[{1, 2}, {3, 4}]|  3|  4|
      +----------------+---+---+`,
    );
    const withEmpty = fc.createDataFrame([
      { id: 1, structlist: [{ a: 1, b: 2 }, { a: 3, b: 4 }] },
      { id: 2, structlist: [] },
    ]);
    await shows(
      withEmpty.select('id', 'structlist', sf.inline_outer(withEmpty.col('structlist'))),
      `
      +---+----------------+----+----+
      | id|      structlist|   a|   b|
      +---+----------------+----+----+
      |  1|[{1, 2}, {3, 4}]|   1|   2|
      |  1|[{1, 2}, {3, 4}]|   3|   4|
      |  2|              []|NULL|NULL|
      +---+----------------+----+----+`,
    );
    expect(await fc.sql("SELECT inline(array(struct(1, 'a'), struct(2, 'b')))").collect()).toEqual([{ col1: 1, col2: 'a' }, { col1: 2, col2: 'b' }]);
    expect(await fc.sql('SELECT inline(array(struct(1, 2), NULL))').collect()).toEqual([{ col1: 1, col2: 2 }, { col1: null, col2: null }]);
  });
});

describe('arrays and strings', () => {
  it('arrays_zip', async () => {
    const df = fc.createDataFrame([[[1, 2, 3], [2, 4, 6], [3, 6]]], ['vals1', 'vals2', 'vals3']).select(sf.arrays_zip('vals1', 'vals2', 'vals3').alias('zipped'));
    await shows(
      df,
      `
      +------------------------------------+
      |zipped                              |
      +------------------------------------+
      |[{1, 2, 3}, {2, 4, 6}, {3, 6, NULL}]|
      +------------------------------------+`,
      20,
      false,
    );
    expect(df.schema.treeString()).toBe(
      [
        'root',
        ' |-- zipped: array (nullable = true)',
        ' |    |-- element: struct (containsNull = false)',
        ' |    |    |-- vals1: long (nullable = true)',
        ' |    |    |-- vals2: long (nullable = true)',
        ' |    |    |-- vals3: long (nullable = true)',
        '',
      ].join('\n'),
    );
    expect(await values('SELECT arrays_zip(array(1, 2), array(2, 3, 4))')).toEqual([[{ 0: 1, 1: 2 }, { 0: 2, 1: 3 }, { 0: null, 1: 4 }]]);
  });

  it('array_insert', async () => {
    const df = fc.createDataFrame([[['a', 'b', 'c']]], ['data']);
    await shows(
      df.select(sf.array_insert(df.col('data'), 2, 'd')),
      `
      +------------------------+
      |array_insert(data, 2, d)|
      +------------------------+
      |            [a, d, b, c]|
      +------------------------+`,
    );
    await shows(
      df.select(sf.array_insert(df.col('data'), -2, 'd')),
      `
      +-------------------------+
      |array_insert(data, -2, d)|
      +-------------------------+
      |             [a, b, d, c]|
      +-------------------------+`,
    );
    await shows(
      df.select(sf.array_insert(df.col('data'), 5, 'e')),
      `
      +------------------------+
      |array_insert(data, 5, e)|
      +------------------------+
      |      [a, b, c, NULL, e]|
      +------------------------+`,
    );
    expect(await values('SELECT array_insert(array(1, 2, 3, 4), 5, 5), array_insert(array(5, 4, 3, 2), -1, 1), array_insert(array(5, 3, 2, 1), -4, 4), array_insert(array(1), -3, 0)')).toEqual([
      [1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1],
      [5, 4, 3, 2, 1],
      [0, null, 1],
    ]);
    await expect(fc.sql('SELECT array_insert(array(1), 0, 2)').collect()).rejects.toThrow(/INVALID_INDEX_OF_ZERO/);
  });

  it('regexp_instr', async () => {
    const df = fc.createDataFrame([['1a 2b 14m', '\\d+(a|b|m)']], ['str', 'regexp']);
    await shows(
      df.select('*', sf.regexp_instr('str', sf.lit('\\d+(a|b|m)'))),
      `
      +---------+----------+--------------------------------+
      |      str|    regexp|regexp_instr(str, \\d+(a|b|m), 0)|
      +---------+----------+--------------------------------+
      |1a 2b 14m|\\d+(a|b|m)|                               1|
      +---------+----------+--------------------------------+`,
    );
    await shows(
      df.select('*', sf.regexp_instr('str', sf.col('regexp'), sf.lit(1))),
      `
      +---------+----------+----------------------------+
      |      str|    regexp|regexp_instr(str, regexp, 1)|
      +---------+----------+----------------------------+
      |1a 2b 14m|\\d+(a|b|m)|                           1|
      +---------+----------+----------------------------+`,
    );
    expect(await values("SELECT regexp_instr('user@spark.apache.org', '@[^.]*'), regexp_instr('abc', 'x')")).toEqual([5, 0]);
    // PySpark 3.5's docstring: any group index gives the match's position.
    expect((await df.select(sf.regexp_instr('str', sf.lit('\\d+(a|b|m)'), 2).alias('d'), sf.regexp_instr(sf.col('str'), 'regexp').alias('e')).collect())[0]).toEqual({ d: 1, e: 1 });
  });

  it('soundex and conv', async () => {
    await shows(
      fc.createDataFrame([['Peters'], ['Uhrbach']], ['s']).select('*', sf.soundex('s')),
      `
      +-------+----------+
      |      s|soundex(s)|
      +-------+----------+
      | Peters|      P362|
      |Uhrbach|      U612|
      +-------+----------+`,
    );
    await shows(
      fc.createDataFrame([['010101'], ['101'], ['001']], ['n']).select('*', sf.conv('n', 2, 16)),
      `
      +------+--------------+
      |     n|conv(n, 2, 16)|
      +------+--------------+
      |010101|            15|
      |   101|             5|
      |   001|             1|
      +------+--------------+`,
    );
    expect(await values("SELECT soundex('Miller'), conv('100', 2, 10), conv(-10, 16, -10), conv('-1', 10, 16), conv('zz', 36, 10), conv('12x', 10, 2)")).toEqual([
      'M460', '4', '-16', 'FFFFFFFFFFFFFFFF', '1295', '1100',
    ]);
  });
});

describe('typeof and width_bucket', () => {
  it('typeof', async () => {
    // PySpark infers c from 1.0 as double; a JS 1.0 is an integer, so the schema says so.
    const df = fc.createDataFrame([[true, 1, 1.0, 'xyz']], 'a BOOLEAN, b BIGINT, c DOUBLE, d STRING');
    await shows(
      df.select(sf.typeof(df.col('a')), sf.typeof(df.col('b')), sf.typeof('c'), sf.typeof('d')),
      `
      +---------+---------+---------+---------+
      |typeof(a)|typeof(b)|typeof(c)|typeof(d)|
      +---------+---------+---------+---------+
      |  boolean|   bigint|   double|   string|
      +---------+---------+---------+---------+`,
    );
    expect(await values('SELECT typeof(1), typeof(array(1)), typeof(NULL)')).toEqual(['int', 'array<int>', 'void']);
  });

  it('width_bucket', async () => {
    const df = fc.createDataFrame(
      [
        [5.3, 0.2, 10.6, 5],
        [-2.1, 1.3, 3.4, 3],
        [8.1, 0.0, 5.7, 4],
        [-0.9, 5.2, 0.5, 2],
      ],
      ['v', 'min', 'max', 'n'],
    );
    await shows(
      df.select('*', sf.width_bucket('v', 'min', 'max', 'n')),
      `
      +----+---+----+---+----------------------------+
      |   v|min| max|  n|width_bucket(v, min, max, n)|
      +----+---+----+---+----------------------------+
      | 5.3|0.2|10.6|  5|                           3|
      |-2.1|1.3| 3.4|  3|                           0|
      | 8.1|0.0| 5.7|  4|                           5|
      |-0.9|5.2| 0.5|  2|                           3|
      +----+---+----+---+----------------------------+`,
    );
  });
});

describe('frequency aggregates', () => {
  it('mode', async () => {
    const df = fc.createDataFrame(
      [
        ['Java', 2012, 20000],
        ['dotNET', 2012, 5000],
        ['Java', 2012, 20000],
        ['dotNET', 2012, 5000],
        ['dotNET', 2013, 48000],
        ['Java', 2013, 30000],
      ],
      ['course', 'year', 'earnings'],
    );
    await shows(
      df.groupBy('course').agg(sf.mode('year')).sort('course'),
      `
      +------+----------+
      |course|mode(year)|
      +------+----------+
      |  Java|      2012|
      |dotNET|      2012|
      +------+----------+`,
    );
    await shows(
      fc.createDataFrame([[-10], [0], [10]], ['col']).select(sf.mode('col', true)),
      `
      +---------------------------------------+
      |mode() WITHIN GROUP (ORDER BY col DESC)|
      +---------------------------------------+
      |                                    -10|
      +---------------------------------------+`,
    );
    expect(await values('SELECT mode(col) FROM VALUES (NULL), (1), (NULL), (2), (NULL), (3), (3) AS tab(col)')).toEqual([3]);
    expect(await values('SELECT mode(col) FROM VALUES (array(1, 2)), (array(1, 2)), (array(2, 3)) AS tab(col)')).toEqual([[1, 2]]);
    expect(await values('SELECT mode(col) FROM VALUES (NULL), (NULL) AS tab(col)')).toEqual([null]);
  });

  it('percentile: exact, interpolated, with frequencies', async () => {
    expect(await values('SELECT percentile(col, 0.3), percentile(col, array(0.25, 0.75)) FROM VALUES (0), (10) AS tab(col)')).toEqual([3, [2.5, 7.5]]);
    // Values 1, 2, 2, 2, 4 (2 with frequency 3): ranks 0..4; p = 0.1 lies at 0.4 between 1 and 2.
    const df = fc.createDataFrame([[1, 1], [2, 3], [4, 1], [null, 5]], ['v', 'f']);
    const [row] = await df.select(sf.percentile('v', 0.1, 'f'), sf.percentile('v', [0, 0.5, 1], sf.col('f')), sf.percentile('v', 0.875)).collect();
    expect(row).toEqual({ 'percentile(v, 0.1, f)': 1.4, 'percentile(v, array(0, 0.5, 1), f)': [1, 2, 4], 'percentile(v, 0.875, 1)': 3.5 });
    expect(await values('SELECT percentile(col, 0.5) FROM VALUES (CAST(NULL AS INT)) AS tab(col)')).toEqual([null]);
  });

  it('percentile_cont, percentile_disc and mode WITHIN GROUP (ORDER BY ...)', async () => {
    const sql = (f: string) => `SELECT ${f} FROM VALUES (0), (10) AS tab(col)`;
    expect(await values(sql('percentile_cont(0.25) WITHIN GROUP (ORDER BY col), percentile_cont(0.25) WITHIN GROUP (ORDER BY col DESC)'))).toEqual([2.5, 7.5]);
    expect(await values(sql('percentile_disc(0.25) WITHIN GROUP (ORDER BY col), percentile_disc(0.25) WITHIN GROUP (ORDER BY col DESC)'))).toEqual([0, 10]);
    expect(fc.sql(sql('percentile_cont(0.5) WITHIN GROUP (ORDER BY col DESC)')).columns).toEqual(['percentile_cont(0.5) WITHIN GROUP (ORDER BY col DESC)']);
    expect(await values('SELECT mode() WITHIN GROUP (ORDER BY col) FROM VALUES (0), (10), (10), (NULL), (NULL), (NULL) AS tab(col)')).toEqual([10]);
    expect(await values('SELECT mode() WITHIN GROUP (ORDER BY col), mode() WITHIN GROUP (ORDER BY col DESC) FROM VALUES (-10), (0), (10) AS tab(col)')).toEqual([10, -10]);
    expect(fc.sql('SELECT mode(col, true) FROM VALUES (-10), (0), (10) AS tab(col)').columns).toEqual(['mode() WITHIN GROUP (ORDER BY col DESC)']);
    // Grouped, as any aggregate.
    expect(await fc.sql('SELECT k, percentile_disc(0.5) WITHIN GROUP (ORDER BY v) AS m FROM VALUES (1, 3), (1, 1), (1, 2), (2, 5) AS t(k, v) GROUP BY k ORDER BY k').collect()).toEqual([
      { k: 1, m: 2 },
      { k: 2, m: 5 },
    ]);
  });

  it('regr_*: the docstrings\' data, over the pairs where both are non-null', async () => {
    const regr = ['regr_count', 'regr_avgx', 'regr_avgy', 'regr_sxx', 'regr_syy', 'regr_sxy', 'regr_slope', 'regr_intercept', 'regr_r2'] as const;
    const of = async (rows: string) => {
      const [row] = await fc.sql(`SELECT * FROM VALUES ${rows} AS tab(y, x)`).select(regr.map((f) => sf[f]('y', 'x'))).collect();
      return row!;
    };
    // Example 1: all pairs non-null (y = x = 1..4).
    const all = await of('(1, 1), (2, 2), (3, 3), (4, 4)');
    expect(Object.keys(all)).toEqual(regr.map((f) => `${f}(y, x)`));
    expect(Object.values(all)).toEqual([4, 2.5, 2.5, 5, 5, 5, 1, 0, 1]);
    // Examples 2 and 3: every pair has a null.
    expect(Object.values(await of('(1, null)'))).toEqual([0, null, null, null, null, null, null, null, null]);
    expect(Object.values(await of('(null, 1)'))).toEqual([0, null, null, null, null, null, null, null, null]);
    // Example 4: (2, null) is left out, so the pairs are (1, 1), (3, 3), (4, 4): x = y, mean 8/3, sxx = 14/3.
    const some = Object.values(await of('(1, 1), (2, null), (3, 3), (4, 4)')) as number[];
    [3, 8 / 3, 8 / 3, 14 / 3, 14 / 3, 14 / 3, 1, 0, 1].forEach((v, i) => expect(some[i]).toBeCloseTo(v, 12));
    // Example 5: (2, null) and (null, 3) are left out: pairs (1, 1), (4, 4).
    expect(Object.values(await of('(1, 1), (2, null), (null, 3), (4, 4)'))).toEqual([2, 2.5, 2.5, 4.5, 4.5, 4.5, 1, 0, 1]);
    // A constant x has no slope; a constant y has r2 1.
    expect(await values('SELECT regr_slope(y, x), regr_r2(y, x) FROM VALUES (1, 2), (2, 2) AS tab(y, x)')).toEqual([null, null]);
    expect(await values('SELECT regr_r2(y, x), regr_slope(y, x) FROM VALUES (1, 2), (1, 3) AS tab(y, x)')).toEqual([1, 0]);
    // Grouped over several partitions: merged buffers give the same answers as one pass.
    const grouped = await fc.sql('SELECT k, regr_sxy(y, x) AS sxy, regr_avgx(y, x) AS ax FROM (SELECT id % 2 AS k, id AS x, 2 * id + 1 AS y FROM range(0, 8, 1, 4)) GROUP BY k ORDER BY k').collect();
    // k = 0: x = 0, 2, 4, 6 (mean 3, sxx 20, sxy 2 * 20); k = 1: x = 1, 3, 5, 7 (mean 4).
    expect(grouped).toEqual([{ k: 0, sxy: 40, ax: 3 }, { k: 1, sxy: 40, ax: 4 }]);
  });
});

describe('time zones and constructors', () => {
  it('from_utc_timestamp and to_utc_timestamp (session zone America/Los_Angeles)', async () => {
    const df = fc.createDataFrame([['1997-02-28 10:30:00', 'JST']], ['ts', 'tz']);
    const shown = async (c: ReturnType<typeof sf.col>) => (await df.select(c.cast('string').alias('t')).collect())[0]!.t;
    expect(await shown(sf.from_utc_timestamp(df.col('ts'), 'PST'))).toBe('1997-02-28 02:30:00');
    expect(await shown(sf.from_utc_timestamp(df.col('ts'), df.col('tz')))).toBe('1997-02-28 19:30:00');
    expect(await shown(sf.to_utc_timestamp(df.col('ts'), 'PST'))).toBe('1997-02-28 18:30:00');
    expect(await shown(sf.to_utc_timestamp(df.col('ts'), df.col('tz')))).toBe('1997-02-28 01:30:00');
    expect((await values("SELECT CAST(from_utc_timestamp('2016-08-31', 'Asia/Seoul') AS STRING), CAST(to_utc_timestamp('2016-08-31', 'Asia/Seoul') AS STRING)"))).toEqual([
      '2016-08-31 09:00:00',
      '2016-08-30 15:00:00',
    ]);
  });

  it('convert_timezone', async () => {
    expect(await values("SELECT CAST(convert_timezone('Europe/Brussels', 'America/Los_Angeles', timestamp_ntz'2021-12-06 00:00:00') AS STRING), CAST(convert_timezone('Europe/Brussels', timestamp_ntz'2021-12-05 15:00:00') AS STRING)")).toEqual([
      '2021-12-05 15:00:00',
      '2021-12-06 00:00:00',
    ]);
  });

  it('make_timestamp', async () => {
    const df = fc.createDataFrame([[2014, 12, 28, 6, 30, 45.887, 'CET']], ['year', 'month', 'day', 'hour', 'min', 'sec', 'tz']);
    await shows(
      df.select(sf.make_timestamp(df.col('year'), df.col('month'), df.col('day'), 'hour', df.col('min'), df.col('sec'), 'tz')),
      `
      +----------------------------------------------------+
      |make_timestamp(year, month, day, hour, min, sec, tz)|
      +----------------------------------------------------+
      |2014-12-27 21:30:45.887                             |
      +----------------------------------------------------+`,
      20,
      false,
    );
    await shows(
      df.select(sf.make_timestamp('year', 'month', 'day', 'hour', 'min', 'sec')),
      `
      +------------------------------------------------+
      |make_timestamp(year, month, day, hour, min, sec)|
      +------------------------------------------------+
      |2014-12-28 06:30:45.887                         |
      +------------------------------------------------+`,
      20,
      false,
    );
    expect(await values("SELECT CAST(make_timestamp(2019, 6, 30, 23, 59, 60) AS STRING)")).toEqual(['2019-07-01 00:00:00']);
    await expect(fc.sql('SELECT make_timestamp(2019, 13, 1, 10, 11, 12)').collect()).rejects.toThrow(/DATETIME_FIELD_OUT_OF_BOUNDS.*MonthOfYear/);
  });

  it('make_interval: a calendar interval, and a date or timestamp plus one', async () => {
    const df = fc.createDataFrame([[100, 11, 1, 1, 12, 30, 1.001001]], ['year', 'month', 'week', 'day', 'hour', 'min', 'sec']);
    await shows(
      df.select(sf.make_interval(df.col('year'), df.col('month'), 'week', df.col('day'), df.col('hour'), df.col('min'), df.col('sec'))),
      `
      +---------------------------------------------------------------+
      |make_interval(year, month, week, day, hour, min, sec)          |
      +---------------------------------------------------------------+
      |100 years 11 months 8 days 12 hours 30 minutes 1.001001 seconds|
      +---------------------------------------------------------------+`,
      20,
      false,
    );
    await shows(
      df.select(sf.make_interval(df.col('year'), df.col('month'), 'week', df.col('day'), df.col('hour'), df.col('min'))),
      `
      +----------------------------------------------------------+
      |make_interval(year, month, week, day, hour, min, 0.000000)|
      +----------------------------------------------------------+
      |100 years 11 months 8 days 12 hours 30 minutes            |
      +----------------------------------------------------------+`,
      20,
      false,
    );
    await shows(
      df.select(sf.make_interval()),
      `
      +-----------------------------------------+
      |make_interval(0, 0, 0, 0, 0, 0, 0.000000)|
      +-----------------------------------------+
      |0 seconds                                |
      +-----------------------------------------+`,
      20,
      false,
    );
    expect(df.select(sf.make_interval('year').alias('i')).schema.simpleString()).toBe('struct<i:interval>');
    // Months first (a month end clamps), then days on the wall clock, then the time.
    expect(await values("SELECT CAST(TIMESTAMP'2020-01-31 10:00:00' + make_interval(0, 1, 0, 1, 2) AS STRING), DATE'2020-01-31' - make_interval(0, 1), CAST(make_interval(0, 0, 0, 0, 0, 0, -1.5) AS STRING)")).toEqual([
      '2020-03-01 12:00:00',
      new Date(Date.UTC(2019, 11, 31)),
      '-1.5 seconds',
    ]);
    await expect(fc.sql("SELECT DATE'2020-01-31' + make_interval(0, 0, 0, 0, 1)").collect()).rejects.toThrow(/INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION/);
  });

  it('make_dt_interval and make_ym_interval', async () => {
    const df = fc.createDataFrame([[1, 12, 30, 1.001001]], ['day', 'hour', 'min', 'sec']);
    await shows(
      df.select('*', sf.make_dt_interval(df.col('day'), df.col('hour'), df.col('min'), df.col('sec'))),
      `
      +---+----+---+--------+------------------------------------------+
      |day|hour|min|sec     |make_dt_interval(day, hour, min, sec)     |
      +---+----+---+--------+------------------------------------------+
      |1  |12  |30 |1.001001|INTERVAL '1 12:30:01.001001' DAY TO SECOND|
      +---+----+---+--------+------------------------------------------+`,
      20,
      false,
    );
    await shows(
      df.select('*', sf.make_dt_interval(df.col('day'), 'hour', df.col('min'))),
      `
      +---+----+---+--------+------------------------------------------+
      |day|hour|min|sec     |make_dt_interval(day, hour, min, 0.000000)|
      +---+----+---+--------+------------------------------------------+
      |1  |12  |30 |1.001001|INTERVAL '1 12:30:00' DAY TO SECOND       |
      +---+----+---+--------+------------------------------------------+`,
      20,
      false,
    );
    await shows(
      fc.createDataFrame([[2014, 12]], ['year', 'month']).select('*', sf.make_ym_interval('year', sf.col('month'))),
      `
      +----+-----+-------------------------------+
      |year|month|make_ym_interval(year, month)  |
      +----+-----+-------------------------------+
      |2014|12   |INTERVAL '2015-0' YEAR TO MONTH|
      +----+-----+-------------------------------+`,
      20,
      false,
    );
  });
});
