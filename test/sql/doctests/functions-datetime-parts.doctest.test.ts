// PySpark 4's docstring examples (functions/builtin.py) of extract/date_part/datepart,
// timestamp_add/timestamp_diff, try_to_timestamp, to_unix_timestamp, unix_timestamp,
// to_timestamp_ltz/_ntz and nth_value, written as a Flint user writes them (make_timestamp_ntz and
// the try_make_timestamp forms against hand-computed instants); then SQL's
// EXTRACT/TIMESTAMPADD/TIMESTAMPDIFF and each function's results over generated timestamps
// checked against DuckDB (date_part, date_sub's whole units, interval arithmetic, nth_value).
//
// Not ported: make_timestamp_ltz's, curdate's and localtimestamp's (checked by their names,
// types and values instead: the clock's readings vary); extract on intervals (Flint extracts
// from dates and timestamps only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Window, functions as sf } from '@flint/driver';
import { DuckDbReference } from '../duckdb-reference.js';
import { shows } from './doctest-support.js';

let fc: FlintContext;
let duck: DuckDbReference;

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));

/** 200 timestamps over 1999-2031, some on month ends, with milliseconds. */
const TIMES = Array.from({ length: 200 }, (_, i) => {
  const base = i % 10 === 0 ? utc(2000 + (i % 30), 1 + (i % 12), 1).getTime() - 86_400_000 : Date.UTC(1999, 0, 1) + ((i * 2_654_435_761) % 1_000_000_000) * 1000;
  return new Date(base + ((i * 7_777) % 86_400_000) + (i % 1000));
});
const sqlTimestamp = (d: Date) => `TIMESTAMP '${d.toISOString().replace('T', ' ').replace('Z', '')}'`;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-datetime-parts' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  fc.createDataFrame(TIMES.map((t, i) => ({ id: i, t, u: TIMES[(i * 7 + 3) % TIMES.length], n: (i % 41) - 20 })), 'id INT, t TIMESTAMP, u TIMESTAMP, n INT').createOrReplaceTempView('times');
  duck = await DuckDbReference.open(1);
  await duck.query("SET TimeZone = 'UTC'; CREATE TABLE times (id INTEGER, t TIMESTAMP, u TIMESTAMP, n INTEGER)");
  await duck.query(`INSERT INTO times VALUES ${TIMES.map((t, i) => `(${i}, ${sqlTimestamp(t)}, ${sqlTimestamp(TIMES[(i * 7 + 3) % TIMES.length]!)}, ${(i % 41) - 20})`).join(', ')}`);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

