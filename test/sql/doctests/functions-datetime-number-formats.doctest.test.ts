// to_char/to_varchar and to_number/try_to_number: PySpark 4's docstring examples
// (functions/builtin.py) and the examples of Spark's SQL reference for the same functions; padding,
// signs, `PR` and overflow (`#`) cases worked by hand through ToNumberParser.format's code; Spark's
// INVALID_FORMAT errors; dates and timestamps through to_char's datetime patterns (date_format's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'doctest-functions-number-formats' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});

afterAll(async () => {
  await fc.stop();
});

const row = async (sql: string) => (await fc.sql(`SELECT ${sql}`).collect())[0];

describe('to_char, to_varchar (the docstrings and the SQL reference)', () => {
  it('formats numbers', async () => {
    const df = fc.createDataFrame([[78.12]], ['e']);
    expect(await df.select(sf.to_char(df.col('e'), sf.lit('$99.99')).alias('r')).collect()).toEqual([{ r: '$78.12' }]);
    expect(await df.select(sf.to_varchar(df.col('e'), sf.lit('$99.99')).alias('r')).collect()).toEqual([{ r: '$78.12' }]);
    expect(await row("to_char(454, '999') a, to_char(454.00, '000D00') b, to_char(12454, '99G999') c, to_char(78.12, '$99.99') d, to_char(-12454.8, '99G999D9S') e")).toEqual(
      { a: '454', b: '454.00', c: '12,454', d: '$78.12', e: '12,454.8-' },
    );
  });

  it('pads, signs and overflows as ToNumberParser does', async () => {
    expect(await row("to_char(7, '000') a, to_char(7, '999') b, to_char(5, 'S999') c, to_char(-5, '999MI') d, to_char(-5.5, '99.9PR') e, to_char(1234, '99') f, to_char(0.5, '9.99') g")).toEqual(
      { a: '007', b: '  7', c: '  +5', d: '  5-', e: ' <5.5>', f: '##', g: '0.50' },
    );
  });

  it('formats dates and timestamps with datetime patterns', async () => {
    expect(await row("to_char(date'2016-04-08', 'y') a, to_varchar(TIMESTAMP '2016-04-08 13:08:15', 'yyyy-MM-dd HH:mm') b")).toEqual({ a: '2016', b: '2016-04-08 13:08' });
    expect(fc.sql("SELECT to_char(454, '999'), to_varchar(454, '999')").columns).toEqual(['to_char(454, 999)', 'to_varchar(454, 999)']);
  });
});

describe('to_number, try_to_number (the docstrings and the SQL reference)', () => {
  it('parses text in a number format into a decimal', async () => {
    const df = fc.createDataFrame([['$78.12']], ['e']);
    expect(await df.select(sf.to_number(df.col('e'), sf.lit('$99.99')).alias('r')).collect()).toEqual([{ r: 78.12 }]);
    expect(await df.select(sf.try_to_number(df.col('e'), sf.lit('$99.99')).alias('r')).collect()).toEqual([{ r: 78.12 }]);
    const parsed = fc.sql("SELECT to_number('454', '999') a, to_number('454.00', '000.00') b, to_number('12,454', '99,999') c, to_number('$78.12', '$99.99') d, to_number('12,454.8-', '99,999.9S') e");
    expect(parsed.dtypes.map(([, t]) => t)).toEqual(['decimal(3,0)', 'decimal(5,2)', 'decimal(5,0)', 'decimal(4,2)', 'decimal(6,1)']);
    expect(await parsed.showString()).toBe(
      ['+---+------+-----+-----+--------+', '|  a|     b|    c|    d|       e|', '+---+------+-----+-----+--------+', '|454|454.00|12454|78.12|-12454.8|', '+---+------+-----+-----+--------+'].join('\n'),
    );
    expect(await row("to_number('<5.5>', '99.9PR') a, to_number(' 12 ', '999') b")).toEqual({ a: -5.5, b: 12 });
  });

  it('try_to_number is null where to_number fails', async () => {
    expect(await row("try_to_number('abc', '999') a, try_to_number('1234', '999') b, try_to_number('45', '000') c")).toEqual({ a: null, b: null, c: null });
    await expect(fc.sql("SELECT to_number('abc', '999')").collect()).rejects.toThrow('[INVALID_FORMAT.MISMATCH_INPUT]');
  });

  it("bad formats fail with Spark's INVALID_FORMAT", () => {
    const format = (f: string) => () => fc.sql(`SELECT to_number('1', '${f}')`).columns;
    expect(format('9.9.9')).toThrow("[INVALID_FORMAT.WRONG_NUM_TOKEN] The format is invalid: '9.9.9'. At most one . or D is allowed in the number format. SQLSTATE: 42601");
    expect(format('')).toThrow('[INVALID_FORMAT.EMPTY]');
    expect(format('$')).toThrow('[INVALID_FORMAT.WRONG_NUM_DIGIT]');
    expect(format('9$')).toThrow('[INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT]');
    expect(format(',99')).toThrow('[INVALID_FORMAT.CONT_THOUSANDS_SEPS]');
    expect(format('9.9,9')).toThrow('[INVALID_FORMAT.THOUSANDS_SEPS_MUST_BEFORE_DEC]');
    expect(format('9X')).toThrow("[INVALID_FORMAT.UNEXPECTED_TOKEN] The format is invalid: '9X'. Found the unexpected character 'X'' in the format string");
    expect(() => fc.createDataFrame([['1', '9']], ['v', 'f']).select(sf.to_number('v', sf.col('f'))).columns).toThrow('[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT]');
  });
});
