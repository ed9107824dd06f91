// PySpark 4's docstring examples of pyspark.sql.functions (functions/builtin.py): lag, lead,
// ntile and the date/time functions, written as a Flint user writes them; expected text copied
// from the docstrings. Python's datetime.date values are Dates at UTC midnight here; its naive
// datetime.datetime values are written as timestamp strings, which the session time zone (UTC in
// this file) reads as the same wall-clock time.
//
// Not ported:
// - any_value, first_value/last_value with ignoreNulls, count_if, histogram_numeric,
//   unix_micros/unix_millis/unix_seconds, xpath*: not in Flint (see the report of issue 11);
//   nth_value, extract/date_part/datepart, try_to_timestamp and current_timezone are in
//   functions-datetime-parts.doctest.test.ts, window and window_time in
//   functions-datetime-windows.doctest.test.ts.
// - curdate/current_date/current_timestamp/now/localtimestamp: the docstrings skip them (the
//   values are the clock's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, Window, functions as sf, type DataFrame } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-datetime' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});

afterAll(async () => {
  await fc.stop();
});


const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const range = (n: number) => fc.sql(`SELECT * FROM range(${n})`);

describe('lag, lead, ntile', () => {
  const df = () => fc.createDataFrame([['a', 1], ['a', 2], ['a', 3], ['b', 8], ['b', 2]], ['c1', 'c2']);
  const w = Window.partitionBy('c1').orderBy('c2');

  it('the input', async () => {
    await shows(df(), `
      +---+---+
      | c1| c2|
      +---+---+
      |  a|  1|
      |  a|  2|
      |  a|  3|
      |  b|  8|
      |  b|  2|
      +---+---+`);
  });

  it('lag', async () => {
    await shows(df().withColumn('previous_value', sf.lag('c2').over(w)).sort('c1', 'c2'), `
      +---+---+--------------+
      | c1| c2|previous_value|
      +---+---+--------------+
      |  a|  1|          NULL|
      |  a|  2|             1|
      |  a|  3|             2|
      |  b|  2|          NULL|
      |  b|  8|             2|
      +---+---+--------------+`);
    await shows(df().withColumn('previous_value', sf.lag('c2', 1, 0).over(w)).sort('c1', 'c2'), `
      +---+---+--------------+
      | c1| c2|previous_value|
      +---+---+--------------+
      |  a|  1|             0|
      |  a|  2|             1|
      |  a|  3|             2|
      |  b|  2|             0|
      |  b|  8|             2|
      +---+---+--------------+`);
    await shows(df().withColumn('previous_value', sf.lag('c2', 2, -1).over(w)).sort('c1', 'c2'), `
      +---+---+--------------+
      | c1| c2|previous_value|
      +---+---+--------------+
      |  a|  1|            -1|
      |  a|  2|            -1|
      |  a|  3|             1|
      |  b|  2|            -1|
      |  b|  8|            -1|
      +---+---+--------------+`);
  });

  it('lead', async () => {
    await shows(df().withColumn('next_value', sf.lead('c2').over(w)).sort('c1', 'c2'), `
      +---+---+----------+
      | c1| c2|next_value|
      +---+---+----------+
      |  a|  1|         2|
      |  a|  2|         3|
      |  a|  3|      NULL|
      |  b|  2|         8|
      |  b|  8|      NULL|
      +---+---+----------+`);
    await shows(df().withColumn('next_value', sf.lead('c2', 1, 0).over(w)).sort('c1', 'c2'), `
      +---+---+----------+
      | c1| c2|next_value|
      +---+---+----------+
      |  a|  1|         2|
      |  a|  2|         3|
      |  a|  3|         0|
      |  b|  2|         8|
      |  b|  8|         0|
      +---+---+----------+`);
    await shows(df().withColumn('next_value', sf.lead('c2', 2, -1).over(w)).sort('c1', 'c2'), `
      +---+---+----------+
      | c1| c2|next_value|
      +---+---+----------+
      |  a|  1|         3|
      |  a|  2|        -1|
      |  a|  3|        -1|
      |  b|  2|        -1|
      |  b|  8|        -1|
      +---+---+----------+`);
  });

  it('ntile', async () => {
    await shows(df().withColumn('ntile', sf.ntile(2).over(w)).sort('c1', 'c2'), `
      +---+---+-----+
      | c1| c2|ntile|
      +---+---+-----+
      |  a|  1|    1|
      |  a|  2|    1|
      |  a|  3|    2|
      |  b|  2|    1|
      |  b|  8|    2|
      +---+---+-----+`);
  });
});

