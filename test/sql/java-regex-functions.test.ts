/**
 * The regex functions take Java's dialect, as Spark does (java.util.regex): an inline flag at the
 * start, `(?i)abc`, and possessive quantifiers, `a++`, which JavaScript's RegExp rejects. Known
 * answers of Java's Pattern; the same patterns as literals (prepared once) and from a column
 * (prepared per row).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', ui: false, progress: false });
});
afterAll(async () => {
  await fc?.stop();
});

it('reads inline flags and possessive quantifiers as Java does, from literals and from columns', async () => {
  fc.sql("SELECT * FROM VALUES ('Hello World', '(?i)WORLD', 'l++', '(?s)a.b') AS t(s, nocase, possessive, dotall)").createOrReplaceTempView('t');
  const query = (p: (name: string, literal: string) => string) =>
    fc.sql(
      `SELECT s RLIKE ${p('nocase', "'(?i)WORLD'")} AS nocase, regexp_replace(s, ${p('possessive', "'l++'")}, 'L') AS replaced, ` +
        `regexp_extract(s, ${p('nocase', "'(?i)WORLD'")}, 0) AS found, 'a\nb' RLIKE ${p('dotall', "'(?s)a.b'")} AS dotall, ` +
        // A possessive quantifier gives nothing back: l++ takes both l's of "ll", so "l++l" cannot match them.
        "s RLIKE 'l++l' AS possessive_fails FROM t",
    ).collect();
  const expected = [{ nocase: true, replaced: 'HeLo WorLd', found: 'World', dotall: true, possessive_fails: false }];
  expect(await query((_, literal) => literal)).toEqual(expected);
  expect(await query((name) => name)).toEqual(expected);
});
