/**
 * Casts between timestamps and numbers under Spark 4's ANSI mode (the default). Spark 4's
 * Cast.canAnsiCast allows `(TimestampType, NumericType)` and `(NumericType, TimestampType)` (seconds
 * since the epoch), not a timestamp to a boolean nor a boolean to a timestamp. Values: seconds
 * floored for integral types (DateTimeUtils.microsToSeconds is a floorDiv), fractional for double
 * and decimal, computed here from Date.UTC; an integral one out of range is CAST_OVERFLOW, a NaN
 * double to a timestamp CAST_INVALID_INPUT (DateTimeUtils.doubleToTimestampAnsi), texts from
 * error-conditions.json.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});
afterAll(async () => fc?.stop());

const values = async (query: string): Promise<unknown[]> => Object.values((await fc.sql(query).collect())[0]!);
const errorOf = (query: string) => Promise.resolve().then(() => fc.sql(query).collect()).then(() => 'no error', (e: Error) => e.message.split('\n')[0]);

it('a timestamp casts to bigint, int, double and decimal as seconds since the epoch', async () => {
  const seconds = Date.UTC(2021, 0, 1, 0, 0, 1) / 1000;
  expect(
    await values(
      "SELECT CAST(TIMESTAMP '2021-01-01 00:00:01' AS BIGINT), CAST(TIMESTAMP '2021-01-01 00:00:01.5' AS INT), CAST(TIMESTAMP '2021-01-01 00:00:01.5' AS DOUBLE), CAST(TIMESTAMP '2021-01-01 00:00:01.5' AS DECIMAL(12, 1)), CAST(TIMESTAMP '1969-12-31 23:59:59.5' AS BIGINT)",
    ),
  ).toEqual([seconds, seconds, seconds + 0.5, seconds + 0.5, -1]);
  expect(await values('SELECT CAST(ts AS BIGINT) FROM (SELECT CAST(1609459201 AS TIMESTAMP) AS ts)')).toEqual([seconds]);
});

it('a number casts to a timestamp as seconds since the epoch', async () => {
  expect(await values('SELECT CAST(1609459201 AS TIMESTAMP), CAST(1.5D AS TIMESTAMP)')).toEqual([new Date(Date.UTC(2021, 0, 1, 0, 0, 1)), new Date(1500)]);
});

it('errors: an int out of range, a NaN double, and the casts ANSI still forbids', async () => {
  expect(await errorOf("SELECT CAST(TIMESTAMP '2100-01-01 00:00:00' AS INT)")).toBe(
    "[CAST_OVERFLOW] The value TIMESTAMP '2100-01-01 00:00:00' of the type \"TIMESTAMP\" cannot be cast to \"INT\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. SQLSTATE: 22003",
  );
  expect(await errorOf("SELECT CAST(CAST('NaN' AS DOUBLE) AS TIMESTAMP)")).toBe(
    '[CAST_INVALID_INPUT] The value NaN of the type "DOUBLE" cannot be cast to "TIMESTAMP" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018',
  );
  expect(await values("SELECT TRY_CAST(CAST('NaN' AS DOUBLE) AS TIMESTAMP), TRY_CAST(TIMESTAMP '2100-01-01 00:00:00' AS INT)")).toEqual([null, null]);
  expect(await errorOf("SELECT CAST(TIMESTAMP '2021-01-01 00:00:00' AS BOOLEAN)")).toMatch(/^\[DATATYPE_MISMATCH\.CAST_/);
  expect(await errorOf('SELECT CAST(true AS TIMESTAMP)')).toMatch(/^\[DATATYPE_MISMATCH\.CAST_/);
  expect(await errorOf("SELECT CAST(DATE '2021-01-01' AS BIGINT)")).toMatch(/^\[DATATYPE_MISMATCH\.CAST_/);
});

it('with spark.sql.ansi.enabled=false a NaN double is a null timestamp and a timestamp wraps into an int', async () => {
  fc.conf.set('spark.sql.ansi.enabled', 'false');
  try {
    const seconds = BigInt(Date.UTC(2100, 0, 1) / 1000);
    expect(await values("SELECT CAST(CAST('NaN' AS DOUBLE) AS TIMESTAMP), CAST(TIMESTAMP '2100-01-01 00:00:00' AS INT)")).toEqual([null, Number(BigInt.asIntN(32, seconds))]);
  } finally {
    fc.conf.set('spark.sql.ansi.enabled', 'true');
  }
});