describe('date parts', () => {
  const dt = () => fc.createDataFrame([['2015-04-08']], ['dt']);
  const ts = () => fc.createDataFrame([['2015-04-08 13:08:15']], ['s']).select(sf.col('s').cast('timestamp').alias('ts'));

  it('date_format, year, quarter, month, dayofweek, dayofmonth, day, dayofyear', async () => {
    expect(await dt().select(sf.date_format('dt', 'MM/dd/yyyy').alias('date')).collect()).toEqual([{ date: '04/08/2015' }]);
    expect(await dt().select(sf.year('dt').alias('year')).collect()).toEqual([{ year: 2015 }]);
    expect(await dt().select(sf.quarter('dt').alias('quarter')).collect()).toEqual([{ quarter: 2 }]);
    expect(await dt().select(sf.month('dt').alias('month')).collect()).toEqual([{ month: 4 }]);
    expect(await dt().select(sf.dayofweek('dt').alias('day')).collect()).toEqual([{ day: 4 }]);
    expect(await dt().select(sf.dayofmonth('dt').alias('day')).collect()).toEqual([{ day: 8 }]);
    expect(await dt().select(sf.day('dt').alias('day')).collect()).toEqual([{ day: 8 }]);
    expect(await dt().select(sf.dayofyear('dt').alias('day')).collect()).toEqual([{ day: 98 }]);
  });

  it('hour, minute, second', async () => {
    expect(await ts().select(sf.hour('ts').alias('hour')).collect()).toEqual([{ hour: 13 }]);
    expect(await ts().select(sf.minute('ts').alias('minute')).collect()).toEqual([{ minute: 8 }]);
    expect(await ts().select(sf.second('ts').alias('second')).collect()).toEqual([{ second: 15 }]);
  });

  it('weekofyear, weekday, monthname, dayname', async () => {
    const d = dt();
    expect(await d.select(sf.weekofyear(d.col('dt')).alias('week')).collect()).toEqual([{ week: 15 }]);
    await shows(dt().select(sf.weekday('dt').alias('day')), `
      +---+
      |day|
      +---+
      |  2|
      +---+`);
    await shows(dt().select(sf.monthname('dt').alias('month')), `
      +-----+
      |month|
      +-----+
      |  Apr|
      +-----+`);
    await shows(dt().select(sf.dayname('dt').alias('dayname')), `
      +-------+
      |dayname|
      +-------+
      |    Wed|
      +-------+`);
  });
});