describe('extract, date_part, datepart (the docstrings)', () => {
  it('read the fields Spark names, seconds with their fraction', async () => {
    const df = fc.createDataFrame([[utc(2015, 4, 8, 13, 8, 15)]], ['ts']);
    for (const f of [sf.extract, sf.date_part, sf.datepart]) {
      await shows(df.select(
        '*',
        f(sf.lit('YEAR'), 'ts').alias('year'),
        f(sf.lit('month'), 'ts').alias('month'),
        f(sf.lit('WEEK'), 'ts').alias('week'),
        f(sf.lit('D'), df.col('ts')).alias('day'),
        f(sf.lit('M'), df.col('ts')).alias('minute'),
        f(sf.lit('S'), df.col('ts')).alias('second'),
      ), `
        +-------------------+----+-----+----+---+------+---------+
        |                 ts|year|month|week|day|minute|   second|
        +-------------------+----+-----+----+---+------+---------+
        |2015-04-08 13:08:15|2015|    4|  15|  8|     8|15.000000|
        +-------------------+----+-----+----+---+------+---------+`);
    }
    const named = df.select(sf.extract(sf.lit('YEAR'), 'ts'), sf.date_part(sf.lit('S'), 'ts'), sf.datepart(sf.lit('D'), 'ts'));
    expect(named.columns).toEqual(['extract(YEAR FROM ts)', 'date_part(S, ts)', 'datepart(D, ts)']);
    expect(named.dtypes).toEqual([['extract(YEAR FROM ts)', 'int'], ['date_part(S, ts)', 'decimal(8,6)'], ['datepart(D, ts)', 'int']]);
  });

  it("SQL's EXTRACT(field FROM source) is the extract function, named as written", async () => {
    const df = fc.sql("SELECT extract(year FROM TIMESTAMP '2019-01-01 10:00:07.5') AS y, EXTRACT(SECOND FROM TIMESTAMP '2019-01-01 10:00:07.5') AS s, extract(DOW_ISO FROM DATE '2024-05-05') AS d");
    expect(await df.collect()).toEqual([{ y: 2019, s: 7.5, d: 7 }]);
    expect(fc.sql('SELECT extract(week FROM t) FROM times').columns).toEqual(['extract(week FROM t)']);
    expect(() => fc.sql("SELECT extract(XYZ FROM DATE '2020-01-01')").columns).toThrow('[INVALID_EXTRACT_FIELD] Cannot extract `XYZ` from "DATE". SQLSTATE: 42601');
  });

  it("each field is DuckDB's date_part over 200 timestamps", async () => {
    const fields = [['YEAR', 'year'], ['QUARTER', 'quarter'], ['MONTH', 'month'], ['WEEK', 'week'], ['DAY', 'day'], ['DAYOFWEEK_ISO', 'isodow'], ['DOY', 'doy'], ['HOUR', 'hour'], ['MINUTE', 'minute'], ['YEAROFWEEK', 'isoyear']];
    const flint = await fc.sql(`SELECT id, ${fields.map(([f], i) => `extract(${f} FROM t) AS f${i}`).join(', ')}, date_part('SECOND', t) AS s, date_part('DOW', t) AS dow FROM times ORDER BY id`).collect();
    const reference = await duck.query(`SELECT id, ${fields.map(([, f], i) => `date_part('${f}', t)::INTEGER AS f${i}`).join(', ')}, date_part('microseconds', t) / 1e6 AS s, date_part('dow', t)::INTEGER + 1 AS dow FROM times ORDER BY id`);
    expect(flint).toEqual(reference);
  });
});

