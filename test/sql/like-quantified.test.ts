/**
 * `x [NOT] LIKE ANY|SOME|ALL (patterns)` (and ILIKE): Spark's LikeAny / LikeAll. The queries and
 * answers are Spark's sql-tests like-any.sql.out and like-all.sql.out, over their view of three
 * companies (NULL patterns leave a row undecided, so filtered out, unless another pattern decides
 * it); besides, SOME is ANY in Spark's grammar and ILIKE ANY matches case-insensitively.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]' });
  fc.sql("CREATE OR REPLACE TEMPORARY VIEW t AS SELECT * FROM (VALUES ('google', '%oo%'), ('facebook', '%oo%'), ('linkedin', '%in')) AS t1(company, pat)");
});
afterAll(async () => fc?.stop());

const companies = async (condition: string) =>
  (await fc.sql(`SELECT company FROM t WHERE ${condition}`).collect()).map((r) => r.company as string).sort();

it.each([
  ["company LIKE ANY ('%oo%', '%in', 'fa%')", ['facebook', 'google', 'linkedin']],
  ["company LIKE ANY ('microsoft', '%yoo%')", []],
  ["company LIKE ANY ('%zz%', pat)", ['facebook', 'google', 'linkedin']],
  ["company NOT LIKE ANY ('%oo%', '%in', 'fa%')", ['facebook', 'google', 'linkedin']],
  ["company NOT LIKE ANY ('%oo%', 'fa%')", ['google', 'linkedin']],
  ["NOT company LIKE ANY ('%oo%', 'fa%')", ['linkedin']],
  ["company LIKE ANY ('%oo%', NULL)", ['facebook', 'google']],
  ["company NOT LIKE ANY ('%oo%', NULL)", ['linkedin']],
  ['company LIKE ANY (NULL, NULL)', []],
  ["company LIKE SOME ('%in', 'fa%')", ['facebook', 'linkedin']],
  ["company LIKE ALL ('%oo%', '%go%')", ['google']],
  ["company LIKE ALL ('%oo%', pat)", ['facebook', 'google']],
  ["company NOT LIKE ALL ('%oo%', '%in', 'fa%')", []],
  ["company NOT LIKE ALL ('microsoft', '%yoo%')", ['facebook', 'google', 'linkedin']],
  ["company NOT LIKE ALL ('%oo%', 'fa%')", ['linkedin']],
  ["NOT company LIKE ALL ('%oo%', 'fa%')", ['google', 'linkedin']],
  ["company LIKE ALL ('%oo%', NULL)", []],
  ["company NOT LIKE ALL ('%oo%', NULL)", []],
  ["company ILIKE ANY ('%OO%', 'FA%')", ['facebook', 'google']],
])('%s', async (condition, expected) => {
  expect(await companies(condition)).toEqual(expected);
});

it('the CASE WHEN forms of the goldens', async () => {
  const rows = await fc
    .sql("SELECT company, CASE WHEN company LIKE ALL ('%oo%', '%go%') THEN 'Y' ELSE 'N' END AS a, CASE WHEN company LIKE ANY ('%oo%', 'fa%') OR company LIKE ANY ('%in', 'ms%') THEN 'Y' ELSE 'N' END AS b FROM t ORDER BY company")
    .collect();
  expect(rows).toEqual([
    { company: 'facebook', a: 'N', b: 'Y' },
    { company: 'google', a: 'Y', b: 'Y' },
    { company: 'linkedin', a: 'N', b: 'Y' },
  ]);
});

it('an empty pattern list is a syntax error', () => {
  expect(() => fc.sql('SELECT company FROM t WHERE company LIKE ANY ()')).toThrow("expected something between '(' and ')'");
});
