/**
 * A datetime minus a datetime, as Spark 4 (non-legacy intervals): timestamp - timestamp,
 * timestamp - date and date - timestamp are SubtractTimestamps, an `interval day to second`;
 * date - date is SubtractDates, an `interval day`. Names, types and values are Spark's
 * sql-tests/results/ansi/timestamp.sql.out and date.sql.out (their outputs 0 00:00:01.000000000,
 * 3 00:00:00.000000000 are these values as microseconds); show() prints Spark's INTERVAL text.
 * Flint's timestamps are milliseconds: a literal's microseconds are cut to milliseconds, so the
 * golden 86 13:48:47.654322 of TIMESTAMP '2019-10-06 10:11:12.345678' is 86 13:48:47.655 here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col } from '@flint/driver';
import { schemaOf as querySchema, firstValue } from './query-shape.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
});
afterAll(async () => fc?.stop());

const schemaOf = (query: string) => querySchema(fc, query);
const valueOf = (query: string) => firstValue(fc, query);

const SECOND = 1_000_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('datetime - datetime', () => {
  it.each([
    // ansi/timestamp.sql.out
    ["select timestamp'2011-11-11 11:11:11' - timestamp'2011-11-11 11:11:10'", "struct<(TIMESTAMP '2011-11-11 11:11:11' - TIMESTAMP '2011-11-11 11:11:10'):interval day to second>", SECOND],
    ["select timestamp'2011-11-11 11:11:11' - '2011-11-11 11:11:10'", "struct<(TIMESTAMP '2011-11-11 11:11:11' - 2011-11-11 11:11:10):interval day to second>", SECOND],
    ["select '2011-11-11 11:11:11' - timestamp'2011-11-11 11:11:10'", "struct<(2011-11-11 11:11:11 - TIMESTAMP '2011-11-11 11:11:10'):interval day to second>", SECOND],
    ["select timestamp'2011-11-11 11:11:11' - null", "struct<(TIMESTAMP '2011-11-11 11:11:11' - NULL):interval day to second>", null],
    ["select null - timestamp'2011-11-11 11:11:11'", "struct<(NULL - TIMESTAMP '2011-11-11 11:11:11'):interval day to second>", null],
    // The golden date'2020-01-01' - timestamp'2019-10-06 10:11:12.345678' (86 13:48:47.654322), at Flint's millisecond precision.
    ["select date'2020-01-01' - timestamp'2019-10-06 10:11:12.345'", "struct<(DATE '2020-01-01' - TIMESTAMP '2019-10-06 10:11:12.345'):interval day to second>", 86 * DAY + 13 * HOUR + 48 * MINUTE + 47.655 * SECOND],
    ["select timestamp'2019-10-06 10:11:12.345' - date'2020-01-01'", "struct<(TIMESTAMP '2019-10-06 10:11:12.345' - DATE '2020-01-01'):interval day to second>", -(86 * DAY + 13 * HOUR + 48 * MINUTE + 47.655 * SECOND)],
    // ansi/date.sql.out
    ["select date '2001-10-01' - date '2001-09-28'", "struct<(DATE '2001-10-01' - DATE '2001-09-28'):interval day>", 3 * DAY],
    ["select '2001-10-01' - date '2001-09-28'", "struct<(2001-10-01 - DATE '2001-09-28'):interval day>", 3 * DAY],
    ["select null - date '2019-10-06'", "struct<(NULL - DATE '2019-10-06'):interval day>", null],
  ])('%s', async (query, schema, value) => {
    expect(schemaOf(query)).toBe(schema);
    expect(await valueOf(query)).toBe(value);
  });

  it('a timestamp literal with microseconds is cut to milliseconds (Flint timestamps are milliseconds)', async () => {
    expect(await valueOf("select date'2020-01-01' - timestamp'2019-10-06 10:11:12.345678'")).toBe(86 * DAY + 13 * HOUR + 48 * MINUTE + 47.655 * SECOND);
  });

  it('the difference of wall clocks in the session time zone: a daylight-saving change does not count (DateTimeUtils.subtractTimestamps)', async () => {
    // America/Los_Angeles moved its clocks forward on 2024-03-10: 23 hours passed, the wall clocks are a day apart.
    expect(await valueOf("select timestamp'2024-03-11 00:00:00' - timestamp'2024-03-10 00:00:00'")).toBe(DAY);
    // A timestamp beside a timestamp_ntz is cast to timestamp_ntz, its wall clock in the session zone.
    expect(schemaOf("select timestamp_ntz'2024-03-11 01:30:00' - timestamp'2024-03-10 00:00:00'")).toBe(
      "struct<(TIMESTAMP_NTZ '2024-03-11 01:30:00' - TIMESTAMP '2024-03-10 00:00:00'):interval day to second>",
    );
    expect(await valueOf("select timestamp_ntz'2024-03-11 01:30:00' - timestamp'2024-03-10 00:00:00'")).toBe(DAY + 1.5 * HOUR);
  });

  it("show() prints Spark's interval text; Column arithmetic gives the same types and names", async () => {
    const df = fc.sql("select timestamp'2024-01-02 10:30:00' as t1, timestamp'2024-01-02 09:00:00' as t0, date'2024-03-01' as d1, date'2024-01-01' as d0");
    const out = df.select(col('t1').minus(col('t0')), col('d1').minus(col('d0')), col('t1').minus(col('d0')));
    expect(out.dtypes).toEqual([
      ['(t1 - t0)', 'interval day to second'],
      ['(d1 - d0)', 'interval day'],
      ['(t1 - d0)', 'interval day to second'],
    ]);
    expect(await out.collect()).toEqual([{ '(t1 - t0)': 1.5 * HOUR, '(d1 - d0)': 60 * DAY, '(t1 - d0)': DAY + 10.5 * HOUR }]);
    expect(await out.showString(20, false)).toBe(
      [
        '+-----------------------------------+-----------------+-----------------------------------+',
        '|(t1 - t0)                          |(d1 - d0)        |(t1 - d0)                          |',
        '+-----------------------------------+-----------------+-----------------------------------+',
        "|INTERVAL '0 01:30:00' DAY TO SECOND|INTERVAL '60' DAY|INTERVAL '1 10:30:00' DAY TO SECOND|",
        '+-----------------------------------+-----------------+-----------------------------------+',
      ].join('\n'),
    );
  });
});