describe('timestamp_add, timestamp_diff (the docstrings)', () => {
  it('timestamp_diff counts whole units', async () => {
    const df = fc.createDataFrame([[utc(2016, 3, 11, 9, 0, 7), utc(2024, 4, 2, 9, 0, 7)]], ['ts1', 'ts2']);
    await shows(df.select('*', sf.timestamp_diff('year', 'ts1', 'ts2')), `
      +-------------------+-------------------+-----------------------------+
      |                ts1|                ts2|timestampdiff(year, ts1, ts2)|
      +-------------------+-------------------+-----------------------------+
      |2016-03-11 09:00:07|2024-04-02 09:00:07|                            8|
      +-------------------+-------------------+-----------------------------+`);
    await shows(df.select('*', sf.timestamp_diff('WEEK', 'ts1', 'ts2')), `
      +-------------------+-------------------+-----------------------------+
      |                ts1|                ts2|timestampdiff(WEEK, ts1, ts2)|
      +-------------------+-------------------+-----------------------------+
      |2016-03-11 09:00:07|2024-04-02 09:00:07|                          420|
      +-------------------+-------------------+-----------------------------+`);
    await shows(df.select('*', sf.timestamp_diff('day', df.col('ts2'), df.col('ts1'))), `
      +-------------------+-------------------+----------------------------+
      |                ts1|                ts2|timestampdiff(day, ts2, ts1)|
      +-------------------+-------------------+----------------------------+
      |2016-03-11 09:00:07|2024-04-02 09:00:07|                       -2944|
      +-------------------+-------------------+----------------------------+`);
  });

  it('timestamp_add moves by units', async () => {
    const df = fc.createDataFrame([[utc(2016, 3, 11, 9, 0, 7), 2], [utc(2024, 4, 2, 9, 0, 7), 3]], ['ts', 'quantity']);
    await shows(df.select('*', sf.timestamp_add('year', 'quantity', 'ts')), `
      +-------------------+--------+--------------------------------+
      |                 ts|quantity|timestampadd(year, quantity, ts)|
      +-------------------+--------+--------------------------------+
      |2016-03-11 09:00:07|       2|             2018-03-11 09:00:07|
      |2024-04-02 09:00:07|       3|             2027-04-02 09:00:07|
      +-------------------+--------+--------------------------------+`);
    await shows(df.select('*', sf.timestamp_add('WEEK', sf.lit(5), df.col('ts'))), `
      +-------------------+--------+-------------------------+
      |                 ts|quantity|timestampadd(WEEK, 5, ts)|
      +-------------------+--------+-------------------------+
      |2016-03-11 09:00:07|       2|      2016-04-15 09:00:07|
      |2024-04-02 09:00:07|       3|      2024-05-07 09:00:07|
      +-------------------+--------+-------------------------+`);
    await shows(df.select('*', sf.timestamp_add('day', sf.lit(-5), 'ts')), `
      +-------------------+--------+-------------------------+
      |                 ts|quantity|timestampadd(day, -5, ts)|
      +-------------------+--------+-------------------------+
      |2016-03-11 09:00:07|       2|      2016-03-06 09:00:07|
      |2024-04-02 09:00:07|       3|      2024-03-28 09:00:07|
      +-------------------+--------+-------------------------+`);
  });

  it("SQL's TIMESTAMPADD/TIMESTAMPDIFF (and DATEADD, DATEDIFF with a unit) agree with DuckDB over 200 pairs", async () => {
    const units = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'];
    const flint = await fc.sql(`SELECT id, ${units.map((u, i) => `TIMESTAMPDIFF(${u}, t, u) AS d${i}, TIMESTAMPADD(${u}, n, t) AS a${i}`).join(', ')}, DATEDIFF(DAY, u, t) AS back FROM times ORDER BY id`).collect();
    const reference = await duck.query(`SELECT id, ${units.map((u, i) => `date_sub('${u}', t, u) AS d${i}, t + to_${u === 'QUARTER' ? 'months' : u.toLowerCase() + 's'}(n${u === 'QUARTER' ? ' * 3' : ''}) AS a${i}`).join(', ')}, date_sub('day', u, t) AS back FROM times ORDER BY id`);
    expect(flint).toEqual(reference);
    expect(fc.sql("SELECT TIMESTAMPADD(HOUR, 2, t), timestampdiff(MONTH, t, u) FROM times").columns).toEqual(['timestampadd(HOUR, 2, t)', 'timestampdiff(MONTH, t, u)']);
    expect(() => fc.sql("SELECT timestamp_add('FORTNIGHT', 1, t) FROM times").columns).toThrow(
      "[INVALID_PARAMETER_VALUE.DATETIME_UNIT] The value of parameter(s) `unit` in `timestampadd` is invalid: expects one of the units without quotes YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, but got the string literal 'FORTNIGHT'. SQLSTATE: 22023",
    );
  });
});

