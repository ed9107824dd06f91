/**
 * timestamp_ntz ± an interval stays a timestamp_ntz (Spark 4's TimestampAddInterval and
 * TimestampAddYMInterval keep their input's type), and its wall clock moves without a time zone:
 * in a session zone with daylight saving, a month added across the change keeps the clock time.
 * DuckDB's TIMESTAMP is a zone-less wall clock like timestamp_ntz and gives the reference values.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;
let duckdb: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
  duckdb = await DuckDbReference.open(1);
});
afterAll(async () => {
  duckdb?.close();
  await fc?.stop();
});

const CASES = [
  ["'2024-03-10 02:30:00'", 'INTERVAL 1 MONTH', '+'],
  ["'2024-02-09 18:30:00'", 'INTERVAL 1 MONTH', '+'],
  ["'2024-01-31 12:00:00'", 'INTERVAL 1 MONTH', '+'],
  ["'2024-11-03 00:30:00'", 'INTERVAL 2 HOURS', '+'],
  ["'2024-03-10 01:00:00'", 'INTERVAL 1 DAY', '+'],
  ["'2024-04-10 02:30:00'", 'INTERVAL 1 YEAR', '-'],
] as const;

it('timestamp_ntz ± INTERVAL is a timestamp_ntz with DuckDB wall-clock values', async () => {
  const select = (cast: string) => CASES.map(([ts, interval, op], i) => `CAST(CAST(${ts} AS ${cast}) ${op} ${interval} AS STRING) AS c${i}`).join(', ');
  const [flint] = await fc.sql(`SELECT ${select('TIMESTAMP_NTZ')}`).collect();
  const [reference] = await duckdb.query(`SELECT ${select('TIMESTAMP')}`);
  expect(flint).toEqual(reference);
  const types = fc.sql(`SELECT ${CASES.map(([ts, interval, op]) => `TIMESTAMP_NTZ ${ts} ${op} ${interval}`).join(', ')}`).dtypes.map(([, t]) => t);
  expect(types).toEqual(CASES.map(() => 'timestamp_ntz'));
});

it('a timestamp (with local time zone) ± INTERVAL stays a timestamp', () => {
  expect(fc.sql("SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 DAY, TIMESTAMP '2024-01-01 00:00:00' - INTERVAL 1 MONTH").dtypes.map(([, t]) => t)).toEqual(['timestamp', 'timestamp']);
});
