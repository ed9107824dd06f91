// IN and EXISTS subqueries that are not WHERE conjuncts (under OR, in SELECT, in CASE, in HAVING)
// become Spark's ExistenceJoin: each left row once, with a boolean `exists` column. Checked against
// DuckDB on the same rows, as a broadcast and as a shuffled hash join, and against Spark's own
// sql-tests answers. Where Spark and DuckDB differ it is said: Spark's `x IN (q)` as a value is its
// exists flag, false where DuckDB's is NULL (a null x, or a null among q's rows), and
// `x NOT IN (q)` is NOT of a null-aware flag, false where DuckDB's is NULL
// (RewritePredicateSubquery), so a SELECT-list value is compared with DuckDB's COALESCE(v, false).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

// id, x, g
const LHS: [number, number | null, number | null][] = [[0, 1, 1], [1, 2, 1], [2, 3, 2], [3, null, 2], [4, 4, 3], [5, 5, null]];
// y, tag, g
const RHS: [number | null, string, number | null][] = [[1, 'a', 1], [5, 'a', 2], [null, 'b', 2], [2, 'c', 1], [7, 'c', 3], [null, 'd', null]];

let fc: FlintContext;
let duck: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-existence-join' });
  fc.conf.set('spark.sql.shuffle.partitions', 3);
  fc.createDataFrame(LHS, 'id INT, x INT, g INT').createOrReplaceTempView('lhs');
  fc.createDataFrame(RHS, 'y INT, tag STRING, g INT').createOrReplaceTempView('rhs');
  duck = await DuckDbReference.open(1);
  const value = (v: number | string | null) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));
  const rows = (table: readonly (number | string | null)[][]) => table.map((r) => `(${r.map(value).join(', ')})`).join(', ');
  await duck.query(`CREATE TABLE lhs (id INTEGER, x INTEGER, g INTEGER); INSERT INTO lhs VALUES ${rows(LHS)}`);
  await duck.query(`CREATE TABLE rhs (y INTEGER, tag VARCHAR, g INTEGER); INSERT INTO rhs VALUES ${rows(RHS)}`);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

// Subqueries over: no rows, rows without a null, rows with a null.
const TAGS = ["'none'", "'c'", "'a', 'b'"];
// `grouped`: an aggregate, whose size is unknown when planning (adaptive execution measures it).
const subquery = (grouped: boolean) => (tags: string) => `SELECT y FROM rhs WHERE tag IN (${tags})${grouped ? ' GROUP BY y' : ''}`;
const sub = subquery(false);

// [Flint's query, DuckDB's query (differs only where Spark's answer differs from DuckDB's)]
const queries = (sub: (tags: string) => string): [string, string][] => TAGS.flatMap((tags): [string, string][] => {
  const same = (q: string): [string, string] => [q, q];
  return [
    same(`SELECT id FROM lhs WHERE id = 0 OR x IN (${sub(tags)}) ORDER BY id`),
    same(`SELECT id FROM lhs WHERE id = 0 OR x NOT IN (${sub(tags)}) ORDER BY id`),
    same(`SELECT id FROM lhs WHERE x > 3 OR NOT EXISTS (SELECT 1 FROM rhs WHERE tag IN (${tags}) AND y = x) ORDER BY id`),
    same(`SELECT id, CASE WHEN x IN (${sub(tags)}) THEN 'in' WHEN x NOT IN (${sub(tags)}) THEN 'out' ELSE 'unknown' END AS c FROM lhs ORDER BY id`),
    [
      `SELECT id, x IN (${sub(tags)}) AS i, x NOT IN (${sub(tags)}) AS n FROM lhs ORDER BY id`,
      `SELECT id, COALESCE(x IN (${sub(tags)}), false) AS i, COALESCE(x NOT IN (${sub(tags)}), false) AS n FROM lhs ORDER BY id`,
    ],
  ];
});
const correlated: [string, string][] = [
  'SELECT id FROM lhs WHERE id = 0 OR EXISTS (SELECT 1 FROM rhs WHERE rhs.g = lhs.g AND y > x) ORDER BY id',
  'SELECT id FROM lhs WHERE id = 5 OR x IN (SELECT y FROM rhs WHERE rhs.g = lhs.g) ORDER BY id',
  'SELECT id FROM lhs WHERE id = 5 OR x NOT IN (SELECT y FROM rhs WHERE rhs.g = lhs.g) ORDER BY id',
  'SELECT id, EXISTS (SELECT 1 FROM rhs WHERE rhs.g = lhs.g) AS e, NOT EXISTS (SELECT 1 FROM rhs WHERE rhs.g = lhs.g AND y IS NULL) AS f FROM lhs ORDER BY id',
  'SELECT g, count(*) AS n FROM lhs GROUP BY g HAVING count(*) > 1 OR g IN (SELECT g FROM rhs WHERE tag = \'c\') ORDER BY g',
  // In an aggregate: the joins go below it; a flag outside an aggregate function is read through first().
  'SELECT sum(CASE WHEN x IN (SELECT y FROM rhs) THEN 1 ELSE 0 END) AS s, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM rhs WHERE y = x + 1)) AS f FROM lhs',
  'SELECT g, sum(x) AS s, (SELECT max(y) FROM rhs) AS m, EXISTS (SELECT 1 FROM rhs WHERE rhs.g = lhs.g AND y > 4) AS e FROM lhs GROUP BY g ORDER BY g NULLS FIRST',
].map((q): [string, string] => [q, q]);

