/**
 * to_timestamp, to_date, unix_timestamp, to_unix_timestamp and to_timestamp_ntz with a pattern, on
 * text the pattern does not parse: Spark 4 (ANSI on, the default) fails with CANNOT_PARSE_TIMESTAMP,
 * Java's parse message and the try_ function to use (try_to_date for to_date), SQLSTATE 22007;
 * try_to_timestamp, and every one of them with spark.sql.ansi.enabled=false, give null. Messages are
 * those of Spark's sql-tests datetime-parsing-invalid.sql.out (Java's DateTimeFormatter texts);
 * values in legacy mode are DuckDB's try_strptime.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
  fc.createDataFrame([{ id: 0, s: '2024-01-05' }, { id: 1, s: 'Unparseable' }, { id: 2, s: '2024-02-30' }], 'id INT, s STRING').createOrReplaceTempView('texts');
});
afterAll(async () => fc?.stop());

const cannotParse = (text: string, why: string, tryFunction: string) =>
  `[CANNOT_PARSE_TIMESTAMP] Text '${text}' ${why}. Use \`${tryFunction}\` to tolerate invalid input string and return NULL instead. SQLSTATE: 22007`;

describe('ANSI mode (the default)', () => {
  it.each([
    ["to_timestamp('Unparseable', 'yyyy-MM-dd HH:mm:ss.SSS')", cannotParse('Unparseable', 'could not be parsed at index 0', 'try_to_timestamp')],
    ["to_timestamp('2020-01-27T20:06:11.847', 'yyyy-MM-dd HH:mm:ss.SSS')", cannotParse('2020-01-27T20:06:11.847', 'could not be parsed at index 10', 'try_to_timestamp')],
    ["to_date('Unparseable', 'yyyy-MM-dd HH:mm:ss.SSS')", cannotParse('Unparseable', 'could not be parsed at index 0', 'try_to_date')],
    ["unix_timestamp('2020-01-27T20:06:11.847', 'yyyy-MM-dd HH:mm:ss.SSS')", cannotParse('2020-01-27T20:06:11.847', 'could not be parsed at index 10', 'try_to_timestamp')],
    ["to_unix_timestamp('Unparseable', 'yyyy-MM-dd HH:mm:ss.SSS')", cannotParse('Unparseable', 'could not be parsed at index 0', 'try_to_timestamp')],
    ["to_timestamp_ntz('2024-01-05x', 'yyyy-MM-dd')", cannotParse('2024-01-05x', 'could not be parsed, unparsed text found at index 10', 'try_to_timestamp')],
    ["to_date('2024-13-01', 'yyyy-MM-dd')", cannotParse('2024-13-01', 'could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13', 'try_to_date')],
    ["to_date('2023-02-29', 'yyyy-MM-dd')", cannotParse('2023-02-29', "could not be parsed: Invalid date 'February 29' as '2023' is not a leap year", 'try_to_date')],
  ])('%s fails the query', async (call, message) => {
    await expect(fc.sql(`SELECT ${call}`).collect()).rejects.toThrow(message);
  });

  it('fails on a column value too, and try_to_timestamp gives null', async () => {
    await expect(fc.sql("SELECT to_date(s, 'yyyy-MM-dd') FROM texts").collect()).rejects.toThrow(cannotParse('Unparseable', 'could not be parsed at index 0', 'try_to_date'));
    const rows = await fc.sql("SELECT id, try_to_timestamp(s, 'yyyy-MM-dd') AS t FROM texts ORDER BY id").collect();
    expect(rows.map((r) => r.t)).toEqual([new Date(Date.UTC(2024, 0, 5)), null, null]);
  });
});

describe('spark.sql.ansi.enabled=false', () => {
  let duckdb: DuckDbReference;
  beforeAll(async () => {
    duckdb = await DuckDbReference.open(1);
    await duckdb.createTable('texts', 'id INTEGER, s VARCHAR', [[0, '2024-01-05'], [1, 'Unparseable'], [2, '2024-02-30']]);
  });
  afterAll(() => duckdb?.close());

  it("gives null where the pattern does not parse, DuckDB's try_strptime values elsewhere", async () => {
    fc.conf.set('spark.sql.ansi.enabled', 'false');
    try {
      const flint = await fc
        .sql("SELECT id, CAST(to_timestamp(s, 'yyyy-MM-dd') AS STRING) AS t, CAST(to_date(s, 'yyyy-MM-dd') AS STRING) AS d, unix_timestamp(s, 'yyyy-MM-dd') AS u FROM texts ORDER BY id")
        .collect();
      const reference = await duckdb.query(
        "SELECT id, strftime(try_strptime(s, '%Y-%m-%d'), '%Y-%m-%d %H:%M:%S') AS t, strftime(try_strptime(s, '%Y-%m-%d'), '%Y-%m-%d') AS d, epoch(try_strptime(s, '%Y-%m-%d'))::BIGINT AS u FROM texts ORDER BY id",
      );
      expect(flint).toEqual(reference);
      expect(flint.filter((r) => r.t === null)).toHaveLength(2);
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
  });
});
