import { describe, expect, it } from 'vitest';
import { formatStatement, parseQueryText, parseSql } from '../../src/parser/index.js';
import { exprJson } from '../../src/expr/expression.js';

/** A syntax tree without where its nodes were written (their origins differ between two texts of it). */
const bareTree = (node: unknown): unknown => JSON.parse(exprJson(node));

/** The statement parsed and printed back as normalized SQL: the tree, readable. */
const tree = (sql: string): string => formatStatement(parseSql(sql));

describe('SELECT', () => {
  it.each([
    ['SELECT 1', 'SELECT 1'],
    ['select distinct a, b from t', 'SELECT DISTINCT a, b FROM t'],
    ['SELECT ALL a FROM t', 'SELECT a FROM t'],
    ['SELECT a AS x, b y, `c d` `e f`, t.*, * FROM db.t', 'SELECT a AS x, b AS y, `c d` AS `e f`, t.*, * FROM db.t'],
    ['SELECT count(*) AS count, sum(v) AS value FROM t', 'SELECT count(*) AS count, sum(v) AS value FROM t'],
    ['SELECT a FROM t WHERE a > 1 GROUP BY a HAVING count(*) > 2', 'SELECT a FROM t WHERE (a > 1) GROUP BY a HAVING (count(*) > 2)'],
    ['SELECT a, count(*) FROM t GROUP BY 1', 'SELECT a, count(*) FROM t GROUP BY 1'],
    ['SELECT a FROM t GROUP BY ALL', 'SELECT a FROM t GROUP BY ALL'],
    ['SELECT a FROM t ORDER BY a DESC NULLS FIRST, 2 LIMIT 10 OFFSET 5', 'SELECT a FROM t ORDER BY a DESC NULLS FIRST, 2 ASC NULLS FIRST LIMIT 10 OFFSET 5'],
    ['SELECT a FROM t LIMIT ALL', 'SELECT a FROM t'],
    ['select a from t;', 'SELECT a FROM t'],
  ])('%s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('reads GROUP BY ROLLUP, CUBE, GROUPING SETS and WITH ROLLUP as lists of grouping sets', () => {
    expect(tree('SELECT a, b FROM t GROUP BY ROLLUP(a, (b, c))')).toBe('SELECT a, b FROM t GROUP BY ROLLUP((a), (b, c))');
    expect(tree('SELECT a FROM t GROUP BY CUBE(a, b)')).toBe('SELECT a FROM t GROUP BY CUBE((a), (b))');
    expect(tree('SELECT a FROM t GROUP BY GROUPING SETS ((a, b), a, ())')).toBe('SELECT a FROM t GROUP BY GROUPING SETS((a, b), (a), ())');
    expect(tree('SELECT a FROM t GROUP BY a, b WITH ROLLUP')).toBe('SELECT a FROM t GROUP BY ROLLUP((a), (b))');
    expect(tree('SELECT a FROM t GROUP BY x, CUBE(a)')).toBe('SELECT a FROM t GROUP BY x, CUBE((a))');
  });

  it('reads named windows', () => {
    expect(tree('SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)')).toBe(
      'SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b ASC NULLS FIRST)');
  });
});

