/**
 * Generated column names and types of SQL literals, as Spark 4 gives them: the expected schemas
 * are the `-- !query schema` lines of Spark's sql-tests/results/ansi/literals.sql.out (a literal
 * is named by Literal.sql, or by its value's Java toString for numbers). A typed literal whose
 * text is not a date or timestamp fails when parsed, with Spark's INVALID_TYPED_LITERAL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext, lit } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.conf.set('spark.sql.session.timeZone', 'UTC');
});
afterAll(async () => fc?.stop());

/** `struct<a:t,b:u>` as Spark's golden files print a query's schema. */
const schemaOf = (query: string) => `struct<${fc.sql(query).dtypes.map(([name, type]) => `${name}:${type}`).join(',')}>`;

it.each([
  ["select tImEstAmp '2016-03-11 20:54:00.000'", "struct<TIMESTAMP '2016-03-11 20:54:00':timestamp>"],
  ["select dAte '2016-03-12'", "struct<DATE '2016-03-12':date>"],
  ['select 1F, 1.2F, .10f, 0.10f', 'struct<1.0:float,1.2:float,0.1:float,0.1:float>'],
  ['select -1F, -1.2F, -.10F, -0.10F', 'struct<-1.0:float,-1.2:float,-0.1:float,-0.1:float>'],
  [
    'select 1D, 1.2D, 1e10, 1.5e5, .10D, 0.10D, .1e5, .9e+2, 0.9e+2, 900e-1, 9.e+1',
    'struct<1.0:double,1.2:double,1.0E10:double,150000.0:double,0.1:double,0.1:double,10000.0:double,90.0:double,90.0:double,90.0:double,90.0:double>',
  ],
  ['select 0.3, -0.8, .5, -.18, 0.1111, .1111', 'struct<0.3:decimal(1,1),-0.8:decimal(1,1),0.5:decimal(1,1),-0.18:decimal(2,2),0.1111:decimal(4,4),0.1111:decimal(4,4)>'],
  ['select 123.0E-28BD, 123.08BD', 'struct<1.230E-26:decimal(29,29),123.08:decimal(5,2)>'],
  ["select x'2379ACFe'", "struct<X'2379ACFE':binary>"],
  ['select 1L, 2147483648L', 'struct<1:bigint,2147483648:bigint>'],
  ['select 127Y, -128Y, 32767S, -32768S', 'struct<127:tinyint,-128:tinyint,32767:smallint,-32768:smallint>'],
])('%s is named as in Spark', (query, schema) => {
  expect(schemaOf(query)).toBe(schema);
});

it('names a timestamp literal by its normalised wall clock, inside other expressions too', () => {
  // From literals.sql.out's `-timestamp '1999-01-01'` error, whose sqlExpr is "(- TIMESTAMP '1999-01-01 00:00:00')".
  expect(fc.sql("select timestamp '1999-01-01'").columns).toEqual(["TIMESTAMP '1999-01-01 00:00:00'"]);
  expect(fc.sql("select TIMESTAMP_NTZ '2024-01-01 10:11:12.50', TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 DAY").columns).toEqual([
    "TIMESTAMP_NTZ '2024-01-01 10:11:12.5'",
    "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' DAY",
  ]);
});

it('a decimal literal keeps its scale in its name (Java BigDecimal.toString)', () => {
  expect(schemaOf('select 100.00BD, 0.000001, 0.0000001, 1.5E3BD')).toBe('struct<100.00:decimal(5,2),0.000001:decimal(6,6),1E-7:decimal(7,7),1500:decimal(4,0)>');
});

it('a timestamp literal and lit(Date) print fractions as Spark does', async () => {
  const df = fc.sql("select TIMESTAMP '2016-03-11 20:54:00.250' AS t").select('t', lit(new Date(Date.UTC(2024, 0, 1, 10, 11, 12, 500))));
  expect(df.columns).toEqual(['t', "TIMESTAMP '2024-01-01 10:11:12.5'"]);
  expect((await df.collect())[0]!.t).toEqual(new Date(Date.UTC(2016, 2, 11, 20, 54, 0, 250)));
});

it('an invalid typed literal fails when parsed, with Spark error class and SQLSTATE', () => {
  expect(() => fc.sql("select timestamp '2016-33-11 20:54:00.000'")).toThrow(
    `[INVALID_TYPED_LITERAL] The value of the typed literal "TIMESTAMP" is invalid: '2016-33-11 20:54:00.000'. SQLSTATE: 42604`,
  );
  expect(() => fc.sql("select date 'mar 11 2016'")).toThrow(`[INVALID_TYPED_LITERAL] The value of the typed literal "DATE" is invalid: 'mar 11 2016'. SQLSTATE: 42604`);
});

it('unary minus takes numbers and intervals only: the mismatch literals.sql.out shows for dates, timestamps and binary', () => {
  const mismatch = (sql: string, type: string) =>
    `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "(- ${sql})" due to data type mismatch: The first parameter requires the ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL") type, however "${sql}" has the type "${type}". SQLSTATE: 42K09`;
  expect(() => fc.sql("select -date '1999-01-01'")).toThrow(mismatch("DATE '1999-01-01'", 'DATE'));
  expect(() => fc.sql("select -timestamp '1999-01-01'")).toThrow(mismatch("TIMESTAMP '1999-01-01 00:00:00'", 'TIMESTAMP'));
  expect(() => fc.sql("select -x'2379ACFe'")).toThrow(mismatch("X'2379ACFE'", 'BINARY'));
  expect(schemaOf("select -'1.5', -(1.5D)")).toBe('struct<(- 1.5):double,(- 1.5):double>');
  // Unary plus is Spark's UnaryPositive, with the same check (literals.sql.out's +date and +X'1').
  const plus = (sql: string, type: string) => mismatch(sql, type).replace('"(- ', '"(+ ');
  expect(() => fc.sql("select +date '1999-01-01'")).toThrow(plus("DATE '1999-01-01'", 'DATE'));
  expect(() => fc.sql("select +X'1'")).toThrow(plus("X'01'", 'BINARY'));
});