describe('parsing timestamps (the docstrings)', () => {
  it('try_to_timestamp: null for malformed text', async () => {
    const df = fc.createDataFrame([['1997-02-28 10:30:00']], ['t']);
    await shows(df.select(sf.try_to_timestamp(df.col('t'))), `
      +-------------------+
      |try_to_timestamp(t)|
      +-------------------+
      |1997-02-28 10:30:00|
      +-------------------+`);
    await shows(df.select(sf.try_to_timestamp(df.col('t'), sf.lit('yyyy-MM-dd HH:mm:ss'))), `
      +----------------------------------------+
      |try_to_timestamp(t, yyyy-MM-dd HH:mm:ss)|
      +----------------------------------------+
      |                     1997-02-28 10:30:00|
      +----------------------------------------+`);
    await shows(fc.createDataFrame([['malformed']], ['t']).select(sf.try_to_timestamp('t')), `
      +-------------------+
      |try_to_timestamp(t)|
      +-------------------+
      |               NULL|
      +-------------------+`);
  });

  it('to_unix_timestamp in America/Los_Angeles', async () => {
    fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
    try {
      await shows(fc.createDataFrame([['2015-04-08 12:12:12']], ['ts']).select('*', sf.to_unix_timestamp('ts')), `
        +-------------------+------------------------------------------+
        |                 ts|to_unix_timestamp(ts, yyyy-MM-dd HH:mm:ss)|
        +-------------------+------------------------------------------+
        |2015-04-08 12:12:12|                                1428520332|
        +-------------------+------------------------------------------+`);
      const dt = fc.createDataFrame([['2015-04-08']], ['dt']);
      await shows(dt.select('*', sf.to_unix_timestamp(dt.col('dt'), sf.lit('yyyy-MM-dd'))), `
        +----------+---------------------------------+
        |        dt|to_unix_timestamp(dt, yyyy-MM-dd)|
        +----------+---------------------------------+
        |2015-04-08|                       1428476400|
        +----------+---------------------------------+`);
      await shows(fc.createDataFrame([['2015-04-08', 'yyyy-MM-dd'], ['2025+01+09', 'yyyy+MM+dd']], ['dt', 'fmt']).select('*', sf.to_unix_timestamp('dt', 'fmt')), `
        +----------+----------+--------------------------+
        |        dt|       fmt|to_unix_timestamp(dt, fmt)|
        +----------+----------+--------------------------+
        |2015-04-08|yyyy-MM-dd|                1428476400|
        |2025+01+09|yyyy+MM+dd|                1736409600|
        +----------+----------+--------------------------+`);
    } finally {
      fc.conf.set('spark.sql.session.timeZone', 'UTC');
    }
  });

  it('to_timestamp_ltz', async () => {
    await shows(fc.createDataFrame([['2015-04-08 12:12:12']], ['ts']).select('*', sf.to_timestamp_ltz('ts')), `
      +-------------------+--------------------+
      |                 ts|to_timestamp_ltz(ts)|
      +-------------------+--------------------+
      |2015-04-08 12:12:12| 2015-04-08 12:12:12|
      +-------------------+--------------------+`);
    const dt = fc.createDataFrame([['2016-12-31']], ['dt']);
    await shows(dt.select('*', sf.to_timestamp_ltz(dt.col('dt'), sf.lit('yyyy-MM-dd'))), `
      +----------+--------------------------------+
      |        dt|to_timestamp_ltz(dt, yyyy-MM-dd)|
      +----------+--------------------------------+
      |2016-12-31|             2016-12-31 00:00:00|
      +----------+--------------------------------+`);
    await shows(fc.createDataFrame([['2015-04-08', 'yyyy-MM-dd'], ['2025+01+09', 'yyyy+MM+dd']], ['dt', 'fmt']).select('*', sf.to_timestamp_ltz('dt', 'fmt')), `
      +----------+----------+-------------------------+
      |        dt|       fmt|to_timestamp_ltz(dt, fmt)|
      +----------+----------+-------------------------+
      |2015-04-08|yyyy-MM-dd|      2015-04-08 00:00:00|
      |2025+01+09|yyyy+MM+dd|      2025-01-09 00:00:00|
      +----------+----------+-------------------------+`);
  });

  it('make_timestamp_ltz, current_timezone, curdate, localtimestamp', async () => {
    const df = fc.createDataFrame([[2014, 12, 28, 6, 30, 45.887, 'CET']], ['year', 'month', 'day', 'hour', 'min', 'sec', 'tz']);
    const made = df.select(sf.make_timestamp_ltz('year', 'month', 'day', 'hour', 'min', 'sec', 'tz'));
    expect(made.columns).toEqual(['make_timestamp_ltz(year, month, day, hour, min, sec, tz)']);
    // 06:30:45.887 in CET (UTC+1 in December).
    expect(await made.collect()).toEqual([{ 'make_timestamp_ltz(year, month, day, hour, min, sec, tz)': utc(2014, 12, 28, 5, 30, 45, 887) }]);
    const clock = fc.sql('SELECT 1').select(sf.current_timezone(), sf.curdate(), sf.localtimestamp());
    expect(clock.dtypes).toEqual([['current_timezone()', 'string'], ['curdate()', 'date'], ['localtimestamp()', 'timestamp_ntz']]);
    const before = Date.now();
    const [row] = (await clock.collect()) as { 'current_timezone()': string; 'curdate()': Date; 'localtimestamp()': Date }[];
    const after = Date.now();
    expect(row!['current_timezone()']).toBe('UTC');
    // The query reads the clock between `before` and `after`: run across midnight, either day is today.
    const day = (ms: number) => Math.floor(ms / 86_400_000) * 86_400_000;
    expect([day(before), day(after)]).toContain(row!['curdate()'].getTime());
    expect(Math.abs(row!['localtimestamp()'].getTime() - before)).toBeLessThan(60_000);
  });
});

