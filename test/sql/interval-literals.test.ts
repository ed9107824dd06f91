/**
 * Interval literals on their own (not added to a date or timestamp) are Spark 4's ANSI interval
 * literals: one year-month or day-time interval spanning the units written, named as Literal.sql
 * prints it. Expected schemas and values are Spark's sql-tests/results/interval.sql.out (a value
 * `0-11` is 11 months, `0 23:00:59` is 82,859 seconds, collected here as months and microseconds).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterAll(async () => fc?.stop());

const schemaOf = (query: string) => `struct<${fc.sql(query).dtypes.map(([name, type]) => `${name}:${type}`).join(',')}>`;

it.each([
  ['select interval 2 years 4 months', "struct<INTERVAL '2-4' YEAR TO MONTH:interval year to month>", 28],
  ['select -interval -1 year 1 month', "struct<(- INTERVAL '-0-11' YEAR TO MONTH):interval year to month>", 11],
  ['select +interval -1 year 1 month', "struct<(+ INTERVAL '-0-11' YEAR TO MONTH):interval year to month>", -11],
  ['select -interval -1 day 1 hour -1 minute 1 second', "struct<(- INTERVAL '-0 23:00:59' DAY TO SECOND):interval day to second>", 82_859_000_000],
  ["select interval -'1' year", "struct<INTERVAL '-1' YEAR:interval year>", -12],
  ["select interval -'-11' month", "struct<INTERVAL '11' MONTH:interval month>", 11],
  ["select interval -'1' day", "struct<INTERVAL '-1' DAY:interval day>", -86_400_000_000],
  ["select interval -'-23' hour", "struct<INTERVAL '23' HOUR:interval hour>", 23 * 3_600_000_000],
  ["select interval -'59' minute", "struct<INTERVAL '-59' MINUTE:interval minute>", -59 * 60_000_000],
  ["select interval -'-59' second", "struct<INTERVAL '59' SECOND:interval second>", 59_000_000],
])('%s', async (query, schema, value) => {
  expect(schemaOf(query)).toBe(schema);
  expect(Object.values((await fc.sql(query).collect())[0]!)).toEqual([value]);
});

it('two intervals of one kind add to the interval spanning both', async () => {
  const df = fc.sql('select interval 1 day + interval 2 hours AS a, interval 1 year - interval 2 months AS b');
  expect(df.dtypes).toEqual([['a', 'interval day to hour'], ['b', 'interval year to month']]);
  expect(await df.collect()).toEqual([{ a: 26 * 3_600_000_000, b: 10 }]);
});

it('what is not supported yet says so in one line', () => {
  expect(() => fc.sql('select interval 2 second + interval 1 month')).toThrow(/\[UNSUPPORTED_FEATURE\] The feature is not supported: "INTERVAL SECOND" \+ "INTERVAL MONTH"/);
});

it("a date or timestamp ± an interval of several units of one kind adds one literal, as Spark; DuckDB's values", async () => {
  const { DuckDbReference } = await import('./duckdb-reference.js');
  const duckdb = await DuckDbReference.open(1);
  try {
    const cases = [
      ["DATE '2024-01-31' + INTERVAL 1 MONTH 1 MONTH", "DATE '2024-01-31' + INTERVAL 2 MONTH", "DATE '2024-01-31' + INTERVAL '2' MONTH"],
      ["DATE '2024-01-31' + INTERVAL 1 YEAR 1 MONTH", "DATE '2024-01-31' + INTERVAL 13 MONTH", "DATE '2024-01-31' + INTERVAL '1-1' YEAR TO MONTH"],
      ["TIMESTAMP '2024-01-01 00:00:00' - INTERVAL 2 HOURS 30 MINUTES", "TIMESTAMP '2024-01-01 00:00:00' - INTERVAL 150 MINUTE", "TIMESTAMP '2024-01-01 00:00:00' - INTERVAL '02:30' HOUR TO MINUTE"],
    ] as const;
    const df = fc.sql(`SELECT ${cases.map(([flint]) => flint).join(', ')}`);
    expect(df.columns).toEqual(cases.map(([, , name]) => name));
    const flint = await fc.sql(`SELECT ${cases.map(([sql], i) => `CAST(${sql} AS STRING) AS c${i}`).join(', ')}`).collect();
    const reference = await duckdb.query(`SELECT ${cases.map(([, sql], i) => `strftime(${sql}, ${i < 2 ? "'%Y-%m-%d'" : "'%Y-%m-%d %H:%M:%S'"}) AS c${i}`).join(', ')}`);
    expect(flint).toEqual(reference);
  } finally {
    duckdb.close();
  }
});
