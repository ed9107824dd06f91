/**
 * Multi-unit INTERVAL literals are read as Spark's parser reads them: the units written out as
 * text (' 1 day 2 hours') and parsed by IntervalUtils.stringToInterval, whose errors are Spark 4's
 * INVALID_INTERVAL_FORMAT (error-conditions.json), with its overflow checks (Math.*Exact on int
 * months and days, long microseconds). Expected texts: Spark's interval.sql.out (SPARK-32840's
 * '1 day 2' day), ExpressionParserSuite (10 nanoseconds, '.1111111111' second), and the
 * subclass each stringToInterval branch throws. Also date ± BIGINT: Spark's DateAdd takes an
 * INT, SMALLINT or TINYINT day count, which ANSI coercion does not narrow a BIGINT to.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterAll(async () => fc?.stop());

const invalidFormat = (subClass: string, input: string, detail: string) =>
  `[INVALID_INTERVAL_FORMAT.${subClass}] Error parsing '${input}' to interval. Please ensure that the value provided is in a valid format for defining an interval. You can reference the documentation for the correct format. ${detail} SQLSTATE: 22006`;

it.each([
  ["SELECT date '2024-01-01' + INTERVAL '' DAY", invalidFormat('UNRECOGNIZED_NUMBER', '  DAY', 'Unrecognized number day.')],
  ["SELECT INTERVAL '' HOUR", invalidFormat('UNRECOGNIZED_NUMBER', '  HOUR', 'Unrecognized number hour.')],
  ['SELECT INTERVAL 10 nanoseconds', invalidFormat('INVALID_UNIT', ' 10 nanoseconds', 'Invalid unit nanoseconds.')],
  ['SELECT INTERVAL 1 day 10 nanoseconds', invalidFormat('INVALID_UNIT', ' 1 day 10 nanoseconds', 'Invalid unit nanoseconds.')],
  ["SELECT INTERVAL '.1111111111' second", invalidFormat('INVALID_PRECISION', ' .1111111111 second', 'Interval can only support nanosecond precision, .1111111111 is out of range.')],
  ["SELECT INTERVAL '1:2' HOUR", invalidFormat('INVALID_VALUE', ' 1:2 HOUR', 'Invalid value 1:2.')],
  ['SELECT INTERVAL 1.5 hours', invalidFormat('INVALID_FRACTION', ' 1.5 hours', 'hours cannot have fractional part.')],
  // Overflow: months and days are ints, microseconds a long.
  ["SELECT INTERVAL '178956971' YEAR", invalidFormat('ARITHMETIC_EXCEPTION', ' 178956971 YEAR', "Uncaught arithmetic exception while parsing ' 178956971 YEAR'.")],
  ["SELECT INTERVAL '2147483648' MONTH", invalidFormat('ARITHMETIC_EXCEPTION', ' 2147483648 MONTH', "Uncaught arithmetic exception while parsing ' 2147483648 MONTH'.")],
  ['SELECT INTERVAL 2147483648 days', invalidFormat('ARITHMETIC_EXCEPTION', ' 2147483648 days', "Uncaught arithmetic exception while parsing ' 2147483648 days'.")],
  ["SELECT INTERVAL '2562047789' HOUR", invalidFormat('ARITHMETIC_EXCEPTION', ' 2562047789 HOUR', "Uncaught arithmetic exception while parsing ' 2562047789 HOUR'.")],
  // A day count that fits an int but not as microseconds in a long: getDuration's Math.addExact.
  ["SELECT INTERVAL '106751992' DAY", 'long overflow'],
])('%s', (query, message) => {
  expect(() => fc.sql(query)).toThrow(message);
});

it("a quoted value holding letters is Spark's _LEGACY_ERROR_TEMP_0026, at the literal's value", () => {
  expect(() => fc.sql("select interval '1 day 2' day")).toThrow(
    'Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: 1 day 2.(line 1, pos 16)',
  );
  expect(() => fc.sql("select interval 'interval 1' day")).toThrow('but got invalid value: interval 1.(line 1, pos 16)');
});

it.each([
  ["SELECT INTERVAL '178956970' YEAR", 2_147_483_640],
  ["SELECT INTERVAL '106751991' DAY", 106_751_991 * 86_400_000_000],
  ["SELECT INTERVAL '-\\t 1' DAY", -86_400_000_000],
])('%s is the largest (or a whitespace-padded) value that reads', async (query, value) => {
  expect(Object.values((await fc.sql(query).collect())[0]!)).toEqual([value]);
});

it.each([
  ["SELECT date '2024-01-01' + 1L", `Cannot resolve "date_add(DATE '2024-01-01', 1L)"`, '"1L" has the type "BIGINT"'],
  ["SELECT date '2024-01-01' - 1L", `Cannot resolve "date_sub(DATE '2024-01-01', 1L)"`, '"1L" has the type "BIGINT"'],
  ["SELECT date_add(date '2024-01-01', id) FROM range(1)", `Cannot resolve "date_add(DATE '2024-01-01', id)"`, '"id" has the type "BIGINT"'],
])('%s: a BIGINT day count is a DATATYPE_MISMATCH', (query, head, input) => {
  expect(() => fc.sql(query)).toThrow(
    `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] ${head} due to data type mismatch: The second parameter requires the ("INT" or "SMALLINT" or "TINYINT") type, however ${input}. SQLSTATE: 42K09`,
  );
});

it('INT, SMALLINT, TINYINT and string day counts still add', async () => {
  const df = fc.sql("SELECT date '2024-01-01' + 1 AS a, date_add(date '2024-01-01', 2S) AS b, date_sub(date '2024-01-01', 1Y) AS c, date_add(date '2024-01-01', '3') AS d");
  const row = (await df.collect())[0]!;
  expect(Object.values(row).map((d) => (d as Date).toISOString().slice(0, 10))).toEqual(['2024-01-02', '2024-01-03', '2023-12-31', '2024-01-04']);
});