describe('unix_timestamp, to_timestamp_ntz, make_timestamp_ntz, the try_make_timestamp forms', () => {
  it('unix_timestamp reads text with its pattern in the session time zone (the docstrings, America/Los_Angeles)', async () => {
    fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
    try {
      await shows(fc.createDataFrame([['2015-04-08 12:12:12']], ['ts']).select('*', sf.unix_timestamp('ts')), `
        +-------------------+---------------------------------------+
        |                 ts|unix_timestamp(ts, yyyy-MM-dd HH:mm:ss)|
        +-------------------+---------------------------------------+
        |2015-04-08 12:12:12|                             1428520332|
        +-------------------+---------------------------------------+`);
      expect(await fc.createDataFrame([['2015-04-08']], ['dt']).select(sf.unix_timestamp('dt', 'yyyy-MM-dd').alias('unix_time')).collect()).toEqual([{ unix_time: 1428476400 }]);
      const now = fc.sql('SELECT 1').select(sf.unix_timestamp());
      expect(now.columns).toEqual(['unix_timestamp(current_timestamp(), yyyy-MM-dd HH:mm:ss)']);
      const [row] = (await now.collect()) as Record<string, number>[];
      expect(Math.abs(Object.values(row!)[0]! - Date.now() / 1000)).toBeLessThan(60);
    } finally {
      fc.conf.set('spark.sql.session.timeZone', 'UTC');
    }
  });

  it('to_timestamp_ntz (the docstrings)', async () => {
    await shows(fc.createDataFrame([['2015-04-08 12:12:12']], ['ts']).select('*', sf.to_timestamp_ntz('ts')), `
      +-------------------+--------------------+
      |                 ts|to_timestamp_ntz(ts)|
      +-------------------+--------------------+
      |2015-04-08 12:12:12| 2015-04-08 12:12:12|
      +-------------------+--------------------+`);
    await shows(fc.createDataFrame([['2015-04-08', 'yyyy-MM-dd'], ['2025+01+09', 'yyyy+MM+dd']], ['dt', 'fmt']).select('*', sf.to_timestamp_ntz('dt', 'fmt')), `
      +----------+----------+-------------------------+
      |        dt|       fmt|to_timestamp_ntz(dt, fmt)|
      +----------+----------+-------------------------+
      |2015-04-08|yyyy-MM-dd|      2015-04-08 00:00:00|
      |2025+01+09|yyyy+MM+dd|      2025-01-09 00:00:00|
      +----------+----------+-------------------------+`);
    expect(fc.sql("SELECT to_timestamp_ntz('2020-01-01 10:00:00') AS t").dtypes).toEqual([['t', 'timestamp_ntz']]);
  });

  it('make_timestamp_ntz is the wall clock; the try_ forms are null for a day the month lacks', async () => {
    const df = fc.createDataFrame([[2014, 12, 28, 6, 30, 45.887], [2014, 2, 30, 6, 30, 45]], ['y', 'm', 'd', 'h', 'mi', 's']);
    const fields = ['y', 'm', 'd', 'h', 'mi', 's'] as const;
    expect(await df.where('d < 30').select(sf.make_timestamp_ntz(...fields).alias('t')).collect()).toEqual([{ t: utc(2014, 12, 28, 6, 30, 45, 887) }]);
    const tried = df.select(sf.try_make_timestamp_ntz(...fields).alias('a'), sf.try_make_timestamp(...fields).alias('b'), sf.try_make_timestamp_ltz(...fields, sf.lit('CET')).alias('c'));
    expect(await tried.collect()).toEqual([
      { a: utc(2014, 12, 28, 6, 30, 45, 887), b: utc(2014, 12, 28, 6, 30, 45, 887), c: utc(2014, 12, 28, 5, 30, 45, 887) },
      { a: null, b: null, c: null },
    ]);
    await expect(df.select(sf.make_timestamp_ntz(...fields)).collect()).rejects.toThrow("[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid date 'FEBRUARY 30'.");
  });
});

