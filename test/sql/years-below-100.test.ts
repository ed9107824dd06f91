/**
 * Dates in the years 1-99, which JavaScript's Date.UTC would read as 1901-1999: Spark's proleptic
 * Gregorian calendar (and DuckDB's, the reference here) has them. Each Flint expression is
 * compared as text with the DuckDB expression of the same meaning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let duckdb: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  duckdb = await DuckDbReference.open(1);
});
afterAll(async () => {
  duckdb?.close();
  await fc?.stop();
});

/** [Flint (Spark SQL), DuckDB]. */
const CASES: [string, string][] = [
  ["trunc(DATE '0050-06-15', 'MM')", "CAST(date_trunc('month', DATE '0050-06-15') AS DATE)"],
  ["trunc(DATE '0001-06-15', 'YEAR')", "CAST(date_trunc('year', DATE '0001-06-15') AS DATE)"],
  ["last_day(DATE '0050-02-10')", "last_day(DATE '0050-02-10')"],
  ["dayofyear(DATE '0050-02-10')", "dayofyear(DATE '0050-02-10')"],
  ["extract(DOY FROM DATE '0001-03-01')", "extract(doy FROM DATE '0001-03-01')"],
  ["weekofyear(DATE '0050-06-15')", "week(DATE '0050-06-15')"],
  ["add_months(DATE '0050-01-31', 1)", "CAST(DATE '0050-01-31' + INTERVAL 1 MONTH AS DATE)"],
  ["date_trunc('YEAR', TIMESTAMP '0050-06-15 10:00:00')", "date_trunc('year', TIMESTAMP '0050-06-15 10:00:00')"],
  ["make_date(50, 6, 1)", "make_date(50, 6, 1)"],
  ["make_timestamp(1, 12, 31, 23, 59, 0)", "make_timestamp(1, 12, 31, 23, 59, 0)"],
  ["timestampadd(MONTH, 1, TIMESTAMP '0050-01-31 10:00:00')", "TIMESTAMP '0050-01-31 10:00:00' + INTERVAL 1 MONTH"],
  ["TIMESTAMP '0099-12-31 10:00:00' + INTERVAL '1' MONTH", "TIMESTAMP '0099-12-31 10:00:00' + INTERVAL 1 MONTH"],
  ["TIMESTAMP '0050-01-31 10:00:00' + make_interval(0, 1, 0, 1)", "TIMESTAMP '0050-01-31 10:00:00' + INTERVAL 1 MONTH + INTERVAL 1 DAY"],
];

describe('date functions on the years 1-99', () => {
  it('give the proleptic Gregorian dates DuckDB gives', async () => {
    const flint = Object.values((await fc.sql(`SELECT ${CASES.map(([f], i) => `CAST(${f} AS STRING) AS c${i}`).join(', ')}`).collect())[0]!);
    const reference = Object.values((await duckdb.query(`SELECT ${CASES.map(([, d], i) => `CAST(${d} AS VARCHAR) AS c${i}`).join(', ')}`))[0]!);
    const paired = (values: unknown[]) => CASES.map(([f], i) => `${f} = ${String(values[i])}`);
    expect(paired(flint)).toEqual(paired(reference));
  });

  // DuckDB has no year 0; Spark's java.time has it, a leap year (divisible by 400) of 366 days.
  it('year 0 is a leap year', async () => {
    const [row] = await fc
      .sql("SELECT CAST(make_date(0, 2, 29) AS STRING) a, CAST(CAST('0000-02-29' AS DATE) AS STRING) b, CAST(make_timestamp(0, 2, 29, 1, 2, 3) AS STRING) c, CAST(last_day(DATE '0000-02-01') AS STRING) d, dayofyear(DATE '0000-12-31') e")
      .collect();
    expect(row).toEqual({ a: '0000-02-29', b: '0000-02-29', c: '0000-02-29 01:02:03', d: '0000-02-29', e: 366 });
  });
});