describe('FROM and joins', () => {
  it.each([
    ['SELECT * FROM a JOIN b ON a.k = b.k', 'SELECT * FROM (a INNER JOIN b ON (a.k = b.k))'],
    ['SELECT * FROM a INNER JOIN b USING (k, j)', 'SELECT * FROM (a INNER JOIN b USING (k, j))'],
    ['SELECT * FROM a LEFT JOIN b ON x', 'SELECT * FROM (a LEFT JOIN b ON x)'],
    ['SELECT * FROM a LEFT OUTER JOIN b ON x', 'SELECT * FROM (a LEFT JOIN b ON x)'],
    ['SELECT * FROM a RIGHT OUTER JOIN b ON x', 'SELECT * FROM (a RIGHT JOIN b ON x)'],
    ['SELECT * FROM a FULL JOIN b ON x', 'SELECT * FROM (a FULL JOIN b ON x)'],
    ['SELECT * FROM a FULL OUTER JOIN b ON x', 'SELECT * FROM (a FULL JOIN b ON x)'],
    ['SELECT * FROM a LEFT SEMI JOIN b ON x', 'SELECT * FROM (a LEFT SEMI JOIN b ON x)'],
    ['SELECT * FROM a SEMI JOIN b ON x', 'SELECT * FROM (a LEFT SEMI JOIN b ON x)'],
    ['SELECT * FROM a LEFT ANTI JOIN b USING (k)', 'SELECT * FROM (a LEFT ANTI JOIN b USING (k))'],
    ['SELECT * FROM a ANTI JOIN b ON x', 'SELECT * FROM (a LEFT ANTI JOIN b ON x)'],
    ['SELECT * FROM a CROSS JOIN b', 'SELECT * FROM (a CROSS JOIN b)'],
    ['SELECT * FROM a JOIN b', 'SELECT * FROM (a INNER JOIN b)'],
    ['SELECT * FROM a NATURAL JOIN b', 'SELECT * FROM (a NATURAL INNER JOIN b)'],
    ['SELECT * FROM a NATURAL LEFT JOIN b', 'SELECT * FROM (a NATURAL LEFT JOIN b)'],
    ['SELECT * FROM a, b, c WHERE x', 'SELECT * FROM a, b, c WHERE x'],
    ['SELECT * FROM a JOIN b ON x JOIN c ON y', 'SELECT * FROM ((a INNER JOIN b ON x) INNER JOIN c ON y)'],
    ['SELECT * FROM a JOIN (b JOIN c ON y) ON x', 'SELECT * FROM (a INNER JOIN (b INNER JOIN c ON y) ON x)'],
    ['SELECT * FROM a, b JOIN c ON y', 'SELECT * FROM a, (b INNER JOIN c ON y)'],
    ['SELECT * FROM lineitem l, orders AS o', 'SELECT * FROM lineitem AS l, orders AS o'],
    ['SELECT * FROM (SELECT 1 AS x) t', 'SELECT * FROM (SELECT 1 AS x) AS t'],
    ['SELECT * FROM (SELECT 1, 2) AS t (a, b)', 'SELECT * FROM (SELECT 1, 2) AS t(a, b)'],
    ['SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u', 'SELECT * FROM (SELECT 1 UNION SELECT 2) AS u'],
    ['SELECT * FROM ((SELECT 1 AS k) s JOIN t USING (k))', 'SELECT * FROM ((SELECT 1 AS k) AS s INNER JOIN t USING (k))'],
    ['SELECT id FROM range(10)', 'SELECT id FROM range(10)'],
    ['SELECT id FROM range(0, 10, 2, 3) AS r', 'SELECT id FROM range(0, 10, 2, 3) AS r'],
    ["SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(n, s)", "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(n, s)"],
    ['SELECT * FROM a LEFT JOIN b ON x WHERE y', 'SELECT * FROM (a LEFT JOIN b ON x) WHERE y'],
  ])('%s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('keeps join structure in the tree', () => {
    const query = parseQueryText('SELECT * FROM a LEFT JOIN b USING (k)');
    expect(query.body.kind === 'select' && query.body.from[0]).toEqual({
      kind: 'join',
      joinType: 'left',
      left: { kind: 'table', name: ['a'], alias: null },
      right: { kind: 'table', name: ['b'], alias: null },
      criteria: { kind: 'using', columns: ['k'] },
    });
  });
});

