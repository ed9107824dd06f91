/**
 * Column names of datetime arithmetic that Spark's analyzer rewrites before naming it
 * (ResolveBinaryArithmetic): date ± integer is DateAdd / DateSub, date ± an `interval day` DateAdd
 * of ExtractANSIIntervalDays, interval + datetime puts the datetime first, datetime ± interval
 * has no parentheses. Schemas and values are Spark's sql-tests/results/date.sql.out,
 * ansi/timestamp.sql.out and ansi/interval.sql.out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, lit } from '@flint/driver';
import { schemaOf as querySchema } from './query-shape.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterAll(async () => fc?.stop());

const schemaOf = (query: string) => querySchema(fc, query);
const cells = async (query: string) => (await fc.sql(query).showString(20, false)).split('\n')[3]!.split('|').slice(1, -1).map((cell) => cell.trim());

describe('names of rewritten datetime arithmetic', () => {
  it.each([
    // date.sql.out
    ["select date '2001-09-28' + 7Y", "struct<date_add(DATE '2001-09-28', 7):date>", ['2001-10-05']],
    ["select 7S + date '2001-09-28'", "struct<date_add(DATE '2001-09-28', 7):date>", ['2001-10-05']],
    ["select date '2001-10-01' - 7", "struct<date_sub(DATE '2001-10-01', 7):date>", ['2001-09-24']],
    ["select date'2011-11-11' + null", "struct<date_add(DATE '2011-11-11', NULL):date>", ['NULL']],
    ["select null + date'2011-11-11'", "struct<date_add(DATE '2011-11-11', NULL):date>", ['NULL']],
    ["select date '2001-09-28' - null", "struct<date_sub(DATE '2001-09-28', NULL):date>", ['NULL']],
    [
      "select date '2012-01-01' - interval '2-2' year to month, date '2011-11-11' - interval '2' day, date '2012-01-01' + interval '-2-2' year to month, date '2011-11-11' + interval '-2' month, - interval '2-2' year to month + date '2012-01-01', interval '-2' day + date '2011-11-11'",
      "struct<DATE '2012-01-01' - INTERVAL '2-2' YEAR TO MONTH:date,date_add(DATE '2011-11-11', (- extractansiintervaldays(INTERVAL '2' DAY))):date,DATE '2012-01-01' + INTERVAL '-2-2' YEAR TO MONTH:date,DATE '2011-11-11' + INTERVAL '-2' MONTH:date,DATE '2012-01-01' + (- INTERVAL '2-2' YEAR TO MONTH):date,date_add(DATE '2011-11-11', extractansiintervaldays(INTERVAL '-2' DAY)):date>",
      ['2009-11-01', '2011-11-09', '2009-11-01', '2011-09-11', '2009-11-01', '2011-11-09'],
    ],
    // ansi/timestamp.sql.out
    [
      "select timestamp'2011-11-11 11:11:11' + interval '2' day, timestamp'2011-11-11 11:11:11' - interval '2-2' year to month, timestamp'2011-11-11 11:11:11' + interval '-2' second, - interval 2 years + timestamp'2011-11-11 11:11:11', interval '1 12' day to hour + timestamp'2011-11-11 11:11:11'",
      "struct<TIMESTAMP '2011-11-11 11:11:11' + INTERVAL '2' DAY:timestamp,TIMESTAMP '2011-11-11 11:11:11' - INTERVAL '2-2' YEAR TO MONTH:timestamp,TIMESTAMP '2011-11-11 11:11:11' + INTERVAL '-02' SECOND:timestamp,TIMESTAMP '2011-11-11 11:11:11' + (- INTERVAL '2' YEAR):timestamp,TIMESTAMP '2011-11-11 11:11:11' + INTERVAL '1 12' DAY TO HOUR:timestamp>",
      ['2011-11-13 11:11:11', '2009-09-11 11:11:11', '2011-11-11 11:11:09', '2009-11-11 11:11:11', '2011-11-12 23:11:11'],
    ],
    [
      "select date '2012-01-01' - interval 3 hours, date '2012-01-01' + interval '12:12:12' hour to second, interval '2' minute + date '2012-01-01'",
      "struct<DATE '2012-01-01' - INTERVAL '03' HOUR:timestamp,DATE '2012-01-01' + INTERVAL '12:12:12' HOUR TO SECOND:timestamp,DATE '2012-01-01' + INTERVAL '02' MINUTE:timestamp>",
      ['2011-12-31 21:00:00', '2012-01-01 12:12:12', '2012-01-01 00:02:00'],
    ],
    // ansi/interval.sql.out: a number times an interval names the interval first. Its literal has
    // microseconds (.001002), which Flint's millisecond timestamps cut: 1 06:33:36.003006 there.
    [
      "select 3 * (timestamp'2019-10-15 10:11:12.001002' - date'2019-10-15')",
      "struct<((TIMESTAMP '2019-10-15 10:11:12.001' - DATE '2019-10-15') * 3):interval day to second>",
      ["INTERVAL '1 06:33:36.003' DAY TO SECOND"],
    ],
  ])('%s', async (query, schema, shown) => {
    expect(schemaOf(query)).toBe(schema);
    expect(await cells(query)).toEqual(shown);
  });

  it('Column arithmetic is named the same way', async () => {
    const df = fc.sql("select date'2024-01-31' as d, interval '3' day as i, interval '1' month as m, timestamp'2024-01-01 00:00:00' as t");
    const out = df.select(col('d').plus(1), lit(2).plus(col('d')), col('d').minus(1), col('d').minus(col('i')), col('m').plus(col('t')), col('t').minus(col('i')));
    expect(out.columns).toEqual(['date_add(d, 1)', 'date_add(d, 2)', 'date_sub(d, 1)', 'date_add(d, (- extractansiintervaldays(i)))', 't + m', 't - i']);
    expect(await cells("select d + 1, 2 + d, d - 1, d - i, m + t, t - i from (select date'2024-01-31' as d, interval '3' day as i, interval '1' month as m, timestamp'2024-01-01 00:00:00' as t)")).toEqual(
      ['2024-02-01', '2024-02-02', '2024-01-30', '2024-01-28', '2024-02-01 00:00:00', '2023-12-29 00:00:00'],
    );
  });
});
