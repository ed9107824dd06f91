/**
 * CAST and TRY_CAST in generated code follow types/cast.ts (Spark 4's ANSI default): for every
 * input below, a query's TRY_CAST equals `tryCast`, its CAST equals `cast` where that succeeds,
 * and fails with cast's own error (CAST_INVALID_INPUT, CAST_OVERFLOW, ...) where it throws.
 * Arithmetic follows Spark 4's ANSI mode too (a zero divisor and int/bigint overflow are errors,
 * try_* give null), and spark.sql.ansi.enabled=false gives Spark's legacy results (null, wrapping),
 * whose values Java's int and long arithmetic defines (checked here with BigInt).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, col, parseDataType, cast, tryCast, type DataType } from '@flint/driver';

let fc: FlintContext;

const STRINGS = [
  '12', ' 7 ', '-12', '1.5', 'a', '', '127', '128', '2147483648', '-2147483649', '1e3', 'NaN', 'Infinity', '-inf',
  'true', 'YES', 'f', '2024-02-29', '2024-02-30', '2024-03-01 12:34:56', '2024-03-01T12:34:56.5', '12345.678', '999.995',
  '9999999999999999999',
];
const STRING_TARGETS = ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL(5,2)', 'BOOLEAN', 'DATE', 'TIMESTAMP'];

const DOUBLES = [300, -129, 1.5e10, 3.7, -3.7, Number.NaN, Number.POSITIVE_INFINITY, 0.125, 1e7, 1e-4];
const DOUBLE_TARGETS = ['TINYINT', 'INT', 'BIGINT', 'DECIMAL(5,2)', 'FLOAT', 'STRING', 'BOOLEAN'];

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.createDataFrame(STRINGS.map((s, id) => ({ id, v: s })), 'id INT, v STRING').createOrReplaceTempView('strings');
  fc.createDataFrame(DOUBLES.map((d, id) => ({ id, v: d })), 'id INT, v DOUBLE').createOrReplaceTempView('doubles');
});
afterAll(async () => fc?.stop());

interface Expected {
  readonly values: unknown[];
  /** The ids whose CAST fails, with cast's error message for each. */
  readonly errors: Map<number, string>;
}

/** What types/cast.ts says each input casts to, or the error it raises. */
function reference(inputs: readonly unknown[], from: DataType, to: DataType): Expected {
  const errors = new Map<number, string>();
  const values = inputs.map((input, id) => {
    try {
      cast(input, from, to);
    } catch (error) {
      errors.set(id, (error as Error).message);
    }
    const value = tryCast(input, from, to);
    return typeof value === 'bigint' ? Number(value) : value;
  });
  return { values, errors };
}

async function checkCasts(view: string, inputs: readonly unknown[], fromType: string, target: string): Promise<void> {
  const expected = reference(inputs, parseDataType(fromType), parseDataType(target));
  const tried = await fc.sql(`SELECT try_cast(v AS ${target}) AS c FROM ${view} ORDER BY id`).collect();
  expect(tried.map((r) => r.c), `try_cast(${fromType} AS ${target})`).toEqual(expected.values);

  const good = inputs.map((_, id) => id).filter((id) => !expected.errors.has(id));
  const cast = await fc.sql(`SELECT CAST(v AS ${target}) AS c FROM ${view} WHERE id IN (${good.join(', ')}) ORDER BY id`).collect();
  expect(cast.map((r) => r.c), `CAST(${fromType} AS ${target})`).toEqual(good.map((id) => expected.values[id]));

  if (expected.errors.size === 0) return;
  const failing = fc.sql(`SELECT CAST(v AS ${target}) AS c FROM ${view} WHERE id IN (${[...expected.errors.keys()].join(', ')})`).collect();
  const message = await failing.then(() => 'no error', (error: Error) => error.message);
  expect([...expected.errors.values()].some((m) => message.includes(m)), `CAST(${fromType} AS ${target}) failed with: ${message}`).toBe(true);
}

describe('CAST and TRY_CAST in queries match types/cast.ts', () => {
  it.each(STRING_TARGETS)('from strings to %s', (target) => checkCasts('strings', STRINGS, 'STRING', target), 30_000);
  it.each(DOUBLE_TARGETS)('from doubles to %s', (target) => checkCasts('doubles', DOUBLES, 'DOUBLE', target), 30_000);

  it('a malformed string fails the query with CAST_INVALID_INPUT, and try_cast makes it null', async () => {
    await expect(fc.sql("SELECT CAST(v AS INT) FROM strings WHERE v = 'a'").collect()).rejects.toThrow(
      `[CAST_INVALID_INPUT] The value 'a' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead. SQLSTATE: 22018`,
    );
    const rows = await fc.sql("SELECT try_cast(v AS INT) FROM strings WHERE v IN ('a', '12')").collect();
    // Spark's ResolveAliases names a top-level cast of a column after the column.
    expect(rows).toEqual([{ v: 12 }, { v: null }]);
  });

  it('the DataFrame API casts the same way: Column.cast raises, Column.try_cast gives null', async () => {
    const strings = fc.table('strings').where(col('v').isin('a', '128'));
    await expect(strings.select(col('v').cast('tinyint')).collect()).rejects.toThrow(/\[CAST_INVALID_INPUT\] The value '(a|128)' of the type "STRING" cannot be cast to "TINYINT"/);
    expect(await strings.select(col('v').try_cast('tinyint').alias('t')).collect()).toEqual([{ t: null }, { t: null }]);
    const doubles = fc.table('doubles').where(col('v').equalTo(300));
    await expect(doubles.select(col('v').cast('tinyint')).collect()).rejects.toThrow(
      '[CAST_OVERFLOW] The value 300.0D of the type "DOUBLE" cannot be cast to "TINYINT" due to an overflow.',
    );
  });

  it('a cast ANSI forbids is an error before any job runs', async () => {
    const dates = fc.createDataFrame([{ d: new Date('2024-01-01T00:00:00Z') }], 'd DATE');
    const jobs = fc.jobHistory.length;
    await expect(dates.select(col('d').cast('int')).collect()).rejects.toThrow(
      '[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(date AS INT)" due to data type mismatch: cannot cast "DATE" to "INT".',
    );
    expect(fc.jobHistory.length).toBe(jobs);
  });
});

