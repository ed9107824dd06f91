/**
 * LIKE / ILIKE with an ESCAPE character, and F.like / F.ilike with PySpark 3.5's escapeChar.
 * Answers are Spark's: the Like and ILike ExpressionDescription examples, PySpark's like/ilike
 * docstrings, and StringUtils.escapeLikeRegex's errors (INVALID_FORMAT.ESC_IN_THE_MIDDLE /
 * ESC_AT_THE_END, messages from error-conditions.json; SQLQuerySuite's SPARK-33677 cases).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext, functions as F, col, lit } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterAll(async () => fc?.stop());

const value = async (query: string) => Object.values((await fc.sql(query).collect())[0]!)[0];
const failure = async (query: string) => (await fc.sql(query).collect().then(() => new Error('no error'), (e: Error) => e)).message;

it.each([
  ["SELECT '%SystemDrive%/Users/John' LIKE '/%SystemDrive/%//Users%' ESCAPE '/'", true],
  ["SELECT '%SystemDrive%/Users/John' ILIKE '/%SYSTEMDrive/%//Users%' ESCAPE '/'", true],
  ["SELECT 'm@ca' LIKE 'm@@ca' ESCAPE '@'", true],
  ["SELECT 'a_c' LIKE 'a#_c' ESCAPE '#'", true],
  ["SELECT 'abc' LIKE 'a#_c' ESCAPE '#'", false],
  ["SELECT 'abc' NOT LIKE 'a#_c' ESCAPE '#'", true],
  ["SELECT 'A_C' ILIKE 'a#_c' ESCAPE '#'", true],
  // An escaped % is text, so the pattern is no startsWith/endsWith test (SPARK-33677).
  ["SELECT 'ab%' LIKE 'ab#%' ESCAPE '#'", true],
  ["SELECT 'abc' LIKE 'ab#%' ESCAPE '#'", false],
  ["SELECT 'x%y' LIKE '%#%%' ESCAPE '#'", true],
  ["SELECT 'xy' LIKE '%#%%' ESCAPE '#'", false],
  // With another escape character the backslash is text.
  ["SELECT 'a\\\\xy' LIKE 'a\\\\%' ESCAPE '!'", true],
  ["SELECT '\\\\abc' LIKE '\\\\\\\\abc'", true],
])('%s', async (query, expected) => {
  expect(await value(query)).toBe(expected);
});

it('names the column as Spark does: the ESCAPE suffix unless the escape is the backslash', () => {
  expect(fc.sql("SELECT 'a' LIKE 'a' ESCAPE '#', 'a' LIKE 'a' ESCAPE '\\\\', 'a' ILIKE 'a' ESCAPE '#'").columns).toEqual([
    "a LIKE a ESCAPE '#'",
    'a LIKE a',
    'ilike(a, a)',
  ]);
});

it.each([
  ["SELECT 'm@ca' LIKE 'm%@ca' ESCAPE '%'", "[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: 'm%@ca'. The escape character is not allowed to precede '@'. SQLSTATE: 42601"],
  ["SELECT 'jialiuping' LIKE 'jialiuping%' ESCAPE '%'", "[INVALID_FORMAT.ESC_AT_THE_END] The format is invalid: 'jialiuping%'. The escape character is not allowed to end with. SQLSTATE: 42601"],
  ["SELECT 'a!b' LIKE 'a!b' ESCAPE '!'", "[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: 'a!b'. The escape character is not allowed to precede 'b'. SQLSTATE: 42601"],
  ["SELECT 'x\\\\y' LIKE 'x\\\\y'", "[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: 'x\\\\y'. The escape character is not allowed to precede 'y'. SQLSTATE: 42601"],
  ["SELECT 'AB' ILIKE 'A#B' ESCAPE '#'", "[INVALID_FORMAT.ESC_IN_THE_MIDDLE] The format is invalid: 'a#b'. The escape character is not allowed to precede 'b'. SQLSTATE: 42601"],
])('%s fails as escapeLikeRegex does', async (query, message) => {
  expect(await failure(query)).toContain(message);
});

it('an ESCAPE string of other than one character is INVALID_ESC', () => {
  expect(() => fc.sql("SELECT 'a' LIKE 'a' ESCAPE '##'")).toThrow(
    "[INVALID_ESC] Found an invalid escape string: '##'. The escape string must contain only one character. SQLSTATE: 42604",
  );
  expect(() => fc.sql("SELECT 'a' LIKE 'a' ESCAPE ''")).toThrow("[INVALID_ESC] Found an invalid escape string: ''.");
});

it("F.like / F.ilike take PySpark 3.5's escapeChar column (the docstring examples)", async () => {
  const df = fc.createDataFrame([['%SystemDrive%/Users/John', '/%SystemDrive/%//Users%']], 'a STRING, b STRING');
  expect(await df.select(F.like(df.col('a'), df.col('b'), lit('/')).alias('r')).collect()).toEqual([{ r: true }]);
  expect(await df.select(F.ilike(df.col('a'), df.col('b'), lit('/')).alias('r')).collect()).toEqual([{ r: true }]);
  const spark = fc.createDataFrame([['Spark', '_park']], 'a STRING, b STRING');
  expect(await spark.select(F.like('a', 'b').alias('r'), F.ilike('a', F.lit('_PARK')).alias('i')).collect()).toEqual([{ r: true, i: true }]);
});

it('an escapeChar that is no one-character string literal is INVALID_ESCAPE_CHAR', () => {
  const df = fc.createDataFrame([['a', 'a', '!']], 'a STRING, b STRING, e STRING');
  expect(() => df.select(F.like('a', 'b', lit('##')))).toThrow(
    "[INVALID_ESCAPE_CHAR] `EscapeChar` should be a string literal of length one, but got \"'##'\". SQLSTATE: 42604",
  );
  expect(() => df.select(F.ilike('a', 'b', col('e')))).toThrow('[INVALID_ESCAPE_CHAR] `EscapeChar` should be a string literal of length one, but got "e". SQLSTATE: 42604');
});

it("like, ilike, rlike and regexp are function names too (Spark's ExpressionDescription examples)", async () => {
  const df = fc.sql("SELECT like('Spark', '_park'), ilike('Spark', '_Park'), rlike('Spark', 'S.*'), regexp('Spark', 'x')");
  expect(df.columns[0]).toBe('Spark LIKE _park');
  expect(Object.values((await df.collect())[0]!)).toEqual([true, true, true, false]);
});