const strategies = [
  { name: 'broadcast hash join', plan: 'BroadcastHashJoin', queries: [...queries(sub), ...correlated], builds: true, conf: {} },
  { name: 'shuffled hash join', plan: 'ShuffledHashJoin', queries: [...queries(sub), ...correlated], builds: false, conf: { 'spark.sql.autoBroadcastJoinThreshold': -1 } },
  { name: 'adaptive broadcast from the shuffle', plan: 'ShuffledHashJoin', queries: queries(subquery(true)).filter(([q]) => q.includes('GROUP BY')), builds: true, conf: {} },
];

describe('IN / EXISTS subqueries as values: ExistenceJoin', () => {
  for (const strategy of strategies) {
    it(`uncorrelated and correlated, nulls and empty subqueries, against DuckDB (${strategy.name})`, async () => {
      for (const [key, value] of Object.entries(strategy.conf)) fc.conf.set(key, value as number);
      try {
        for (const [query, reference] of strategy.queries) {
          const df = fc.sql(query);
          expect(df.explainString(), query).toMatch(new RegExp(`${strategy.plan} .*ExistenceJoin\\(exists#\\d+\\)`));
          const before = fc.jobHistory.length;
          expect(await df.collect(), query).toEqual(await duck.query(reference));
          const builds = fc.jobHistory.slice(before).filter((job) => job.description.startsWith('broadcast join: build side'));
          expect(builds.length > 0, query).toBe(strategy.builds);
        }
      } finally {
        for (const key of Object.keys(strategy.conf)) fc.conf.unset(key);
      }
    });
  }

  it("in a join's condition: an existence join on the side it reads (any join type); reading both sides is Spark's error", async () => {
    // DuckDB takes a subquery only in an inner join's condition: for the outer joins it is given
    // the subquery's flag computed on that side first.
    const inner = "SELECT l.id, r.tag FROM lhs l JOIN rhs r ON l.x = r.y AND l.x IN (SELECT y FROM rhs WHERE tag = 'a') ORDER BY l.id, r.tag";
    for (const [query, reference] of [
      [inner, inner],
      [
        'SELECT l.id, r.tag FROM lhs l LEFT JOIN rhs r ON l.x = r.y AND l.x IN (SELECT y FROM rhs) ORDER BY l.id, r.tag',
        'SELECT l.id, r.tag FROM (SELECT *, x IN (SELECT y FROM rhs) AS f FROM lhs) l LEFT JOIN rhs r ON l.x = r.y AND l.f ORDER BY l.id, r.tag',
      ],
      [
        'SELECT l.id, r.tag FROM lhs l FULL JOIN rhs r ON l.g = r.g AND (l.id = 1 OR NOT EXISTS (SELECT 1 FROM rhs r2 WHERE r2.y = r.y + 1)) ORDER BY l.id NULLS FIRST, r.tag',
        'SELECT l.id, r.tag FROM lhs l FULL JOIN (SELECT *, NOT EXISTS (SELECT 1 FROM rhs r2 WHERE r2.y = rhs.y + 1) AS f FROM rhs) r ON l.g = r.g AND (l.id = 1 OR r.f) ORDER BY l.id NULLS FIRST, r.tag',
      ],
    ]) {
      expect(await fc.sql(query!).collect(), query).toEqual(await duck.query(reference!));
    }
    expect(() => fc.sql("SELECT l.id FROM lhs l JOIN rhs r ON l.g = r.g AND (l.id = 1 OR EXISTS (SELECT 1 FROM rhs r2 WHERE r2.y = l.x AND r2.tag <> r.tag))")).toThrow(
      '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_EXPRESSION_IN_JOIN_CONDITION]',
    );
  });

  it('explains as Spark: Join ExistenceJoin(exists#n), the flag read by the filter; NOT IN with its null-aware condition', () => {
    const plan = fc.sql(`SELECT id FROM lhs WHERE id = 0 OR x NOT IN (${sub("'c'")})`).explainString('extended');
    expect(plan).toMatch(/Filter \(\(id#\d+ = 0\) OR NOT exists#(\d+)\)\n\s+\+- Join ExistenceJoin\(exists#\1\), \(\(x#\d+ = y#\d+\) OR isnull\(\(x#\d+ = y#\d+\)\)\)/);
    expect(plan).toMatch(/BroadcastHashJoin \[x#\d+\], \[y#\d+\], ExistenceJoin\(exists#\d+\), BuildRight, true/);
  });
});

/** The EMP, DEPT and BONUS views of Spark's exists-subquery sql-tests (hiredate left out). */
function createEmpDeptBonus(): void {
  fc.createDataFrame([
    [100, 'emp 1', 100.0, 10], [100, 'emp 1', 100.0, 10], [200, 'emp 2', 200.0, 10], [300, 'emp 3', 300.0, 20], [400, 'emp 4', 400.0, 30],
    [500, 'emp 5', 400.0, null], [600, 'emp 6 - no dept', 400.0, 100], [700, 'emp 7', 400.0, 100], [800, 'emp 8', 150.0, 70],
  ], 'id INT, emp_name STRING, salary DOUBLE, dept_id INT').createOrReplaceTempView('emp');
  fc.createDataFrame([[10, 'dept 1', 'CA'], [20, 'dept 2', 'NY'], [30, 'dept 3', 'TX'], [40, 'dept 4 - unassigned', 'OR'], [50, 'dept 5 - unassigned', 'NJ'], [70, 'dept 7', 'FL']],
    'dept_id INT, dept_name STRING, state STRING').createOrReplaceTempView('dept');
  fc.createDataFrame([['emp 1', 10.0], ['emp 1', 20.0], ['emp 2', 300.0], ['emp 2', 100.0], ['emp 3', 300.0], ['emp 4', 100.0], ['emp 5', 1000.0], ['emp 6 - no dept', 500.0]],
    'emp_name STRING, bonus_amt DOUBLE').createOrReplaceTempView('bonus');
}

// sql-tests/results/subquery/exists-subquery/exists-within-and-or.sql.out (Spark's answers) and
// in-subquery/in-null-semantics.sql.out (an empty subquery: IN false, NOT IN true, a null too).
describe("Spark's golden answers", () => {
  it('exists-within-and-or', async () => {
    createEmpDeptBonus();
    const rows = async (query: string) => (await fc.sql(query).collect()).map((r) => Object.values(r).map((v) => (v === null ? 'NULL' : String(v))).join('\t')).sort();
    expect(await rows('SELECT emp.emp_name FROM emp WHERE EXISTS (SELECT dept.state FROM dept WHERE emp.dept_id = dept.dept_id) OR emp.id > 200')).toEqual(
      ['emp 1', 'emp 1', 'emp 2', 'emp 3', 'emp 4', 'emp 5', 'emp 6 - no dept', 'emp 7', 'emp 8']);
    expect(await rows('SELECT id, dept_id FROM emp WHERE EXISTS (SELECT dept.dept_name FROM dept WHERE emp.dept_id = dept.dept_id) OR emp.dept_id IS NULL')).toEqual(
      ['100\t10', '100\t10', '200\t10', '300\t20', '400\t30', '500\tNULL', '800\t70']);
    expect(await rows(`SELECT emp.emp_name FROM emp WHERE EXISTS (SELECT dept.state FROM dept WHERE emp.dept_id = dept.dept_id AND dept.dept_id = 20)
      OR EXISTS (SELECT dept.state FROM dept WHERE emp.dept_id = dept.dept_id AND dept.dept_id = 30)`)).toEqual(['emp 3', 'emp 4']);
    expect(await rows(`SELECT * FROM bonus WHERE (NOT EXISTS (SELECT * FROM emp WHERE emp.emp_name = emp_name AND bonus_amt > emp.salary)
      OR EXISTS (SELECT * FROM emp WHERE emp.emp_name = emp_name OR bonus_amt < emp.salary))`)).toEqual(
      ['emp 1\t10', 'emp 1\t20', 'emp 2\t100', 'emp 2\t300', 'emp 3\t300', 'emp 4\t100', 'emp 5\t1000', 'emp 6 - no dept\t500']);
  });

  it('exists-outside-filter: EXISTS and IN values are named exists(...) and (x IN (listquery(...))) by the outer columns they read', async () => {
    createEmpDeptBonus();
    const columnsAndRows = async (query: string) => {
      const df = fc.sql(query);
      return { columns: df.columns, rows: (await df.collect()).map((r) => Object.values(r).map(String).join('\t')).sort() };
    };
    // Spark's schemas and outputs (results/subquery/exists-subquery/exists-outside-filter.sql.out).
    expect(await columnsAndRows('SELECT emp_name, EXISTS (SELECT 1 FROM dept WHERE dept.dept_id > 10 AND dept.dept_id < 30) FROM emp')).toEqual({
      columns: ['emp_name', 'exists()'],
      rows: ['emp 1', 'emp 1', 'emp 2', 'emp 3', 'emp 4', 'emp 5', 'emp 6 - no dept', 'emp 7', 'emp 8'].map((e) => `${e}\ttrue`),
    });
    expect(await columnsAndRows('SELECT emp_name, EXISTS (SELECT 1 FROM dept WHERE emp.dept_id = dept.dept_id) FROM emp')).toEqual({
      columns: ['emp_name', 'exists(dept_id)'],
      rows: ['emp 1\ttrue', 'emp 1\ttrue', 'emp 2\ttrue', 'emp 3\ttrue', 'emp 4\ttrue', 'emp 5\tfalse', 'emp 6 - no dept\tfalse', 'emp 7\tfalse', 'emp 8\ttrue'],
    });
    expect((await columnsAndRows('SELECT count(CASE WHEN EXISTS (SELECT 1 FROM dept WHERE emp.dept_id = dept.dept_id) THEN 1 END) FROM emp')).columns).toEqual(
      ['count(CASE WHEN exists(dept_id) THEN 1 END)']);
    // InSubquery.sql: (value IN (listquery(outer columns))), and NOT around it.
    expect(fc.sql('SELECT dept_id IN (SELECT dept_id FROM dept WHERE dept.state <> emp.emp_name) FROM emp').columns).toEqual(['(dept_id IN (listquery(emp_name)))']);
    expect(fc.sql('SELECT NOT EXISTS (SELECT 1 FROM bonus WHERE bonus.emp_name = emp.emp_name AND bonus_amt > salary) FROM emp').columns).toEqual(
      ['(NOT exists(emp_name, salary))']);
  });

  it("an aggregate's FILTER clause is named agg(x) FILTER (WHERE c) (exists-outside-filter, group-by-filter)", async () => {
    createEmpDeptBonus();
    const named = async (query: string) => {
      const df = fc.sql(query);
      return [df.columns.join(','), ...(await df.collect()).map((r) => Object.values(r).map(String).join('\t')).sort()];
    };
    expect(await named('SELECT sum(salary), sum(salary) FILTER (WHERE EXISTS (SELECT 1 FROM dept WHERE emp.dept_id = dept.dept_id)) FROM emp')).toEqual(
      ['sum(salary),sum(salary) FILTER (WHERE exists(dept_id))', '2450\t1250']);
    expect(await named('select dept_id, count(distinct emp_name) filter (where id + dept_id > 500), sum(salary) from emp group by dept_id')).toEqual([
      'dept_id,count(DISTINCT emp_name) FILTER (WHERE ((id + dept_id) > 500)),sum(salary)',
      '10\t0\t400', '100\t2\t800', '20\t0\t300', '30\t0\t400', '70\t1\t150', 'null\t0\t400']);
    expect(fc.sql('SELECT COUNT(DISTINCT 2, 3) FILTER (WHERE dept_id = 40), count(*) FILTER (WHERE id > 1) FROM emp').columns).toEqual(
      ['count(DISTINCT 2, 3) FILTER (WHERE (dept_id = 40))', 'count(1) FILTER (WHERE (id > 1))']);
  });

  it('exists-outside-filter: GROUP BY a subquery groups by its joined value (DuckDB and Spark answers)', async () => {
    createEmpDeptBonus();
    const rows = async (query: string) => (await fc.sql(query).collect()).map((r) => Object.values(r).map(String).join('\t')).sort();
    // Spark's count(hiredate) there counts every row (no null hiredate): count(id) here.
    expect(await rows('SELECT count(id), sum(salary) FROM emp GROUP BY EXISTS (SELECT 1 FROM dept WHERE emp.dept_id = dept.dept_id)')).toEqual(['3\t1200', '6\t1250']);
    for (const query of [
      'SELECT EXISTS (SELECT 1 FROM rhs WHERE rhs.g = lhs.g AND y > 1) AS e, count(*) AS n, sum(x) AS s FROM lhs GROUP BY 1 ORDER BY 1',
      'SELECT NOT EXISTS (SELECT 1 FROM rhs WHERE rhs.y = lhs.x) AS e, max(id) AS m FROM lhs GROUP BY 1 ORDER BY 1',
      'SELECT (SELECT max(y) FROM rhs WHERE rhs.g = lhs.g) AS m, count(*) AS n FROM lhs GROUP BY 1 ORDER BY 1 NULLS FIRST',
    ]) {
      expect(await fc.sql(query).collect(), query).toEqual(await duck.query(query));
    }
  });

  it('GROUP BY x IN (SELECT ...), also selected: one existence join, grouped by its flag (group-by-alias.sql.out, DuckDB)', async () => {
    fc.sql(`CREATE OR REPLACE TEMPORARY VIEW testData AS SELECT * FROM VALUES
      (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2), (null, 1), (3, null), (null, null) AS testData(a, b)`);
    const rows = async (query: string) => (await fc.sql(query).collect()).map((r) => Object.values(r).map((v) => (v === null ? 'NULL' : String(v))).join('\t')).sort();
    // Spark's schemas and outputs.
    const golden = 'SELECT a, count(*) FROM testData GROUP BY a, b IN (SELECT a FROM testData)';
    expect(fc.sql(golden).columns).toEqual(['a', 'count(1)']);
    expect(await rows(golden)).toEqual(['1\t2', '2\t2', '3\t1', '3\t2', 'NULL\t1', 'NULL\t1']);
    expect(await rows('SELECT a, count(*) FROM testData GROUP BY a, a IN (SELECT b FROM testData)')).toEqual(['1\t2', '2\t2', '3\t3', 'NULL\t2']);
    // Selected too (by the same text, or GROUP BY its ordinal): Spark's name, and DuckDB's answer
    // (its NULL flag is Spark's false).
    const selected = fc.sql('SELECT a, b IN (SELECT a FROM testData), count(*) FROM testData GROUP BY a, b IN (SELECT a FROM testData)');
    expect(selected.columns).toEqual(['a', '(b IN (listquery()))', 'count(1)']);
    expect(selected.explainString().match(/ExistenceJoin/g)).toHaveLength(1);
    for (const [query, reference] of [
      [
        'SELECT g, x IN (SELECT y FROM rhs) AS i, count(*) AS n FROM lhs GROUP BY g, x IN (SELECT y FROM rhs) ORDER BY g NULLS FIRST, i',
        'SELECT g, COALESCE(x IN (SELECT y FROM rhs WHERE y IS NOT NULL), false) AS i, count(*) AS n FROM lhs GROUP BY ALL ORDER BY g NULLS FIRST, i',
      ],
      [
        'SELECT x IN (SELECT y FROM rhs WHERE rhs.g = lhs.g) AS i, sum(id) AS s FROM lhs GROUP BY 1 ORDER BY 1',
        'SELECT COALESCE(x IN (SELECT y FROM rhs WHERE rhs.g = lhs.g), false) AS i, sum(id) AS s FROM lhs GROUP BY 1 ORDER BY 1',
      ],
      [
        "SELECT NOT (x NOT IN (SELECT y FROM rhs WHERE tag = 'c')) AS i, count(*) AS n FROM lhs GROUP BY x NOT IN (SELECT y FROM rhs WHERE tag = 'c') ORDER BY 1",
        "SELECT NOT COALESCE(x NOT IN (SELECT y FROM rhs WHERE tag = 'c'), false) AS i, count(*) AS n FROM lhs GROUP BY 1 ORDER BY 1",
      ],
    ]) {
      expect(await fc.sql(query!).collect(), query).toEqual(await duck.query(reference!));
    }
  });

  it('exists-outside-filter: a window partitioned by EXISTS (...), named and answered as Spark', async () => {
    createEmpDeptBonus();
    const frame = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';
    const cases = [
      { exists: 'dept.dept_id > 10 AND dept.dept_id < 30', name: 'exists()', sums: Array(9).fill(2450) },
      { exists: 'emp.dept_id = dept.dept_id', name: 'exists(dept_id)', sums: [1250, 1250, 1250, 1250, 1250, 1200, 1200, 1200, 1250] },
    ];
    for (const { exists, name, sums } of cases) {
      const df = fc.sql(`SELECT emp_name, sum(salary) OVER (PARTITION BY EXISTS (SELECT 1 FROM dept WHERE ${exists})) FROM emp`);
      const column = `sum(salary) OVER (PARTITION BY ${name} ${frame})`;
      expect(df.columns).toEqual(['emp_name', column]);
      const names = ['emp 1', 'emp 1', 'emp 2', 'emp 3', 'emp 4', 'emp 5', 'emp 6 - no dept', 'emp 7', 'emp 8'];
      expect((await df.collect()).map((r) => `${r.emp_name}\t${r[column]}`).sort()).toEqual(names.map((e, i) => `${e}\t${sums[i]}`));
    }
  });

  it('in-null-semantics: an empty subquery', async () => {
    fc.createDataFrame([[1], [null]], 'c INT').createOrReplaceTempView('t');
    fc.createDataFrame([], 'e INT').createOrReplaceTempView('t_empty');
    expect(await fc.sql('SELECT c, c IN (SELECT e FROM t_empty) FROM t ORDER BY c NULLS LAST').collect()).toEqual([
      { c: 1, '(c IN (listquery()))': false }, { c: null, '(c IN (listquery()))': false }]);
    expect(await fc.sql('SELECT c, c NOT IN (SELECT e FROM t_empty) FROM t ORDER BY c NULLS LAST').collect()).toEqual([
      { c: 1, '(NOT (c IN (listquery())))': true }, { c: null, '(NOT (c IN (listquery())))': true }]);
    expect(await fc.sql('SELECT null IN (SELECT e FROM t_empty)').collect()).toEqual([{ '(NULL IN (listquery()))': false }]);
    expect(await fc.sql('SELECT null NOT IN (SELECT e FROM t_empty)').collect()).toEqual([{ '(NOT (NULL IN (listquery())))': true }]);
  });
});
