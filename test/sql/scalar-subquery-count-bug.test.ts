// The COUNT bug of correlated scalar subqueries: an outer row that no inner row matches gets the
// subquery's value on no rows (0 for count(*), 0 for coalesce(sum(x), 0), [] for collect_list),
// not the null of the left join the subquery becomes; a HAVING clause is evaluated on those no
// rows too. Checked against Spark's own answers (sql-tests results
// subquery/scalar-subquery/scalar-subquery-count-bug.sql.out) and against DuckDB on the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';
import { rowsDifference } from './compare-rows.js';

// id, x, g
const LHS: [number, number | null, number | null][] = [[0, 1, 1], [1, 2, 1], [2, 3, 2], [3, null, 3], [4, 4, 4], [5, 5, null]];
// y, g: group 1 has two rows, group 2 one with a null y, group 3 one; groups 4 and null none
const RHS: [number | null, number | null][] = [[10, 1], [20, 1], [null, 2], [30, 3], [40, null], [50, 7]];

let fc: FlintContext;
let duck: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-count-bug' });
  fc.createDataFrame(LHS, 'id INT, x INT, g INT').createOrReplaceTempView('lhs');
  fc.createDataFrame(RHS, 'y INT, g INT').createOrReplaceTempView('rhs');
  duck = await DuckDbReference.open(1);
  await duck.createTable('lhs', 'id INTEGER, x INTEGER, g INTEGER', LHS);
  await duck.createTable('rhs', 'y INTEGER, g INTEGER', RHS);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

/** Each query's rows, in order, are DuckDB's. */
async function expectDuckDbAnswers(queries: readonly string[]): Promise<void> {
  for (const query of queries) expect(rowsDifference(await fc.sql(query).collect(), await duck.query(query), { ordered: true }), query).toBeNull();
}

