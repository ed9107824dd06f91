/**
 * A runtime error raised by an expression written in SQL text carries Spark's query context: the
 * message, then SQLQueryContext.summary (the fragment's line and 1-based position, the line
 * itself, at most 32 characters either side of the fragment with `...` where cut, and carets
 * under the fragment). Spark's CliSuite shows `select 1 / 0` so; its sql-tests give the
 * fragments (startIndex/stopIndex). The innermost expression's context wins, as Spark's does;
 * expressions built with the DataFrame API have none.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext, col, lit } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
});
afterAll(async () => fc?.stop());

const errorOf = (query: string) => Promise.resolve().then(() => fc.sql(query).collect()).then(() => 'no error', (e: Error) => e.message);

const DIVIDE_BY_ZERO =
  '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22012';

it('a constant expression folded while planning: select 1/0', async () => {
  expect(await errorOf('select 1/0')).toBe(`${DIVIDE_BY_ZERO}\n== SQL (line 1, position 8) ==\nselect 1/0\n       ^^^\n`);
});

it('an error in a task names the expression on its own line of a multi-line query', async () => {
  const query = 'SELECT id,\n       100 / (id - 1) AS q\nFROM range(3)';
  expect(await errorOf(query)).toBe(`${DIVIDE_BY_ZERO}\n== SQL (line 2, position 8) ==\n       100 / (id - 1) AS q\n       ^^^^^^^^^^^^^^\n`);
});

it('cuts the text more than 32 characters either side of the fragment, as Spark does', async () => {
  const query = "SELECT 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' AS pad, 5 / (id - id) AS q, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' AS pad2 FROM range(1)";
  expect(await errorOf(query)).toBe(
    `${DIVIDE_BY_ZERO}\n== SQL (line 1, position 59) ==\n...aaaaaaaaaaaaaaaaaaaaaa' AS pad, 5 / (id - id) AS q, 'bbbbbbbbbbbbbbbbbbbbbbbb...\n                                   ^^^^^^^^^^^^^\n`,
  );
});

it('the innermost expression that raised the error gives the context (a CAST inside an addition)', async () => {
  expect(await errorOf("SELECT CAST(concat('1.', id) AS INT) + 1 FROM range(1)")).toBe(
    `[CAST_INVALID_INPUT] The value '1.0' of the type "STRING" cannot be cast to "INT" because it is malformed. Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead. SQLSTATE: 22018\n== SQL (line 1, position 8) ==\nSELECT CAST(concat('1.', id) AS INT) + 1 FROM range(1)\n       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n`,
  );
  expect(await errorOf('SELECT -CAST(id - 2147483648 AS INT) FROM range(1)')).toBe(
    `[ARITHMETIC_OVERFLOW] integer overflow. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003\n== SQL (line 1, position 8) ==\nSELECT -CAST(id - 2147483648 AS INT) FROM range(1)\n       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n`,
  );
});

it('functions that divide or negate name their call: div, pmod, abs', async () => {
  expect(await errorOf('SELECT 5 div (id - id) FROM range(1)')).toBe(`${DIVIDE_BY_ZERO}\n== SQL (line 1, position 8) ==\nSELECT 5 div (id - id) FROM range(1)\n       ^^^^^^^^^^^^^^^\n`);
  expect(await errorOf('SELECT pmod(7, id) FROM range(1)')).toBe(`${DIVIDE_BY_ZERO}\n== SQL (line 1, position 8) ==\nSELECT pmod(7, id) FROM range(1)\n       ^^^^^^^^^^^\n`);
  expect(await errorOf('SELECT abs(CAST(id - 2147483648 AS INT)) FROM range(1)')).toBe(
    `[ARITHMETIC_OVERFLOW] integer overflow. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22003\n== SQL (line 1, position 8) ==\nSELECT abs(CAST(id - 2147483648 AS INT)) FROM range(1)\n       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n`,
  );
});

it('a decimal result out of range names its expression', async () => {
  const message = await errorOf('SELECT CAST(id + 999 AS DECIMAL(3, 1)) FROM range(1)');
  expect(message).toMatch(/^\[NUMERIC_VALUE_OUT_OF_RANGE\.WITH_SUGGESTION\] /);
  expect(message.split('\n').slice(1)).toEqual([
    '== SQL (line 1, position 8) ==',
    'SELECT CAST(id + 999 AS DECIMAL(3, 1)) FROM range(1)',
    '       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '',
  ]);
});

it('an expression of the DataFrame API has no SQL context', async () => {
  const message = await Promise.resolve()
    .then(() => fc.sql('SELECT id FROM range(2)').select(lit(1).divide(col('id'))).collect())
    .then(() => 'no error', (e: Error) => e.message);
  expect(message).toBe(DIVIDE_BY_ZERO);
});
