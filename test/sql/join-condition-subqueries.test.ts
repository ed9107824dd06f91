// IN / EXISTS / scalar subqueries in a join's ON condition, in every join type, as Spark 4 runs
// them: a subquery reading one side becomes an existence join on that side; one reading both
// sides, and a correlated scalar subquery, are Spark's analysis errors. Answers are Spark's own
// (sql-tests results/subquery/in-subquery/in-subquery-in-join-condition.sql.out): each row's
// values space-separated, rows separated by '|', in the query's ORDER BY order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-join-condition-subqueries' });
  await fc.sql('CREATE TEMP VIEW x(x1, x2) AS VALUES (2, 1), (1, 1), (3, 4)').collect();
  await fc.sql('CREATE TEMP VIEW y(y1, y2) AS VALUES (0, 2), (1, 4), (4, 11)').collect();
  await fc.sql('CREATE TEMP VIEW z(z1, z2) AS VALUES (4, 2), (3, 3), (8, 1)').collect();
}, 60_000);

afterAll(async () => {
  await fc?.stop();
});

const rows = async (query: string) =>
  (await fc.sql(query).collect()).map((r) => Object.values(r).map((v) => (v === null ? 'NULL' : String(v))).join(' ')).join('|');

const JOINS = ['inner', 'left', 'right', 'left semi', 'left anti', 'full outer'];
// Per join type, Spark's answers to x2 IN, x2 NOT IN, y2 IN, y2 NOT IN (the subquery correlated on the column it tests).
const CORRELATED_ON_OWN_SIDE: Record<string, string[]> = {
  inner: ['', '1 1 1 4', '', '1 1 1 4'],
  left: ['1 1 NULL NULL|2 1 NULL NULL|3 4 NULL NULL', '1 1 1 4|2 1 NULL NULL|3 4 NULL NULL', '1 1 NULL NULL|2 1 NULL NULL|3 4 NULL NULL', '1 1 1 4|2 1 NULL NULL|3 4 NULL NULL'],
  right: ['NULL NULL 0 2|NULL NULL 1 4|NULL NULL 4 11', 'NULL NULL 0 2|NULL NULL 4 11|1 1 1 4', 'NULL NULL 0 2|NULL NULL 1 4|NULL NULL 4 11', 'NULL NULL 0 2|NULL NULL 4 11|1 1 1 4'],
  'left semi': ['', '1 1', '', '1 1'],
  'left anti': ['1 1|2 1|3 4', '2 1|3 4', '1 1|2 1|3 4', '2 1|3 4'],
  'full outer': [
    'NULL NULL 0 2|NULL NULL 1 4|NULL NULL 4 11|1 1 NULL NULL|2 1 NULL NULL|3 4 NULL NULL',
    'NULL NULL 0 2|NULL NULL 4 11|1 1 1 4|2 1 NULL NULL|3 4 NULL NULL',
    'NULL NULL 0 2|NULL NULL 1 4|NULL NULL 4 11|1 1 NULL NULL|2 1 NULL NULL|3 4 NULL NULL',
    'NULL NULL 0 2|NULL NULL 4 11|1 1 1 4|2 1 NULL NULL|3 4 NULL NULL',
  ],
};
const ALL_PAIRS = '1 1 0 2|1 1 1 4|1 1 4 11|2 1 0 2|2 1 1 4|2 1 4 11|3 4 0 2|3 4 1 4|3 4 4 11';

