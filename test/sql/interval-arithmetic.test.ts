/**
 * An ANSI interval times or divided by a number: Spark's MultiplyYMInterval, MultiplyDTInterval,
 * DivideYMInterval and DivideDTInterval, in SQL and through Column methods. Names, result types,
 * values and errors are Spark's sql-tests/results/interval.sql.out where it has the case (values
 * collected as months and microseconds); the rest follows the same classes' rules: HALF_UP
 * rounding, Java's overflow messages, INTERVAL_DIVIDED_BY_ZERO.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, lit } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterAll(async () => fc?.stop());

const schemaOf = (query: string) => `struct<${fc.sql(query).dtypes.map(([name, type]) => `${name}:${type}`).join(',')}>`;
const valueOf = async (query: string) => Object.values((await fc.sql(query).collect())[0]!)[0];

const SECOND = 1_000_000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

describe('interval * number, interval / number', () => {
  it.each([
    // interval.sql.out
    ["select interval 2 second * '2'", "struct<(INTERVAL '02' SECOND * 2):interval day to second>", 4 * SECOND],
    ["select interval 2 second / '2'", "struct<(INTERVAL '02' SECOND / 2):interval day to second>", SECOND],
    ["select interval 2 year * '2'", "struct<(INTERVAL '2' YEAR * 2):interval year to month>", 48],
    ["select interval 2 year / '2'", "struct<(INTERVAL '2' YEAR / 2):interval year to month>", 12],
    ["select '2' * interval 2 second", "struct<(INTERVAL '02' SECOND * 2):interval day to second>", 4 * SECOND],
    ["select '2' * interval 2 year", "struct<(INTERVAL '2' YEAR * 2):interval year to month>", 48],
    ["select interval '2' year / null", "struct<(INTERVAL '2' YEAR / NULL):interval year to month>", null],
    ["select interval '2' year * null", "struct<(INTERVAL '2' YEAR * NULL):interval year to month>", null],
    ["select null * interval '2' year", "struct<(INTERVAL '2' YEAR * NULL):interval year to month>", null],
    ["select interval '2' second / null", "struct<(INTERVAL '02' SECOND / NULL):interval day to second>", null],
    // The brief's cases: the result is Spark's full interval type.
    ["select interval '3' day * 2", "struct<(INTERVAL '3' DAY * 2):interval day to second>", 6 * DAY],
    ["select 2 * interval '1-2' year to month", "struct<(INTERVAL '1-2' YEAR TO MONTH * 2):interval year to month>", 28],
    ["select interval '10' hour / 4", "struct<(INTERVAL '10' HOUR / 4):interval day to second>", 2.5 * HOUR],
  ])('%s', async (query, schema, value) => {
    expect(schemaOf(query)).toBe(schema);
    expect(await valueOf(query)).toBe(value);
  });

  it('rounds HALF_UP: integral division (IntMath/LongMath.divide), doubles (DoubleMath), decimals (BigDecimal.setScale)', async () => {
    const cases: [string, number][] = [
      ["select interval '0-3' year to month / 2", 2],
      ["select interval '-0-3' year to month / 2", -2],
      ["select interval '0-1' year to month / 3", 0],
      ["select interval '1-1' year to month * 1.5", 20],
      ["select interval '1-1' year to month * -1.5D", -20],
      ["select interval '0-5' year to month / 2.0D", 3],
      ["select interval '0-1' year to month * 0.49", 0],
      ["select interval '0.000003' second / 2", 2],
      ["select interval '0.000003' second / -2L", -2],
      ["select interval '0.000005' second * 0.3", 2],
      ["select interval '1' day / 7", Math.round(DAY / 7)],
    ];
    for (const [query, value] of cases) expect(await valueOf(query), query).toBe(value);
  });

  it("fails as Spark: a zero divisor is INTERVAL_DIVIDED_BY_ZERO, overflow Java's message, a number / interval a type mismatch", async () => {
    const divided = /\[INTERVAL_DIVIDED_BY_ZERO\] Division by zero\. Use `try_divide` to tolerate divisor being 0 and return NULL instead\. SQLSTATE: 22012/;
    await expect(fc.sql("select interval '2' year / 0").collect()).rejects.toThrow(divided);
    await expect(fc.sql('select interval 1 day / 0').collect()).rejects.toThrow(divided);
    await expect(fc.sql('select interval 1 day / 0.0D').collect()).rejects.toThrow(divided);
    await expect(fc.sql('select interval 2147483647 month * 2').collect()).rejects.toThrow(/integer overflow/);
    await expect(fc.sql('select interval 2147483647 month / 0.5').collect()).rejects.toThrow(/Overflow/);
    await expect(fc.sql("select interval '106751991' day * 2").collect()).rejects.toThrow(/long overflow/);
    expect(() => fc.sql("select 2 / interval '2' year")).toThrow(
      `[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(2 / INTERVAL '2' YEAR)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INT" and "INTERVAL YEAR"). SQLSTATE: 42K09`,
    );
    expect(() => fc.sql("select null / interval '2' hour")).toThrow(/Cannot resolve "\(NULL \/ INTERVAL '02' HOUR\)" .* \("VOID" and "INTERVAL HOUR"\)/);
  });

  it('Column methods: multiply and divide an interval column, the number on either side', async () => {
    const df = fc.sql("select interval '3' day as d, interval '1-2' year to month as ym, 3 as n");
    const out = df.select(col('d').multiply(2), col('ym').divide(col('n')), col('n').multiply(col('ym')), lit(1.5).multiply(col('d')));
    expect(out.dtypes).toEqual([
      ['(d * 2)', 'interval day to second'],
      ['(ym / n)', 'interval year to month'],
      // Named as Spark's MultiplyYMInterval / MultiplyDTInterval: the interval first, as in SQL.
      ['(ym * n)', 'interval year to month'],
      ['(d * 1.5)', 'interval day to second'],
    ]);
    expect(await out.collect()).toEqual([{ '(d * 2)': 6 * DAY, '(ym / n)': 5, '(ym * n)': 42, '(d * 1.5)': 4.5 * DAY }]);
  });

  it("TO forms: INTERVAL '1-2' YEAR TO MONTH, INTERVAL '1 02:03:04.5' DAY TO SECOND (interval.sql.out's literals)", async () => {
    expect(schemaOf("select interval -'-1-1' year to month")).toBe("struct<INTERVAL '1-1' YEAR TO MONTH:interval year to month>");
    expect(await valueOf("select interval -'-1-1' year to month")).toBe(13);
    expect(schemaOf("select interval - '1 2:3:4.001' day to second")).toBe("struct<INTERVAL '-1 02:03:04.001' DAY TO SECOND:interval day to second>");
    expect(await valueOf("select interval - '1 2:3:4.001' day to second")).toBe(-(DAY + 2 * HOUR + 3 * 60 * SECOND + 4.001 * SECOND));
    expect(await valueOf("select interval '10:30' hour to minute")).toBe(10.5 * HOUR);
  });
});