describe('set operations, WITH, VALUES and parenthesized queries', () => {
  it.each([
    ['SELECT 1 UNION SELECT 2', 'SELECT 1 UNION SELECT 2'],
    ['SELECT 1 UNION DISTINCT SELECT 2', 'SELECT 1 UNION SELECT 2'],
    ['SELECT 1 UNION ALL SELECT 2 UNION SELECT 3', '(SELECT 1 UNION ALL SELECT 2) UNION SELECT 3'],
    ['SELECT 1 UNION SELECT 2 INTERSECT SELECT 3', 'SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)'],
    ['SELECT 1 INTERSECT SELECT 2 UNION SELECT 3', '(SELECT 1 INTERSECT SELECT 2) UNION SELECT 3'],
    ['SELECT 1 EXCEPT SELECT 2 MINUS SELECT 3', '(SELECT 1 EXCEPT SELECT 2) EXCEPT SELECT 3'],
    ['SELECT 1 EXCEPT ALL SELECT 2', 'SELECT 1 EXCEPT ALL SELECT 2'],
    ['SELECT 1 INTERSECT ALL SELECT 2', 'SELECT 1 INTERSECT ALL SELECT 2'],
    ['(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3', '(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3'],
    ['SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3', 'SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 ASC NULLS FIRST LIMIT 3'],
    ['(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)', '(SELECT a FROM t ORDER BY a ASC NULLS FIRST LIMIT 1) UNION ALL SELECT b FROM u'],
    ['((SELECT 1))', 'SELECT 1'],
    ['WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT * FROM b', 'WITH a AS (SELECT 1 AS x), b(y) AS (SELECT x FROM a) SELECT * FROM b'],
    ['WITH a (SELECT 1) SELECT * FROM a', 'WITH a AS (SELECT 1) SELECT * FROM a'],
    ["VALUES (1, 'a'), (2, 'b')", "VALUES (1, 'a'), (2, 'b')"],
    ['VALUES 1, 2, 3', 'VALUES (1), (2), (3)'],
    ['TABLE t', 'TABLE t'],
  ])('%s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('gives the whole set operation its ORDER BY and LIMIT', () => {
    const query = parseQueryText('SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY a LIMIT 1');
    expect(query.body.kind).toBe('setOperation');
    expect(query.orderBy).toHaveLength(1);
    expect(query.limit).toEqual({ kind: 'literal', type: 'int', value: 1 });
  });
});

describe('other statements', () => {
  it.each([
    ['CREATE TEMPORARY VIEW v AS SELECT 1', 'CREATE TEMPORARY VIEW v AS SELECT 1'],
    ['create or replace temp view v (a) as select 1', 'CREATE OR REPLACE TEMPORARY VIEW v(a) AS SELECT 1'],
    ['CREATE GLOBAL TEMP VIEW IF NOT EXISTS v AS SELECT 1', 'CREATE GLOBAL TEMPORARY VIEW IF NOT EXISTS v AS SELECT 1'],
    ['DROP VIEW IF EXISTS v', 'DROP VIEW IF EXISTS v'],
    ['DESCRIBE t', 'DESCRIBE TABLE t'],
    ['DESC TABLE EXTENDED db.t', 'DESCRIBE TABLE EXTENDED db.t'],
    ['DESCRIBE QUERY SELECT 1', 'DESCRIBE QUERY SELECT 1'],
    ['DESCRIBE SELECT a FROM t', 'DESCRIBE QUERY SELECT a FROM t'],
    ['SHOW TABLES', 'SHOW TABLES'],
    ["SHOW TABLES IN db LIKE 'sa*'", "SHOW TABLES IN db LIKE 'sa*'"],
    ["SHOW TABLES 'x*'", "SHOW TABLES LIKE 'x*'"],
    ['EXPLAIN SELECT 1', 'EXPLAIN SELECT 1'],
    ['EXPLAIN FORMATTED SELECT a FROM t', 'EXPLAIN FORMATTED SELECT a FROM t'],
    ['explain extended with a as (select 1) select * from a', 'EXPLAIN EXTENDED WITH a AS (SELECT 1) SELECT * FROM a'],
  ])('%s', (sql, expected) => {
    expect(tree(sql)).toBe(expected);
  });

  it('creates only temporary views, and a query entry point accepts only queries', () => {
    expect(() => parseSql('CREATE VIEW v AS SELECT 1')).toThrow(/only temporary views can be created/);
    expect(() => parseQueryText('SHOW TABLES')).toThrow(/Syntax error at or near 'SHOW' at line 1, column 1 .*expected a query/);
  });
});

describe('normalized text', () => {
  it('parses back to the same tree', () => {
    const sql = `WITH q AS (SELECT k, sum(v) OVER (PARTITION BY k ORDER BY v ROWS 1 PRECEDING) AS s FROM t)
      SELECT k, CASE WHEN s IS NULL THEN -1.5 ELSE s END AS s2, CAST(s AS decimal(10,2)) c
      FROM q LEFT ANTI JOIN u USING (k) WHERE k NOT IN (1, 2) AND EXISTS (SELECT 1 FROM w WHERE w.k = q.k)
      GROUP BY ROLLUP(k, s) HAVING count(DISTINCT s) > 1
      UNION ALL SELECT 1, 2, 3 INTERSECT SELECT 4, 5, 6 ORDER BY 1 DESC LIMIT 5`;
    const first = parseSql(sql);
    expect(bareTree(parseSql(formatStatement(first)))).toEqual(bareTree(first));
  });
});