describe('correlated scalar subqueries over no matching rows', () => {
  it('take the value the subquery has on no rows, as DuckDB does', async () => {
    const queries = [
      'SELECT id, (SELECT coalesce(sum(y), 0) FROM rhs WHERE rhs.g = lhs.g) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT count(y) * 10 + 1 FROM rhs WHERE rhs.g = lhs.g) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT coalesce(max(y), -1) + count(*) FROM rhs WHERE rhs.g = lhs.g AND y > 15) AS s FROM lhs ORDER BY id',
      'SELECT id FROM lhs WHERE (SELECT coalesce(sum(y), 0) FROM rhs WHERE rhs.g = lhs.g) = 0 ORDER BY id',
      // HAVING, true on no rows: pulled above the join; a matched group that fails it is null.
      'SELECT id, (SELECT coalesce(max(y), -1) AS m FROM rhs WHERE rhs.g = lhs.g HAVING count(*) < 2) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT count(*) FROM rhs WHERE rhs.g = lhs.g HAVING sum(y) IS NULL) AS s FROM lhs ORDER BY id',
      // HAVING false on no rows: no value then.
      'SELECT id, (SELECT coalesce(sum(y), 0) FROM rhs WHERE rhs.g = lhs.g HAVING count(*) > 0) AS s FROM lhs ORDER BY id',
    ];
    await expectDuckDbAnswers(queries);
  });

  it('correlated by a predicate other than inner column = outer value: a domain join, as DuckDB answers', async () => {
    const queries = [
      'SELECT id, (SELECT count(*) FROM rhs WHERE rhs.g = lhs.g AND y > x * 5) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT coalesce(sum(y), 0) FROM rhs WHERE y < x * 10) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT max(y) FROM rhs WHERE rhs.g + 0 = lhs.g) AS s FROM lhs ORDER BY id',
      'SELECT id FROM lhs WHERE (SELECT count(*) FROM rhs WHERE y BETWEEN x * 5 AND x * 10) > 1 ORDER BY id',
    ];
    await expectDuckDbAnswers(queries);
    // In an EXISTS subquery's aggregate it is Spark's analysis error.
    expect(() => fc.sql('SELECT id FROM lhs WHERE EXISTS (SELECT count(*) FROM rhs WHERE y > x HAVING count(*) > 1)')).toThrow(
      '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_COLUMN_IS_NOT_ALLOWED_IN_PREDICATE] Unsupported subquery expression: Correlated column is not allowed in predicate:',
    );
  });

  it("a scalar subquery of one row at most has its value (DuckDB's); a second row is Spark's SCALAR_SUBQUERY_TOO_MANY_ROWS", async () => {
    await expectDuckDbAnswers([
      'SELECT id, (SELECT y FROM rhs WHERE g = 3) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT y FROM rhs WHERE g = 5) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT y FROM rhs WHERE rhs.g = lhs.g AND y IS NULL) AS s FROM lhs ORDER BY id',
      'SELECT id, (SELECT y FROM rhs WHERE rhs.g = lhs.g) AS s FROM lhs WHERE g > 1 ORDER BY id',
    ]);
    for (const query of ['SELECT id, (SELECT y FROM rhs) AS s FROM lhs', 'SELECT id, (SELECT y FROM rhs WHERE rhs.g = lhs.g) AS s FROM lhs']) {
      await expect(fc.sql(query).collect(), query).rejects.toThrow('[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression. SQLSTATE: 21000');
    }
  });

  it('an uncorrelated scalar subquery of several rows fails even when no outer row reads it, at its first attempt', async () => {
    // Spark evaluates an uncorrelated scalar subquery before the plan that reads it.
    for (const query of ['SELECT id, (SELECT y FROM rhs) AS s FROM lhs WHERE id > 100', 'SELECT id FROM lhs WHERE id < 0 AND x > (SELECT y FROM rhs WHERE g = 1)']) {
      const error = (await fc.sql(query).collect().then(() => undefined, (e: Error) => e)) as (Error & { failures?: number }) | undefined;
      expect(error?.message, query).toBe('[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression. SQLSTATE: 21000');
      expect(error?.failures, query).toBe(1);
    }
    await expectDuckDbAnswers(['SELECT id, (SELECT y FROM rhs WHERE g = 3) AS s FROM lhs WHERE id > 100']);
  });

  it("a scalar subquery of two columns is Spark's analysis error", () => {
    expect(() => fc.sql('SELECT id, (SELECT y, g FROM rhs LIMIT 1) AS s FROM lhs')).toThrow(
      '[INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN] Invalid subquery: Scalar subquery must return only one column, but got 2. SQLSTATE: 42823',
    );
  });

  it('collect_list over no rows is an empty array (Spark: Collect.defaultResult), sum is null', async () => {
    const rows = await fc.sql('SELECT id, (SELECT collect_list(y) FROM rhs WHERE rhs.g = lhs.g) AS l, (SELECT sum(y) FROM rhs WHERE rhs.g = lhs.g) AS s FROM lhs ORDER BY id').collect();
    expect(rows.map((r) => [r.l, r.s])).toEqual([[[10, 20], 30], [[10, 20], 30], [[], null], [[30], 30], [[], null], [[], null]]);
  });

  it("gives Spark's answers (scalar-subquery-count-bug.sql.out)", async () => {
    await fc.sql('create temp view l (a, b) as values (1, 2.0), (1, 2.0), (2, 1.0), (2, 1.0), (3, 3.0), (null, null), (null, 5.0), (6, null)').collect();
    await fc.sql('create temp view r (c, d) as values (2, 3.0), (2, 3.0), (3, 2.0), (4, 1.0), (null, null), (null, 5.0), (6, null)').collect();
    await fc.sql('CREATE TEMPORARY VIEW null_view(a, b) AS SELECT CAST(null AS int), CAST(null as int)').collect();
    const values = async (subquery: string) => (await fc.sql(`select a, b, (${subquery}) AS v from l`).collect()).map((row) => `${row.a} ${row.b} ${row.v}`).sort();
    // Spark's outputs, one line per row "a b value", sorted.
    const spark = (...lines: string[]) => lines.sort();
    expect(await values('select count(*) from r where l.a = r.c')).toEqual(spark('1 2 0', '1 2 0', '2 1 2', '2 1 2', '3 3 1', '6 null 1', 'null 5 0', 'null null 0'));
    expect(await values('select count(*) from r where l.a = r.c group by c')).toEqual(spark('1 2 null', '1 2 null', '2 1 2', '2 1 2', '3 3 1', '6 null 1', 'null 5 null', 'null null null'));
    expect(await values("select count(*) from r where l.a = r.c group by 'constant'")).toEqual(spark('1 2 null', '1 2 null', '2 1 2', '2 1 2', '3 3 1', '6 null 1', 'null 5 null', 'null null null'));
    expect(await values('select (count(*)) is null from r where l.a = r.c')).toEqual(spark('1 2 false', '1 2 false', '2 1 false', '2 1 false', '3 3 false', '6 null false', 'null 5 false', 'null null false'));
    expect(await values('select (count(*)) is null from r where l.a = r.c group by r.c')).toEqual(spark('1 2 null', '1 2 null', '2 1 false', '2 1 false', '3 3 false', '6 null false', 'null 5 null', 'null null null'));
    expect(await values('select count(*) from r where l.a = r.c having count(*) <= 1')).toEqual(spark('1 2 0', '1 2 0', '2 1 null', '2 1 null', '3 3 1', '6 null 1', 'null 5 0', 'null null 0'));
    expect(await values('select count(*) from r where l.a = r.c having count(*) >= 2')).toEqual(spark('1 2 null', '1 2 null', '2 1 2', '2 1 2', '3 3 null', '6 null null', 'null 5 null', 'null null null'));
    // Spark names the column after the outer columns the subquery reads (its schema line).
    expect(fc.sql('select *, (select count(*) from r where l.a = r.c) from l').columns).toEqual(['a', 'b', 'scalarsubquery(a)']);
    expect(fc.sql('select a, (select max(d) from r) from l').columns).toEqual(['a', 'scalarsubquery()']);
    const nullView = 'SELECT COUNT(null_view.a) AS result FROM null_view WHERE null_view.a = l.a';
    expect(await values(nullView)).toEqual(spark(...['1 2', '1 2', '2 1', '2 1', '3 3', '6 null', 'null 5', 'null null'].map((r) => `${r} 0`)));
    expect(await values(`${nullView} having count(*) > -1`)).toEqual(spark(...['1 2', '1 2', '2 1', '2 1', '3 3', '6 null', 'null 5', 'null null'].map((r) => `${r} 0`)));
  });
});
