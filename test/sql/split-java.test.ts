/**
 * split(str, regex[, limit]) is Spark's UTF8String.split: Java's String.split with a limit of 0
 * taken as -1 (trailing empty strings stay), not JavaScript's. Expected values: Spark's
 * string-functions.sql.out and StringSplit examples, PySpark's split docstring, and the
 * String.split Javadoc's "boo:and:foo" table; the rest follow Java's rules as that Javadoc states
 * them (a zero-width match at the start gives no empty leading part; captured groups are no parts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
});
afterAll(async () => fc?.stop());

const value = async (query: string) => Object.values((await fc.sql(`SELECT ${query}`).collect())[0]!)[0];

it.each([
  ["split('aa1cc2ee3', '[1-9]+')", ['aa', 'cc', 'ee', '']],
  ["split('aa1cc2ee3', '[1-9]+', 2)", ['aa', 'cc2ee3']],
  ["split('oneAtwoBthreeC', '[ABC]', -1)", ['one', 'two', 'three', '']],
  ["split('oneAtwoBthreeC', '[ABC]', 0)", ['one', 'two', 'three', '']],
  // The Javadoc's table (limit 0 is Spark's -1).
  ["split('boo:and:foo', ':', 2)", ['boo', 'and:foo']],
  ["split('boo:and:foo', ':', 5)", ['boo', 'and', 'foo']],
  ["split('boo:and:foo', 'o', 5)", ['b', '', ':and:f', '', '']],
  ["split('boo:and:foo', 'o', -2)", ['b', '', ':and:f', '', '']],
  ["split('boo:and:foo', 'o', 0)", ['b', '', ':and:f', '', '']],
  ["split('boo:and:foo', 'o', 1)", ['boo:and:foo']],
  // Groups the pattern captures are not parts (JavaScript's split would return them).
  ["split('aa1cc2ee3', '([1-9])')", ['aa', 'cc', 'ee', '']],
  ["split('a-b_c', '(-)|(_)')", ['a', 'b', 'c']],
  // Zero-width matches: none at the start, one right after a match, one at the end.
  ["split('abc', 'x*')", ['a', 'b', 'c', '']],
  ["split('a,b', ',*')", ['a', '', 'b', '']],
  ["split('abc', '(?=b)')", ['a', 'bc']],
  ["split(',a,,b,,', ',')", ['', 'a', '', 'b', '', '']],
  ["split('abc', 'z')", ['abc']],
  ["split('', ',')", ['']],
  // An empty pattern gives the characters (UTF8String.split's own case), at most `limit`.
  ["split('abc', '')", ['a', 'b', 'c']],
  ["split('abc', '', 2)", ['a', 'b']],
  ["split('', '')", ['']],
])('%s', async (query, expected) => {
  expect(await value(query)).toEqual(expected);
});

it('names the two-argument form with its default limit, as Spark does', () => {
  expect(fc.sql("SELECT split('aa1cc2ee3', '[1-9]+')").columns).toEqual(['split(aa1cc2ee3, [1-9]+, -1)']);
});

it('F.split with a pattern column and limits (PySpark docstring)', async () => {
  const df = fc.createDataFrame([['oneAtwoBthreeC']], 's STRING');
  expect(await df.select(F.split('s', '[ABC]', 2).alias('s')).collect()).toEqual([{ s: ['one', 'twoBthreeC'] }]);
  expect(await df.select(F.split('s', '([ABC])', -1).alias('s')).collect()).toEqual([{ s: ['one', 'two', 'three', ''] }]);
});

it("str_to_map splits as StringToMap does (UTF8String.split, limits -1 and 2): Spark's examples, and groups are no parts", async () => {
  const row = (await fc.sql("SELECT str_to_map('a:1,b:2,c:3', ',', ':') AS a, str_to_map('a') AS b, str_to_map('a:1,b:2', '(,)', '(:)') AS c, str_to_map('a:1:2;b', ';') AS d").collect())[0]!;
  const entries = (m: unknown) => Object.fromEntries(m as Map<string, string | null>);
  expect([row.a, row.b, row.c, row.d].map(entries)).toEqual([{ a: '1', b: '2', c: '3' }, { a: null }, { a: '1', b: '2' }, { a: '1:2', b: null }]);
});
