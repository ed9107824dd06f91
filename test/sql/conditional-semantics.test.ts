/**
 * nanvl and nullif as Spark 4 evaluates them. nanvl(a, b) is Spark's NaNvl: null for a null `a`,
 * `b` only for a NaN `a`, and `b` is evaluated only then (so nanvl(1.0, 1/0) is 1.0 under ANSI).
 * nullif(a, b) is Spark's RuntimeReplaceable `if(a = b, null, a)`: `=`'s semantics (NaN = NaN,
 * arrays by value, a string read as the other side's type), `a`'s type. Spark 4's date_add takes
 * an INT, SMALLINT or TINYINT day count in both modes (sql-tests results date.sql.out and
 * nonansi/date.sql.out both reject 1L).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.createDataFrame(
    [
      { id: 0, x: 1.5, y: 0 },
      { id: 1, x: Number.NaN, y: 2 },
      { id: 2, x: null, y: 0 },
    ],
    'id INT, x DOUBLE, y INT',
  ).createOrReplaceTempView('t');
});
afterAll(async () => fc?.stop());

/** The query's rows, or its error (analysis errors are thrown by fc.sql itself). */
const run = async (query: string) => fc.sql(query).collect();
const values = async (query: string) => (await fc.sql(query).collect()).map((r) => Object.values(r)[0]);

it('nanvl evaluates its second argument only for a NaN first argument', async () => {
  expect(await values('SELECT nanvl(1.0, 1 / 0)')).toEqual([1]);
  expect(await values('SELECT nanvl(NULL, 1 / 0)')).toEqual([null]);
  // Per row (not folded): the division runs for the NaN row only, where y is 2.
  expect(await values('SELECT nanvl(x, 10 / y) FROM t ORDER BY id')).toEqual([1.5, 5, null]);
  await expect(run("SELECT nanvl(CAST('NaN' AS DOUBLE), 1 / 0)")).rejects.toThrow(/^\[DIVIDE_BY_ZERO\]/);
});

it('nullif compares as = does and returns its first argument', async () => {
  expect(await values('SELECT nullif(x, x) FROM t ORDER BY id')).toEqual([null, null, null]);
  expect(await values('SELECT nullif(array(1, 2), array(1, 2))')).toEqual([null]);
  expect(await values('SELECT nullif(array(1, 2), array(1, 3))')).toEqual([[1, 2]]);
  expect(await values("SELECT nullif(named_struct('a', y), named_struct('a', 0)) FROM t ORDER BY id")).toEqual([null, { a: 2 }, null]);
  expect(await values("SELECT nullif(DATE '2024-01-01', '2024-01-01')")).toEqual([null]);
  expect(await values("SELECT nullif(y, '2') FROM t ORDER BY id")).toEqual([0, null, 0]);
  expect(await values('SELECT nullif(y, NULL) FROM t ORDER BY id')).toEqual([0, 2, 0]);
});

it('date_add and date + n reject a bigint day count with ANSI on and off, as Spark 4 does', async () => {
  const message = /^\[DATATYPE_MISMATCH\.UNEXPECTED_INPUT_TYPE\] Cannot resolve "date_add\(DATE '2011-11-11', 1L\)".*requires the \("INT" or "SMALLINT" or "TINYINT"\) type, however "1L" has the type "BIGINT"/;
  for (const ansi of ['true', 'false']) {
    fc.conf.set('spark.sql.ansi.enabled', ansi);
    await expect(run("SELECT date_add(DATE '2011-11-11', 1L)")).rejects.toThrow(message);
    await expect(run("SELECT DATE '2011-11-11' + 1L")).rejects.toThrow(message);
    expect(await values("SELECT DATE '2001-09-28' + 7Y")).toEqual([new Date(Date.UTC(2001, 9, 5))]);
  }
  fc.conf.unset('spark.sql.ansi.enabled');
});
