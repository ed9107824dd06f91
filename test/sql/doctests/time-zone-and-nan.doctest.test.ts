// Two of Spark's semantics that tests can see:
// - The session time zone (`spark.sql.session.timeZone` / `flint.sql.session.timeZone`, DESIGN.md
//   §8) governs how timestamps parse, print and split into calendar fields: PySpark 4's
//   from_unixtime/unix_timestamp docstrings set America/Los_Angeles; the other answers are the
//   wall clocks of known instants in that zone (PDT, UTC-7, in April; PST, UTC-8, in March).
// - NaN (Spark SQL reference, "NaN Semantics"): NaN = NaN is true, NaN is greater than any other
//   number in comparisons and orderings, and NaN values group together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-time-zone-and-nan' });
});

afterAll(async () => {
  await fc.stop();
});

const inZone = async <T>(zone: string, body: () => Promise<T>): Promise<T> => {
  fc.conf.set('spark.sql.session.timeZone', zone);
  try {
    return await body();
  } finally {
    fc.conf.unset('spark.sql.session.timeZone');
  }
};

describe('the session time zone', () => {
  it('from_unixtime and unix_timestamp (PySpark 4 docstrings, America/Los_Angeles)', async () => {
    await inZone('America/Los_Angeles', async () => {
      await shows(fc.createDataFrame([[1428476400]], ['unix_time']).select('*', sf.from_unixtime('unix_time')), `
        +----------+---------------------------------------------+
        | unix_time|from_unixtime(unix_time, yyyy-MM-dd HH:mm:ss)|
        +----------+---------------------------------------------+
        |1428476400|                          2015-04-08 00:00:00|
        +----------+---------------------------------------------+`);
      const [row] = await fc.sql("SELECT unix_timestamp(CAST('2015-04-08 00:00:00' AS TIMESTAMP)) AS u, unix_timestamp(TIMESTAMP '2015-04-08 00:00:00') AS l").collect();
      expect(row).toEqual({ u: 1428476400, l: 1428476400 });
    });
  });

  it('calendar fields, formats and truncation read the wall clock of the zone', async () => {
    // 2015-04-08T03:00:00Z is 2015-04-07 20:00 in Los Angeles.
    const df = fc.createDataFrame([[new Date(Date.UTC(2015, 3, 8, 3))]], 'ts TIMESTAMP');
    const query = () =>
      df.select(
        sf.hour('ts').alias('h'),
        sf.to_date('ts').alias('d'),
        sf.dayofmonth('ts').alias('dom'),
        sf.date_format('ts', 'yyyy-MM-dd HH:mm').alias('f'),
        sf.date_trunc('day', 'ts').alias('t'),
        sf.col('ts').cast('string').alias('s'),
      ).collect();
    expect(await inZone('America/Los_Angeles', query)).toEqual([
      { h: 20, d: new Date('2015-04-07'), dom: 7, f: '2015-04-07 20:00', t: new Date('2015-04-07T07:00:00Z'), s: '2015-04-07 20:00:00' },
    ]);
    expect(await inZone('UTC', query)).toEqual([{ h: 3, d: new Date('2015-04-08'), dom: 8, f: '2015-04-08 03:00', t: new Date('2015-04-08T00:00:00Z'), s: '2015-04-08 03:00:00' }]);
    expect(await inZone('+08:00', query)).toEqual([{ h: 11, d: new Date('2015-04-08'), dom: 8, f: '2015-04-08 11:00', t: new Date('2015-04-07T16:00:00Z'), s: '2015-04-08 11:00:00' }]);
    await inZone('America/Los_Angeles', () => shows(df, `
      +-------------------+
      |                 ts|
      +-------------------+
      |2015-04-07 20:00:00|
      +-------------------+`));
  });

  it('parsing follows the zone, on either side of a daylight-saving change', async () => {
    const [row] = await inZone('America/Los_Angeles', () =>
      fc.sql("SELECT TIMESTAMP '2015-03-01 12:00:00' AS a, CAST('2015-04-01 12:00:00' AS TIMESTAMP) AS b, to_timestamp('2015-04-08 00:00', 'yyyy-MM-dd HH:mm') AS c").collect(),
    );
    expect(row).toEqual({ a: new Date('2015-03-01T20:00:00Z'), b: new Date('2015-04-01T19:00:00Z'), c: new Date('2015-04-08T07:00:00Z') });
  });

  it('an unknown zone is a one-line error, when it is set (as Spark checks spark.sql.session.timeZone)', async () => {
    await expect(inZone('Mars/Olympus', () => fc.sql('SELECT hour(current_timestamp()) AS h').collect())).rejects.toThrow(
      /^\[INVALID_CONF_VALUE\.TIME_ZONE\] The value 'Mars\/Olympus' in the config "spark\.sql\.session\.timeZone" is invalid\./,
    );
  });
});

describe('NaN', () => {
  it('compares equal to itself and greater than every other number', async () => {
    const [row] = await fc
      .sql("SELECT double('NaN') > 1.0D AS a, double('NaN') < 1.0D AS b, double('NaN') >= double('NaN') AS c, double('NaN') = double('NaN') AS d, 1.0D <= double('NaN') AS e, greatest(1.0D, double('NaN')) AS g, least(1.0D, double('NaN')) AS l")
      .collect();
    expect(row).toEqual({ a: true, b: false, c: true, d: true, e: true, g: NaN, l: 1 });
  });

  it('filters, groups and sorts as the greatest value', async () => {
    const df = fc.createDataFrame([[1.0], [NaN], [3.5], [NaN], [-Infinity]], 'x DOUBLE');
    expect((await df.where(sf.col('x').gt(2)).collect()).map((r) => r.x)).toEqual([NaN, 3.5, NaN]);
    expect((await df.where(sf.col('x').leq(Infinity)).collect()).map((r) => r.x)).toEqual([1.0, 3.5, -Infinity]);
    expect((await df.orderBy('x').collect()).map((r) => r.x)).toEqual([-Infinity, 1.0, 3.5, NaN, NaN]);
    const counts = await df.groupBy('x').count().orderBy('x').collect();
    expect(counts).toEqual([{ x: -Infinity, count: 1 }, { x: 1.0, count: 1 }, { x: 3.5, count: 1 }, { x: NaN, count: 2 }]);
  });
});