describe('try_make_interval', () => {
  it('is make_interval under its own name', async () => {
    const df = fc.createDataFrame([[100, 11, 1, 1, 12, 30, 1.001001]], ['year', 'month', 'week', 'day', 'hour', 'min', 'sec']);
    await shows(df.select(sf.try_make_interval(df.col('year'), df.col('month'), 'week', df.col('day'), 'hour', df.col('min'), df.col('sec'))), `
      +---------------------------------------------------------------+
      |try_make_interval(year, month, week, day, hour, min, sec)      |
      +---------------------------------------------------------------+
      |100 years 11 months 8 days 12 hours 30 minutes 1.001001 seconds|
      +---------------------------------------------------------------+`, 20, false);
    expect(df.select(sf.try_make_interval(df.col('year'), df.col('month'))).columns).toEqual(['try_make_interval(year, month, 0, 0, 0, 0, 0.000000)']);
  });
});

describe('nth_value (the docstring)', () => {
  const df = () => fc.createDataFrame([['a', 1], ['a', 2], ['a', 3], ['b', 8], ['b', 2]], ['c1', 'c2']);
  const w = Window.partitionBy('c1').orderBy('c2');

  it('the offset-th value of the frame', async () => {
    await shows(df().withColumn('nth_value', sf.nth_value('c2', 1).over(w)).sort('c1', 'c2'), `
      +---+---+---------+
      | c1| c2|nth_value|
      +---+---+---------+
      |  a|  1|        1|
      |  a|  2|        1|
      |  a|  3|        1|
      |  b|  2|        2|
      |  b|  8|        2|
      +---+---+---------+`);
    await shows(df().withColumn('nth_value', sf.nth_value('c2', 2).over(w)).sort('c1', 'c2'), `
      +---+---+---------+
      | c1| c2|nth_value|
      +---+---+---------+
      |  a|  1|     NULL|
      |  a|  2|        2|
      |  a|  3|        2|
      |  b|  2|     NULL|
      |  b|  8|        8|
      +---+---+---------+`);
  });

  it("agrees with DuckDB's nth_value, with and without IGNORE NULLS and frames", async () => {
    const query = (ignore: string) =>
      `SELECT id, nth_value(CASE WHEN id % 3 = 0 THEN NULL ELSE id END, 3 ${ignore}) OVER (PARTITION BY n % 4 ORDER BY t) AS a, ` +
      'nth_value(id, 2) OVER (PARTITION BY n % 4 ORDER BY t ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS b, ' +
      'nth_value(id, 1) OVER (PARTITION BY n % 4) IS NOT NULL AS c FROM times ORDER BY id';
    for (const ignore of ['', 'IGNORE NULLS']) expect(await fc.sql(query(ignore)).collect()).toEqual(await duck.query(query(ignore)));
    expect(() => fc.sql('SELECT nth_value(id, 0) OVER (ORDER BY id) FROM times').columns).toThrow('[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE]');
  });
});