describe('date arithmetic', () => {
  it('make_date', async () => {
    const df = fc.createDataFrame([[2020, 6, 26]], ['Y', 'M', 'D']);
    expect(await df.select(sf.make_date(df.col('Y'), df.col('M'), df.col('D')).alias('datefield')).collect()).toEqual([{ datefield: date(2020, 6, 26) }]);
  });

  it('date_add, dateadd, date_sub', async () => {
    const df = fc.createDataFrame([['2015-04-08', 2]], ['dt', 'add']);
    expect(await df.select(sf.date_add(df.col('dt'), 1).alias('next_date')).collect()).toEqual([{ next_date: date(2015, 4, 9) }]);
    expect(await df.select(sf.date_add(df.col('dt'), df.col('add').cast('integer')).alias('next_date')).collect()).toEqual([{ next_date: date(2015, 4, 10) }]);
    expect(await df.select(sf.date_add('dt', -1).alias('prev_date')).collect()).toEqual([{ prev_date: date(2015, 4, 7) }]);
    await shows(df.select(sf.dateadd('dt', 1)), `
      +---------------+
      |date_add(dt, 1)|
      +---------------+
      |     2015-04-09|
      +---------------+`);
    await shows(df.select(sf.dateadd('dt', sf.lit(2))), `
      +---------------+
      |date_add(dt, 2)|
      +---------------+
      |     2015-04-10|
      +---------------+`);
    await shows(df.select(sf.dateadd('dt', -1)), `
      +----------------+
      |date_add(dt, -1)|
      +----------------+
      |      2015-04-07|
      +----------------+`);
    const sub = fc.createDataFrame([['2015-04-08', 2]], ['dt', 'sub']);
    expect(await sub.select(sf.date_sub(sub.col('dt'), 1).alias('prev_date')).collect()).toEqual([{ prev_date: date(2015, 4, 7) }]);
    expect(await sub.select(sf.date_sub(sub.col('dt'), sub.col('sub').cast('integer')).alias('prev_date')).collect()).toEqual([{ prev_date: date(2015, 4, 6) }]);
    expect(await sub.select(sf.date_sub('dt', -1).alias('next_date')).collect()).toEqual([{ next_date: date(2015, 4, 9) }]);
  });

  it('datediff, date_diff, date_from_unix_date, unix_date', async () => {
    const df = fc.createDataFrame([['2015-04-08', '2015-05-10']], ['d1', 'd2']);
    expect(await df.select(sf.datediff(df.col('d2'), df.col('d1')).alias('diff')).collect()).toEqual([{ diff: 32 }]);
    expect(await df.select(sf.date_diff(df.col('d2'), df.col('d1')).alias('diff')).collect()).toEqual([{ diff: 32 }]);
    await shows(range(1).select(sf.date_from_unix_date(sf.lit(1))), `
      +----------------------+
      |date_from_unix_date(1)|
      +----------------------+
      |            1970-01-02|
      +----------------------+`);
    const t = fc.createDataFrame([['1970-01-02']], ['t']);
    expect(await t.select(sf.unix_date(sf.to_date(t.col('t'))).alias('n')).collect()).toEqual([{ n: 1 }]);
  });

  it('add_months, months_between', async () => {
    const df = fc.createDataFrame([['2015-04-08', 2]], ['dt', 'add']);
    expect(await df.select(sf.add_months(df.col('dt'), 1).alias('next_month')).collect()).toEqual([{ next_month: date(2015, 5, 8) }]);
    expect(await df.select(sf.add_months(df.col('dt'), df.col('add').cast('integer')).alias('next_month')).collect()).toEqual([{ next_month: date(2015, 6, 8) }]);
    expect(await df.select(sf.add_months('dt', -2).alias('prev_month')).collect()).toEqual([{ prev_month: date(2015, 2, 8) }]);
    const two = fc.createDataFrame([['1997-02-28 10:30:00', '1996-10-30']], ['date1', 'date2']);
    expect(await two.select(sf.months_between(two.col('date1'), two.col('date2')).alias('months')).collect()).toEqual([{ months: 3.94959677 }]);
    expect(await two.select(sf.months_between(two.col('date1'), two.col('date2'), false).alias('months')).collect()).toEqual([{ months: 3.9495967741935485 }]);
  });

  it('to_date, to_timestamp', async () => {
    const df = fc.createDataFrame([['1997-02-28 10:30:00']], ['t']);
    expect(await df.select(sf.to_date(df.col('t')).alias('date')).collect()).toEqual([{ date: date(1997, 2, 28) }]);
    expect(await df.select(sf.to_date(df.col('t'), 'yyyy-MM-dd HH:mm:ss').alias('date')).collect()).toEqual([{ date: date(1997, 2, 28) }]);
    const shown = `
      +-------------------+
      |                 dt|
      +-------------------+
      |1997-02-28 10:30:00|
      +-------------------+`;
    await shows(df.select(sf.to_timestamp(df.col('t')).alias('dt')), shown);
    await shows(df.select(sf.to_timestamp(df.col('t'), 'yyyy-MM-dd HH:mm:ss').alias('dt')), shown);
  });

  it('trunc, date_trunc, next_day', async () => {
    const d = fc.createDataFrame([['1997-02-28']], ['d']);
    expect(await d.select(sf.trunc(d.col('d'), 'year').alias('year')).collect()).toEqual([{ year: date(1997, 1, 1) }]);
    expect(await d.select(sf.trunc(d.col('d'), 'mon').alias('month')).collect()).toEqual([{ month: date(1997, 2, 1) }]);
    const t = fc.createDataFrame([['1997-02-28 05:02:11']], ['t']);
    expect(await t.select(sf.date_trunc('year', t.col('t')).alias('year')).collect()).toEqual([{ year: date(1997, 1, 1) }]);
    expect(await t.select(sf.date_trunc('mon', t.col('t')).alias('month')).collect()).toEqual([{ month: date(1997, 2, 1) }]);
    const n = fc.createDataFrame([['2015-07-27']], ['d']);
    expect(await n.select(sf.next_day(n.col('d'), 'Sun').alias('date')).collect()).toEqual([{ date: date(2015, 8, 2) }]);
  });
});
