/**
 * Interval literal forms beyond one unit per value: unit-less strings (Spark's typed literal
 * INTERVAL '1 day 2 hours', read by IntervalUtils.stringToInterval) and the WEEK, MILLISECOND and
 * MICROSECOND units, typed as Spark types them (a week is days, milli- and microseconds are
 * seconds). Schemas and values are Spark's sql-tests/results/ansi/interval.sql.out (0 23:00:59 is
 * 82,859 seconds, collected as microseconds; 0-11 as 11 months); errors are Spark 4's classes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { schemaOf as querySchema, firstValue } from './query-shape.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});
afterAll(async () => fc?.stop());

const schemaOf = (query: string) => querySchema(fc, query);
const valueOf = (query: string) => firstValue(fc, query);

const SECOND = 1_000_000;
const DAY = 86_400 * SECOND;

describe('interval literal forms', () => {
  it.each([
    // ansi/interval.sql.out
    ["select interval '2 seconds' / null", "struct<(INTERVAL '02' SECOND / NULL):interval day to second>", null],
    ["select null * interval '2 seconds'", "struct<(INTERVAL '02' SECOND * NULL):interval day to second>", null],
    ["select -interval '-1 year 1 month'", "struct<(- INTERVAL '-0-11' YEAR TO MONTH):interval year to month>", 11],
    ["select -interval '-1 day 1 hour -1 minute 1 second'", "struct<(- INTERVAL '-0 23:00:59' DAY TO SECOND):interval day to second>", 82_859 * SECOND],
    ["select +interval '-1 day 1 hour -1 minute 1 second'", "struct<(+ INTERVAL '-0 23:00:59' DAY TO SECOND):interval day to second>", -82_859 * SECOND],
    ['select interval 2 weeks 3 microseconds * 1.5', "struct<(INTERVAL '14 00:00:00.000003' DAY TO SECOND * 1.5):interval day to second>", 21 * DAY + 5],
    // The brief's and stringToInterval's forms, typed by their units as Spark's constructMultiUnitsIntervalLiteral.
    ["select interval '2 seconds'", "struct<INTERVAL '02' SECOND:interval second>", 2 * SECOND],
    ["select interval '1 day 2 hours'", "struct<INTERVAL '1 02' DAY TO HOUR:interval day to hour>", DAY + 2 * 3600 * SECOND],
    ["select interval 'interval 1.5 seconds 3 milliseconds'", "struct<INTERVAL '01.503' SECOND:interval second>", 1.503 * SECOND],
    ['select interval 2 weeks 3 microseconds', "struct<INTERVAL '14 00:00:00.000003' DAY TO SECOND:interval day to second>", 14 * DAY + 3],
    ['select interval 1 week', "struct<INTERVAL '7' DAY:interval day>", 7 * DAY],
    ['select interval 5 milliseconds 7 microseconds', "struct<INTERVAL '00.005007' SECOND:interval second>", 5007],
    ['select interval 1.5 seconds 2 hours', "struct<INTERVAL '02:00:01.5' HOUR TO SECOND:interval hour to second>", 7_201_500_000],
    // Digits past the microsecond are cut, not rounded (ansi/interval.sql.out).
    ['select interval 13.123456789 seconds', "struct<INTERVAL '13.123456' SECOND:interval second>", 13_123_456],
    ['select interval -13.123456789 second', "struct<INTERVAL '-13.123456' SECOND:interval second>", -13_123_456],
    ["select interval '20 15:40:32.99899999' day to second", "struct<INTERVAL '20 15:40:32.998999' DAY TO SECOND:interval day to second>", 20 * DAY + (15 * 3600 + 40 * 60 + 32) * SECOND + 998_999],
    ["select interval '-100' day '40' hour '80' minute '299.889987299' second", "struct<INTERVAL '-98 06:35:00.110013' DAY TO SECOND:interval day to second>", -8_490_900_110_013],
    ["select interval 'interval 2 weeks 2 days 1 hour 3 minutes 2 seconds 100 millisecond 200 microseconds'", "struct<INTERVAL '16 01:03:02.1002' DAY TO SECOND:interval day to second>", 1_386_182_100_200],
    ["select interval '3 year 1 month'", "struct<INTERVAL '3-1' YEAR TO MONTH:interval year to month>", 37],
    ["select interval '\t interval 1 day'", "struct<INTERVAL '1' DAY:interval day>", DAY],
    ["select interval 'interval\t1\tday'", "struct<INTERVAL '1' DAY:interval day>", DAY],
  ])('%s', async (query, schema, value) => {
    expect(schemaOf(query)).toBe(schema);
    expect(await valueOf(query)).toBe(value);
  });

  it("fails as Spark's parser: mixed units are _LEGACY_ERROR_TEMP_0029 quoting the literal, bad text INVALID_TYPED_LITERAL", () => {
    // Spark 4's QueryParsingErrors.mixedIntervalUnitsError: a legacy error class, printed without its name, at the literal.
    expect(() => fc.sql('select interval 4 month 2 weeks 3 microseconds * 1.5')).toThrow(
      'Cannot mix year-month and day-time fields: interval 4 month 2 weeks 3 microseconds.(line 1, pos 7)\n\n== SQL ==\nselect interval 4 month 2 weeks 3 microseconds * 1.5\n-------^^^',
    );
    expect(() => fc.sql("select -interval '-1 month 1 day -1 second'")).toThrow("Cannot mix year-month and day-time fields: interval '-1 month 1 day -1 second'.");
    expect(() => fc.sql("select DATE '2024-01-01' + INTERVAL '1 year 2 second'")).toThrow("Cannot mix year-month and day-time fields: INTERVAL '1 year 2 second'.");
    expect(() => fc.sql("select interval 'interval 1 daysss 2 hoursss'")).toThrow(
      `[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: 'interval 1 daysss 2 hoursss'. SQLSTATE: 42604`,
    );
    // stringToInterval takes a fraction for seconds only.
    expect(() => fc.sql("select interval '1.5 days'")).toThrow(`[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: '1.5 days'.`);
    expect(() => fc.sql("select interval ''")).toThrow(`[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: ''.`);
    // stringToInterval, which reads Spark's multi-unit literals too, takes a fraction for seconds only.
    expect(() => fc.sql('select interval 2 days 1.5 HOURS')).toThrow(
      "[INVALID_INTERVAL_FORMAT.INVALID_FRACTION] Error parsing ' 2 days 1.5 HOURS' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. hours cannot have fractional part. SQLSTATE: 22006",
    );
    expect(() => fc.sql("select date'2020-01-01' + interval '1.5' day")).toThrow('day cannot have fractional part.');
    expect(() => fc.sql('select interval 1.5 milliseconds')).toThrow('milliseconds cannot have fractional part.');
    // ansi/interval.sql.out's texts that are no interval.
    for (const text of ['中文 interval 1 day', 'interval中文 1 day', 'interval 1中文day', '+', '+.', '1', '1.2', '- 2', '1 day -', '1 day 1']) {
      expect(() => fc.sql(`select interval '${text}'`), text).toThrow(`[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: '${text}'. SQLSTATE: 42604`);
    }
  });

  it('microseconds below a millisecond are kept in an interval but cut from a timestamp (Flint timestamps are milliseconds)', async () => {
    // Spark gives 2024-01-01 00:00:00.000999, 00:00:00.001001 and 2023-12-31 23:59:59.999001: Flint keeps whole milliseconds, cut toward zero.
    const df = fc.sql(
      "select timestamp'2024-01-01 00:00:00' + interval 999 microseconds as a, timestamp'2024-01-01 00:00:00' + interval 1001 microseconds as b, timestamp'2024-01-01 00:00:00' - interval 999 microseconds as c, interval 999 microseconds * 2 as d",
    );
    expect(await df.collect()).toEqual([{ a: new Date('2024-01-01T00:00:00.000Z'), b: new Date('2024-01-01T00:00:00.001Z'), c: new Date('2024-01-01T00:00:00.000Z'), d: 1998 }]);
  });
});