const DIVIDE_BY_ZERO =
  '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22012';
const overflow = (type: string, hint?: string) =>
  `[ARITHMETIC_OVERFLOW] ${type} overflow.${hint ? ` Use '${hint}' to tolerate overflow and return NULL instead.` : ''} If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003`;
const failure = (query: string) => fc.sql(query).collect().then(() => 'no error', (error: Error) => error.message);
/** Java's two's-complement result of an int (32) or long (64) operation, as Flint holds it (a long past 2^53 is a JS bigint). */
const wrapped = (bits: number, value: bigint) => {
  const v = BigInt.asIntN(bits, value);
  return Number.isSafeInteger(Number(v)) ? Number(v) : v;
};

describe('ANSI arithmetic (spark.sql.ansi.enabled=true, the default)', () => {
  it.each([
    ['SELECT 1 / 0', DIVIDE_BY_ZERO],
    ['SELECT 1.5D / 0', DIVIDE_BY_ZERO],
    ['SELECT 5 % 0', DIVIDE_BY_ZERO],
    ['SELECT pmod(5, 0)', DIVIDE_BY_ZERO],
    ['SELECT 7 div 0', DIVIDE_BY_ZERO],
    ['SELECT id / (id - 1) FROM range(3)', DIVIDE_BY_ZERO],
    ['SELECT 2147483647 + CAST(id AS INT) FROM range(2)', overflow('integer', 'try_add')],
    ['SELECT -2147483647 - 2', overflow('integer', 'try_subtract')],
    ['SELECT 65536 * 65536', overflow('integer', 'try_multiply')],
    ['SELECT 9223372036854775807L + 1', overflow('long', 'try_add')],
    ['SELECT abs(-2147483648)', overflow('integer')],
    ['SELECT -(-2147483648)', overflow('integer')],
    ['SELECT CAST(127 AS TINYINT) + CAST(5 AS TINYINT)', '[BINARY_ARITHMETIC_OVERFLOW] 127S + 5S caused overflow. SQLSTATE: 22003'],
  ])('%s fails the query', async (query, message) => {
    expect(await failure(query)).toContain(message);
  });

  it('try_ functions give null instead; a branch not taken never divides; the DataFrame API fails the same way', async () => {
    const [row] = await fc.sql(`SELECT try_divide(1, 0) AS a, try_mod(5, 0) AS b, try_add(2147483647, 1) AS c, try_subtract(-2147483648, 1) AS d,
      try_multiply(9223372036854775807L, 2) AS e, try_add(2147483646, 1) AS f, CASE WHEN false THEN 1 / 0 ELSE 2 END AS g`).collect();
    expect(row).toEqual({ a: null, b: null, c: null, d: null, e: null, f: 2147483647, g: 2 });
    const ints = fc.createDataFrame([[2147483647, 0]], 'a INT, z INT');
    await expect(ints.select(col('a').plus(1)).collect()).rejects.toThrow(overflow('integer', 'try_add'));
    await expect(ints.select(col('a').divide(col('z'))).collect()).rejects.toThrow(DIVIDE_BY_ZERO);
  });

  it('date - date is an INTERVAL DAY, and a timestamp plus months a TIMESTAMP', async () => {
    const df = fc.sql("SELECT DATE '2024-03-01' - DATE '2024-01-01' AS d, TIMESTAMP '2024-01-31 10:30:00' + INTERVAL 1 MONTH AS t, DATE '2024-01-31' + INTERVAL 1 MONTH AS m");
    expect(df.dtypes).toEqual([['d', 'interval day'], ['t', 'timestamp'], ['m', 'date']]);
    expect((await df.showString()).split('\n')[3]).toMatch(/^\|INTERVAL '60' DAY\|2024-02-29 10:30:00\|2024-02-29\|$/);
  });
});

describe('legacy arithmetic (spark.sql.ansi.enabled=false)', () => {
  it('a zero divisor gives null, integers wrap as in Java, a bad cast gives null', async () => {
    fc.conf.set('spark.sql.ansi.enabled', false);
    try {
      const [row] = await fc.sql(`SELECT 1 / 0 AS a, 5 % 0 AS b, pmod(5, 0) AS c, 2147483647 + 1 AS d, 65537 * 65537 AS e, -2147483647 - 2 AS f,
        9223372036854775807L + 1 AS g, abs(-2147483648) AS h, CAST(127 AS TINYINT) + CAST(1 AS TINYINT) AS i, CAST('x' AS INT) AS j`).collect();
      expect(row).toEqual({
        a: null, b: null, c: null,
        d: wrapped(32, 2147483647n + 1n), e: wrapped(32, 65537n * 65537n), f: wrapped(32, -2147483647n - 2n),
        g: wrapped(64, 9223372036854775807n + 1n), h: -2147483648, i: -128, j: null,
      });
      // 0 / -1 is Java's 0.0 / -1.0: -0.0.
      expect(await fc.sql('SELECT id / (id - 1) AS q FROM range(3)').collect()).toEqual([{ q: -0 }, { q: null }, { q: 2 }]);
    } finally {
      fc.conf.unset('spark.sql.ansi.enabled');
    }
    expect(await failure('SELECT 1 / 0')).toContain(DIVIDE_BY_ZERO);
  });
});