describe('subqueries in a join condition', () => {
  it("IN and NOT IN correlated with either side, in every join type: Spark's answers", async () => {
    for (const join of JOINS) {
      const semi = join.startsWith('left semi') || join.startsWith('left anti');
      const order = semi ? 'x1, x2' : 'x1, x2, y1, y2';
      const variants = ['x2 IN (select z1 from z where z2 = x2)', 'x2 not IN (select z1 from z where z2 = x2)', 'y2 IN (select z1 from z where z2 = y2)', 'y2 not IN (select z1 from z where z2 = y2)'];
      for (const [i, predicate] of variants.entries()) {
        const query = `select * from x ${join} join y on x1 = y1 and ${predicate} order by ${order}`;
        expect(await rows(query), query).toBe(CORRELATED_ON_OWN_SIDE[join]![i]);
      }
    }
  });

  it("under OR and with the correlation on the joined column: Spark's answers", async () => {
    const expected: [string, string][] = [
      ['x1 = y1 or x2 IN (select z1 from z where z1 = x1)', '1 1 1 4'],
      ['x1 = y1 or x2 not IN (select z1 from z where z1 = x1)', ALL_PAIRS],
      ['x1 = y1 or y2 IN (select z1 from z where z1 = y1)', '1 1 1 4'],
      ['x1 = y1 or y2 not IN (select z1 from z where z1 = y1)', ALL_PAIRS],
    ];
    for (const [condition, answer] of expected) {
      expect(await rows(`select * from x inner join y on ${condition} order by x1, x2, y1, y2`), condition).toBe(answer);
      const left = answer === '1 1 1 4' ? '1 1 1 4|2 1 NULL NULL|3 4 NULL NULL' : answer;
      expect(await rows(`select * from x left join y on ${condition} order by x1, x2, y1, y2`), condition).toBe(left);
    }
    expect(await rows('select * from x left join y on x1 = y1 and y2 not IN (select z1 from z where z1 = y1) order by x1, x2, y1, y2')).toBe('1 1 1 4|2 1 NULL NULL|3 4 NULL NULL');
    expect(await rows('select * from x inner join y on x1 = y1 and x2 IN (select z1 from z where z1 = x1) order by x1, x2, y1, y2')).toBe('');
  });

  it("EXISTS and NOT EXISTS correlated with either side, alone and under OR: Spark's answers (exists-in-join-condition.sql.out)", async () => {
    const N = 'NULL NULL';
    const answers: Record<string, string[]> = {
      inner: ['1 1 1 4', '', '', '1 1 1 4'],
      left: [`1 1 1 4|2 1 ${N}|3 4 ${N}`, `1 1 ${N}|2 1 ${N}|3 4 ${N}`, `1 1 ${N}|2 1 ${N}|3 4 ${N}`, `1 1 1 4|2 1 ${N}|3 4 ${N}`],
      right: [`${N} 0 2|${N} 4 11|1 1 1 4`, `${N} 0 2|${N} 1 4|${N} 4 11`, `${N} 0 2|${N} 1 4|${N} 4 11`, `${N} 0 2|${N} 4 11|1 1 1 4`],
      'left semi': ['1 1', '', '', '1 1'],
      'left anti': ['2 1|3 4', '1 1|2 1|3 4', '1 1|2 1|3 4', '2 1|3 4'],
      'full outer': [
        `${N} 0 2|${N} 4 11|1 1 1 4|2 1 ${N}|3 4 ${N}`,
        `${N} 0 2|${N} 1 4|${N} 4 11|1 1 ${N}|2 1 ${N}|3 4 ${N}`,
        `${N} 0 2|${N} 1 4|${N} 4 11|1 1 ${N}|2 1 ${N}|3 4 ${N}`,
        `${N} 0 2|${N} 4 11|1 1 1 4|2 1 ${N}|3 4 ${N}`,
      ],
    };
    for (const join of JOINS) {
      const order = join.startsWith('left semi') || join.startsWith('left anti') ? 'x1, x2' : 'x1, x2, y1, y2';
      for (const [i, predicate] of ['exists (select * from z where z2 = x2)', 'not exists (select * from z where z2 = x2)', 'exists (select * from z where z2 = y2)', 'not exists (select * from z where z2 = y2)'].entries()) {
        const query = `select * from x ${join} join y on x1 = y1 and ${predicate} order by ${order}`;
        expect(await rows(query), query).toBe(answers[join]![i]);
      }
    }
    const underOr: [string, string, string][] = [
      ['exists (select * from z where z1 = x1)', '1 1 1 4|3 4 0 2|3 4 1 4|3 4 4 11', `1 1 1 4|2 1 ${N}|3 4 0 2|3 4 1 4|3 4 4 11`],
      ['not exists (select * from z where z1 = x1)', '1 1 0 2|1 1 1 4|1 1 4 11|2 1 0 2|2 1 1 4|2 1 4 11', `1 1 0 2|1 1 1 4|1 1 4 11|2 1 0 2|2 1 1 4|2 1 4 11|3 4 ${N}`],
      ['exists (select * from z where z1 = y1)', '1 1 1 4|1 1 4 11|2 1 4 11|3 4 4 11', '1 1 1 4|1 1 4 11|2 1 4 11|3 4 4 11'],
      ['not exists (select * from z where z1 = y1)', '1 1 0 2|1 1 1 4|2 1 0 2|2 1 1 4|3 4 0 2|3 4 1 4', '1 1 0 2|1 1 1 4|2 1 0 2|2 1 1 4|3 4 0 2|3 4 1 4'],
    ];
    for (const [predicate, inner, left] of underOr) {
      expect(await rows(`select * from x inner join y on x1 = y1 or ${predicate} order by x1, x2, y1, y2`), predicate).toBe(inner);
      expect(await rows(`select * from x left join y on x1 = y1 or ${predicate} order by x1, x2, y1, y2`), predicate).toBe(left);
    }
  });

  it('uncorrelated subqueries hold for every row; a scalar one too', async () => {
    expect(await rows('select * from x left join y on x1 = y1 and exists (select 1 from z where z1 = 8) order by x1')).toBe('1 1 1 4|2 1 NULL NULL|3 4 NULL NULL');
    expect(await rows('select * from x left join y on x1 = y1 and not exists (select 1 from z where z1 = 8) order by x1')).toBe('1 1 NULL NULL|2 1 NULL NULL|3 4 NULL NULL');
    expect(await rows('select * from x full outer join y on x1 = y1 and y2 > (select max(z2) from z) order by x1, y1')).toBe('NULL NULL 0 2|NULL NULL 4 11|1 1 1 4|2 1 NULL NULL|3 4 NULL NULL');
    expect(await rows('select * from x right join y on x1 = y1 and y2 IN (select z1 from z) order by y1')).toBe('NULL NULL 0 2|1 1 1 4|NULL NULL 4 11');
  });

  it("a subquery reading both sides, and a correlated scalar subquery, are Spark's errors", () => {
    for (const join of ['left', 'inner']) {
      expect(() => fc.sql(`select * from x ${join} join y on x1 = y1 and x2 IN (select z1 from z where z2 = x2 AND z2 = y2)`)).toThrow(
        '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_EXPRESSION_IN_JOIN_CONDITION] Unsupported subquery expression: Correlated subqueries in the join predicate cannot reference both join inputs:',
      );
      expect(() => fc.sql(`select * from x ${join} join y on x1 = y1 and y2 > (select max(z2) from z where z1 = x1)`)).toThrow(
        '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY] Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands:',
      );
    }
  });
});
