// fc.sql(text) end to end on local[2]: each query's rows are compared with a sequential
// reference computed with plain array methods over the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';

interface Emp {
  id: number;
  name: string;
  dept: string | null;
  salary: number | null;
  boss: number | null;
}
interface Dept {
  dept: string;
  floor: number;
}

/** Deterministic rows: a linear congruential generator, no Math.random. */
function employees(n: number): Emp[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8; // the low bits of an LCG cycle
  const depts = ['eng', 'ops', 'sales', null];
  return Array.from({ length: n }, (_, id) => ({
    id,
    name: `emp${String(id).padStart(3, '0')}`,
    dept: depts[next() % 4]!,
    salary: next() % 9 === 0 ? null : 1000 + (next() % 50) * 100,
    boss: id === 0 ? null : next() % id,
  }));
}

const EMPS = employees(200);
const DEPTS: Dept[] = [{ dept: 'eng', floor: 3 }, { dept: 'ops', floor: 1 }, { dept: 'hr', floor: 2 }];

const cmp = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return (a as number) < (b as number) ? -1 : 1;
};
const sortRows = <T extends Record<string, unknown>>(rows: T[], ...keys: (keyof T)[]) =>
  [...rows].sort((x, y) => keys.reduce((acc, k) => acc || cmp(x[k], y[k]), 0));
const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const groups = new Map<K, T[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
};

let fc: FlintContext;
const sql = async (text: string) => fc.sql(text).collect();

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]' });
  fc.createDataFrame(EMPS, 'id INT, name STRING, dept STRING, salary INT, boss INT').createOrReplaceTempView('emps');
  fc.createDataFrame(DEPTS, 'dept STRING, floor INT').createOrReplaceTempView('depts');
});
afterAll(async () => {
  await fc?.stop();
});

describe('fc.sql: projections, filters, ordering', () => {
  it('filters, computes, sorts by a column it does not select, and pages with LIMIT/OFFSET', async () => {
    const rows = await sql(`
      SELECT name, salary * 2 AS double_pay
      FROM emps
      WHERE salary IS NOT NULL AND dept <> 'ops' AND name LIKE 'emp1%'
      ORDER BY id DESC
      LIMIT 5 OFFSET 2`);
    const expected = EMPS.filter((e) => e.salary !== null && e.dept !== null && e.dept !== 'ops' && e.name.startsWith('emp1'))
      .sort((a, b) => b.id - a.id)
      .slice(2, 7)
      .map((e) => ({ name: e.name, double_pay: e.salary! * 2 }));
    expect(rows).toEqual(expected);
  });

  it('sorts by ordinal and by alias with NULLS FIRST/LAST, and names columns as Spark does', async () => {
    const df = fc.sql('SELECT dept, salary + 1, id AS key FROM emps ORDER BY 1 DESC NULLS FIRST, key');
    expect(df.columns).toEqual(['dept', '(salary + 1)', 'key']);
    const expected = [...EMPS]
      .sort((a, b) => (a.dept === b.dept ? a.id - b.id : a.dept === null ? -1 : b.dept === null ? 1 : a.dept < b.dept ? 1 : -1))
      .map((e) => ({ dept: e.dept, '(salary + 1)': e.salary === null ? null : e.salary + 1, key: e.id }));
    expect(await df.collect()).toEqual(expected);
  });

  it('evaluates CASE, BETWEEN, IN, IS DISTINCT FROM, COALESCE and string concatenation', async () => {
    const rows = await sql(`
      SELECT id,
             CASE WHEN salary IS NULL THEN 'none' WHEN salary BETWEEN 1000 AND 2999 THEN 'low' ELSE 'high' END AS band,
             CASE dept WHEN 'eng' THEN 1 WHEN 'ops' THEN 2 END AS code,
             dept IN ('eng', 'sales') AS core,
             dept IS DISTINCT FROM 'eng' AS not_eng,
             coalesce(dept, '?') || '/' || name AS label
      FROM emps WHERE id < 20 ORDER BY id`);
    const expected = EMPS.slice(0, 20).map((e) => ({
      id: e.id,
      band: e.salary === null ? 'none' : e.salary >= 1000 && e.salary <= 2999 ? 'low' : 'high',
      code: e.dept === 'eng' ? 1 : e.dept === 'ops' ? 2 : null,
      core: e.dept === null ? null : e.dept === 'eng' || e.dept === 'sales',
      not_eng: e.dept !== 'eng',
      label: `${e.dept ?? '?'}/${e.name}`,
    }));
    expect(rows).toEqual(expected);
  });

  it('reads DATE literals and adds INTERVALs of days and months', async () => {
    const [row] = await sql(`SELECT DATE '1998-12-01' - INTERVAL '90' DAY AS d1, DATE '2020-01-31' + INTERVAL 1 MONTH AS d2,
                                    DATE '2020-02-29' + INTERVAL '1' YEAR AS d3`);
    expect(row).toEqual({ d1: new Date(Date.UTC(1998, 8, 2)), d2: new Date(Date.UTC(2020, 1, 29)), d3: new Date(Date.UTC(2021, 1, 28)) });
  });

  it('reads SQL’s own argument syntax of extract, trim, position and substring', async () => {
    const [row] = await sql(`SELECT extract(year FROM DATE '2021-05-06') AS y, trim(BOTH 'x-' FROM 'x-axx') AS t,
      trim(LEADING FROM '  b ') AS l, trim(TRAILING 'y' FROM 'yzyy') AS r, position('b' IN 'abc') AS p,
      substring('hello' FROM 2 FOR 3) AS s`);
    expect(row).toEqual({ y: 2021, t: 'a', l: 'b ', r: 'yz', p: 2, s: 'ell' });
  });

  it('runs SELECT DISTINCT and SELECT without FROM', async () => {
    const rows = await sql('SELECT DISTINCT dept FROM emps ORDER BY dept');
    expect(rows).toEqual(sortRows([...new Set(EMPS.map((e) => e.dept))].map((dept) => ({ dept })), 'dept'));
    expect(await sql("SELECT 1 + 2 AS three, upper('x') AS x")).toEqual([{ three: 3, x: 'X' }]);
  });
});

describe('fc.sql: aggregation', () => {
  const byDept = [...groupBy(EMPS, (e) => e.dept)].map(([dept, rows]) => {
    const salaries = rows.map((r) => r.salary).filter((s): s is number => s !== null);
    return { dept, n: rows.length, total: salaries.reduce((a, b) => a + b, 0), top: Math.max(...salaries) };
  });

  it('groups by an ordinal and an alias, with aggregates over nulls', async () => {
    const rows = await sql('SELECT dept AS d, count(*) AS n, sum(salary) AS total, max(salary) AS top FROM emps GROUP BY 1 ORDER BY d');
    expect(rows).toEqual(sortRows(byDept.map(({ dept, n, total, top }) => ({ d: dept, n, total, top })), 'd'));
    const byAlias = await sql('SELECT dept AS d, count(salary) AS c FROM emps GROUP BY d ORDER BY c DESC, d');
    const expected = [...groupBy(EMPS, (e) => e.dept)].map(([d, rows]) => ({ d, c: rows.filter((r) => r.salary !== null).length }));
    expect(byAlias).toEqual(expected.sort((a, b) => b.c - a.c || cmp(a.d, b.d)));
  });

  it('filters groups with HAVING on aggregates it does not select, and orders by an aggregate expression', async () => {
    const rows = await sql('SELECT dept FROM emps GROUP BY dept HAVING count(*) > 45 AND min(id) < 10 ORDER BY sum(salary) DESC');
    const expected = [...groupBy(EMPS, (e) => e.dept)]
      .filter(([, rs]) => rs.length > 45 && Math.min(...rs.map((r) => r.id)) < 10)
      .map(([dept, rs]) => ({ dept, total: rs.reduce((a, r) => a + (r.salary ?? 0), 0) }))
      .sort((a, b) => b.total - a.total)
      .map(({ dept }) => ({ dept }));
    expect(rows).toEqual(expected);
  });

  it('aggregates without GROUP BY, with DISTINCT and FILTER', async () => {
    const [row] = await sql('SELECT count(*) AS n, count(DISTINCT dept) AS depts, sum(salary) FILTER (WHERE dept = \'eng\') AS eng FROM emps');
    expect(row).toEqual({
      n: EMPS.length,
      depts: new Set(EMPS.map((e) => e.dept).filter((d) => d !== null)).size,
      eng: EMPS.filter((e) => e.dept === 'eng').reduce((a, e) => a + (e.salary ?? 0), 0),
    });
  });
});

describe('fc.sql: joins, set operations, CTEs and subqueries in FROM', () => {
  it('joins with ON, USING, LEFT and comma syntax', async () => {
    const inner = await sql('SELECT e.id, d.floor FROM emps e JOIN depts d ON e.dept = d.dept ORDER BY e.id');
    const expectedInner = EMPS.flatMap((e) => DEPTS.filter((d) => d.dept === e.dept).map((d) => ({ id: e.id, floor: d.floor })));
    expect(inner).toEqual(expectedInner);
    expect(await sql('SELECT id, floor FROM emps JOIN depts USING (dept) ORDER BY id')).toEqual(expectedInner);
    expect(await sql('SELECT e.id, floor FROM emps e, depts d WHERE e.dept = d.dept ORDER BY 1')).toEqual(expectedInner);
    const left = await sql('SELECT id, floor FROM emps LEFT OUTER JOIN depts USING (dept) ORDER BY id');
    expect(left).toEqual(EMPS.map((e) => ({ id: e.id, floor: DEPTS.find((d) => d.dept === e.dept)?.floor ?? null })));
  });

  it('orders comma joins so that each join has a condition (Spark\'s ReorderJoin): no cartesian product of depts and bosses', async () => {
    const text =
      'SELECT e.id, d.floor, b.name AS boss FROM depts d, emps b, emps e WHERE e.dept = d.dept AND e.boss = b.id AND d.floor > 1 ORDER BY e.id';
    const plan = fc.sql(text).explainString('extended');
    const optimized = plan.slice(plan.indexOf('== Optimized Logical Plan =='), plan.indexOf('== Physical Plan =='));
    expect(optimized).not.toMatch(/Join (Inner|Cross)\n/);
    expect(optimized.match(/Join Inner, \(/g)).toHaveLength(2);
    const expected = EMPS.flatMap((e) =>
      DEPTS.filter((d) => d.dept === e.dept && d.floor > 1).flatMap((d) => EMPS.filter((b) => b.id === e.boss).map((b) => ({ id: e.id, floor: d.floor, boss: b.name }))),
    );
    expect(await sql(text)).toEqual(expected);
  });

  it('takes a conjunct every OR branch repeats out of the OR (BooleanSimplification), so a comma join gets its key (TPC-H q19)', async () => {
    const text = `SELECT e.id, d.floor FROM emps e, depts d
      WHERE (e.dept = d.dept AND d.floor = 3 AND e.salary > 3000) OR (d.dept = e.dept AND d.floor = 1 AND e.salary < 2000) OR (e.dept = d.dept AND e.id < 5)
      ORDER BY e.id, d.floor`;
    const physical = fc.sql(text).explainString('simple');
    expect(physical).toMatch(/HashJoin \[dept#\d+\], \[dept#\d+\], Inner/);
    const expected = EMPS.flatMap((e) =>
      DEPTS.filter(
        (d) => e.dept === d.dept && ((d.floor === 3 && e.salary !== null && e.salary > 3000) || (d.floor === 1 && e.salary !== null && e.salary < 2000) || e.id < 5),
      ).map((d) => ({ id: e.id, floor: d.floor })),
    ).sort((a, b) => a.id - b.id || a.floor - b.floor);
    expect(await sql(text)).toEqual(expected);
  });

  it('moves an outer join\'s ON conjuncts over the inner side into that side (PushPredicateThroughJoin), keeping every outer row', async () => {
    const text = 'SELECT d.dept, d.floor, e.id FROM depts d LEFT JOIN emps e ON d.dept = e.dept AND e.salary > 4000 AND d.floor > 1';
    const plan = fc.sql(text).explainString('extended');
    const optimized = plan.slice(plan.indexOf('== Optimized Logical Plan =='), plan.indexOf('== Physical Plan =='));
    // The emps side is filtered below the join; the condition on depts (the preserved side) stays in the join.
    expect(optimized).toMatch(/Join LeftOuter, \(\(dept#\d+ = dept#\d+\) AND \(floor#\d+ > 1\)\)/);
    expect(optimized).toMatch(/Filter \(salary#\d+ > 4000\)/);
    const expected = DEPTS.flatMap((d): { dept: string; floor: number; id: number | null }[] => {
      const matches = d.floor > 1 ? EMPS.filter((e) => e.dept === d.dept && e.salary !== null && e.salary > 4000) : [];
      return matches.length === 0 ? [{ dept: d.dept, floor: d.floor, id: null }] : matches.map((e) => ({ dept: d.dept, floor: d.floor, id: e.id }));
    });
    expect(sortRows((await sql(text)) as Record<string, unknown>[], 'dept', 'id')).toEqual(sortRows(expected, 'dept', 'id'));
  });

  it('moves a semi or anti join into the side of a join its condition reads (PushLeftSemiLeftAntiThroughJoin), never into an outer join\'s null side', async () => {
    const rich = 'SELECT id FROM emps WHERE salary > 5000';
    const richIds = new Set(EMPS.filter((e) => e.salary !== null && e.salary > 5000).map((e) => e.id));
    const optimized = (text: string) => {
      const plan = fc.sql(text).explainString('extended');
      return plan.slice(plan.indexOf('== Optimized Logical Plan =='), plan.indexOf('== Physical Plan =='));
    };
    const joined = (keep: (e: Emp) => boolean) =>
      sortRows(EMPS.filter(keep).flatMap((e) => DEPTS.filter((d) => d.dept === e.dept).map((d) => ({ id: e.id, floor: d.floor }))), 'id', 'floor');
    const check = async (text: string, outer: string, inner: string, expected: Record<string, unknown>[]) => {
      const plan = optimized(text);
      expect(plan.indexOf(`Join ${outer},`)).toBeGreaterThan(0);
      expect(plan.indexOf(`Join ${inner},`)).toBeGreaterThan(plan.indexOf(`Join ${outer},`));
      expect(sortRows((await sql(text)) as Record<string, unknown>[], 'id', 'floor')).toEqual(expected);
    };
    const from = 'SELECT e.id, d.floor FROM emps e JOIN depts d ON e.dept = d.dept';
    // The subquery filters emps before they meet depts.
    await check(`${from} WHERE e.boss IN (${rich})`, 'Inner', 'LeftSemi', joined((e) => e.boss !== null && richIds.has(e.boss)));
    const richBosses = new Set(EMPS.filter((e) => richIds.has(e.id) && e.boss !== null).map((e) => e.boss));
    await check(`${from} WHERE e.id NOT IN (SELECT boss FROM emps WHERE salary > 5000 AND boss IS NOT NULL)`, 'Inner', 'LeftAnti', joined((e) => !richBosses.has(e.id)));
    // depts is the null side of the left join: the semi join stays above it.
    const floors = EMPS.map((e) => ({ id: e.id, floor: DEPTS.find((d) => d.dept === e.dept)?.floor ?? null })).filter((r) => r.floor === 1 || r.floor === 2);
    await check(`SELECT e.id, d.floor FROM emps e LEFT JOIN depts d ON e.dept = d.dept WHERE d.floor IN (SELECT floor FROM depts WHERE dept <> 'eng')`, 'LeftSemi', 'LeftOuter', sortRows(floors, 'id', 'floor'));
  });

  it('runs LEFT SEMI and LEFT ANTI joins', async () => {
    const semi = await sql('SELECT dept, floor FROM depts LEFT SEMI JOIN emps USING (dept) ORDER BY dept');
    expect(semi).toEqual(DEPTS.filter((d) => EMPS.some((e) => e.dept === d.dept)).sort((a, b) => cmp(a.dept, b.dept)));
    const anti = await sql('SELECT dept FROM depts ANTI JOIN emps ON depts.dept = emps.dept');
    expect(anti).toEqual(DEPTS.filter((d) => !EMPS.some((e) => e.dept === d.dept)).map(({ dept }) => ({ dept })));
  });

  it('gives INTERSECT precedence over UNION and EXCEPT', async () => {
    const rows = await sql(`
      SELECT dept FROM depts
      EXCEPT SELECT 'hr'
      UNION SELECT dept FROM emps WHERE dept IS NOT NULL INTERSECT SELECT 'sales'
      ORDER BY dept`);
    // (depts EXCEPT {hr}) UNION ({emp depts} INTERSECT {sales})
    expect(rows).toEqual([{ dept: 'eng' }, { dept: 'ops' }, { dept: 'sales' }]);
    expect(await sql('SELECT 1 AS x UNION ALL SELECT 1 UNION ALL SELECT 2 ORDER BY x')).toEqual([{ x: 1 }, { x: 1 }, { x: 2 }]);
    expect(await sql('SELECT 1 AS x UNION SELECT 1 UNION SELECT 2 ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('reads CTEs (one using another), subqueries with column aliases, VALUES and range()', async () => {
    const rows = await sql(`
      WITH paid AS (SELECT dept, salary FROM emps WHERE salary IS NOT NULL),
           totals (dept, total) AS (SELECT dept, sum(salary) FROM paid GROUP BY dept)
      SELECT t.dept, t.total, s.n
      FROM totals t JOIN (SELECT dept, count(*) FROM paid GROUP BY dept) AS s (dept, n) ON t.dept = s.dept
      ORDER BY t.total DESC`);
    const paid = EMPS.filter((e) => e.salary !== null && e.dept !== null);
    const expected = [...groupBy(paid, (e) => e.dept)].map(([dept, rs]) => ({ dept, total: rs.reduce((a, r) => a + r.salary!, 0), n: rs.length }));
    expect(rows).toEqual(expected.sort((a, b) => b.total - a.total));
    expect(await sql("SELECT n * 10 AS m, s FROM VALUES (1, 'a'), (2, 'b') AS t(n, s) ORDER BY m DESC")).toEqual([{ m: 20, s: 'b' }, { m: 10, s: 'a' }]);
    expect(await sql('SELECT sum(id) AS s FROM range(1, 101)')).toEqual([{ s: 5050 }]);
  });
});

describe('fc.sql: window functions', () => {
  it('ranks and sums over named and inline windows', async () => {
    const rows = await sql(`
      SELECT id, rank() OVER w AS r, sum(salary) OVER (PARTITION BY dept ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair
      FROM emps WHERE dept = 'eng' AND salary IS NOT NULL
      WINDOW w AS (ORDER BY salary DESC)
      ORDER BY id`);
    const eng = EMPS.filter((e) => e.dept === 'eng' && e.salary !== null).sort((a, b) => a.id - b.id);
    const expected = eng.map((e, i) => ({
      id: e.id,
      r: 1 + eng.filter((o) => o.salary! > e.salary!).length,
      pair: e.salary! + (i > 0 ? eng[i - 1]!.salary! : 0),
    }));
    expect(rows).toEqual(expected);
  });
});

describe('SQL text in the DataFrame API', () => {
  it('selectExpr, filter(text) and F.expr read expressions with aliases', async () => {
    const df = fc.table('emps').filter('salary > 5000 AND dept IS NOT NULL').selectExpr('id', 'salary DIV 1000 AS k', 'upper(dept) d');
    expect(df.columns).toEqual(['id', 'k', 'd']);
    const rows = await df.withColumn('twice', F.expr('k * 2')).orderBy('id').collect();
    const expected = EMPS.filter((e) => e.salary !== null && e.salary > 5000 && e.dept !== null)
      .map((e) => ({ id: e.id, k: Math.floor(e.salary! / 1000), d: e.dept!.toUpperCase(), twice: Math.floor(e.salary! / 1000) * 2 }));
    expect(rows).toEqual(expected);
  });
});

describe('fc.sql: generators and structs in the select list', () => {
  it('names a generator\'s columns with AS (a, b) (Spark\'s MultiAlias), also in selectExpr', async () => {
    const rows = await sql("SELECT id, posexplode(array(id, id * 10)) AS (p, v) FROM range(0, 3, 1, 2)");
    const expected = [0, 1, 2].flatMap((id) => [id, id * 10].map((v, p) => ({ id, p, v })));
    expect(sortRows(rows, 'id', 'p')).toEqual(expected);
    const boss = await fc.table('emps').filter('id < 5').selectExpr('id', "json_tuple(to_json(named_struct('n', name, 'b', boss)), 'n', 'b') AS (n, b)").collect();
    expect(sortRows(boss, 'id')).toEqual(EMPS.slice(0, 5).map((e) => ({ id: e.id, n: e.name, b: e.boss === null ? null : String(e.boss) })));
  });

  it('refuses AS (a, b) on a non-generator or with the wrong number of names, with Spark\'s errors', () => {
    expect(() => fc.sql('SELECT salary AS (a, b) FROM emps')).toThrow(
      '[MULTI_ALIAS_WITHOUT_GENERATOR] Multi part aliasing (a, b) is not supported with salary as it is not a generator function. SQLSTATE: 42K0E',
    );
    expect(() => fc.sql('SELECT explode(array(1)) AS (a, b)')).toThrow(
      '[UDTF_ALIAS_NUMBER_MISMATCH] The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. Expected 1 aliases, but got a, b. SQLSTATE: 42802',
    );
  });

  it('reads struct(x AS name, ...) with named fields; the others are named after their column or col<n>', async () => {
    const df = fc.sql("SELECT struct(id, salary * 2 AS twice, 'k' AS tag, 7) AS s FROM emps WHERE id < 3");
    expect(df.schema.simpleString()).toBe('struct<s:struct<id:int,twice:int,tag:string,col4:int>>');
    const rows = await df.collect();
    expect(sortRows(rows.map((r) => r.s as Record<string, unknown>), 'id')).toEqual(
      EMPS.slice(0, 3).map((e) => ({ id: e.id, twice: e.salary === null ? null : e.salary * 2, tag: 'k', col4: 7 })),
    );
  });
});

describe('fc.sql errors', () => {
  it('reports a syntax error with its line and column', () => {
    expect(() => fc.sql('SELECT name\nFROM emps\nWHERE salary >')).toThrow(/Syntax error at or near end of input at line 3, column 15/);
    expect(() => fc.sql('SELECT name FROM emps WHERE')).toThrow(/== SQL ==\nSELECT name FROM emps WHERE\n-{27}\^/);
  });

  it('says which syntax the engine does not run yet', () => {
    expect(() => fc.sql('SELECT * FROM emps NATURAL JOIN depts')).toThrow(/does not support NATURAL JOIN/);
  });
});

describe('fc.sql statements other than queries', () => {
  it('creates, lists, describes and drops temporary views', async () => {
    const created = fc.sql("CREATE OR REPLACE TEMPORARY VIEW eng AS SELECT id, salary FROM emps WHERE dept = 'eng'");
    expect(created.columns).toEqual([]);
    expect(await fc.sql('SELECT count(*) AS n FROM eng').collect()).toEqual([{ n: EMPS.filter((e) => e.dept === 'eng').length }]);
    expect(() => fc.sql('CREATE TEMP VIEW eng AS SELECT 1')).toThrow(/TEMP_TABLE_OR_VIEW_ALREADY_EXISTS/);
    fc.sql('CREATE TEMP VIEW IF NOT EXISTS eng AS SELECT 1');
    expect(await fc.sql('SELECT * FROM eng LIMIT 1').columns).toEqual(['id', 'salary']);
    fc.sql('CREATE TEMPORARY VIEW paid (who, pay) AS SELECT name, salary FROM emps WHERE salary IS NOT NULL');
    expect(await fc.sql("SHOW TABLES LIKE 'e*|paid'").collect()).toEqual([
      { namespace: '', tableName: 'emps', isTemporary: true },
      { namespace: '', tableName: 'eng', isTemporary: true },
      { namespace: '', tableName: 'paid', isTemporary: true },
    ]);
    expect(await fc.sql('DESCRIBE paid').collect()).toEqual([
      { col_name: 'who', data_type: 'string', comment: null },
      { col_name: 'pay', data_type: 'int', comment: null },
    ]);
    fc.sql('DROP VIEW eng');
    fc.sql('DROP VIEW paid');
    fc.sql('DROP VIEW IF EXISTS eng');
    expect(() => fc.sql('DROP VIEW eng')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    expect(fc.catalog.listTables().map((t) => t.name)).toEqual(['depts', 'emps']);
  });

  it('SET shows and changes the session configuration, SET TIME ZONE the time zone, RESET forgets them (as Spark)', async () => {
    expect(await fc.sql('SET spark.sql.shuffle.partitions').collect()).toEqual([{ key: 'spark.sql.shuffle.partitions', value: '<undefined>' }]);
    expect(await fc.sql('SET spark.sql.ansi.enabled = false;').collect()).toEqual([{ key: 'spark.sql.ansi.enabled', value: 'false' }]);
    expect(await fc.sql('SELECT 1 / 0 AS q').collect()).toEqual([{ q: null }]);
    expect(await fc.sql("SET TIME ZONE 'America/Los_Angeles'").collect()).toEqual([{ key: 'spark.sql.session.timeZone', value: 'America/Los_Angeles' }]);
    expect(await fc.sql("SELECT hour(TIMESTAMP '2024-01-01 00:00:00Z') AS h").collect()).toEqual([{ h: 16 }]);
    expect(await fc.sql('SET').collect()).toEqual([
      { key: 'spark.sql.ansi.enabled', value: 'false' },
      { key: 'spark.sql.session.timeZone', value: 'America/Los_Angeles' },
    ]);
    expect(await fc.sql('RESET spark.sql.ansi.enabled').collect()).toEqual([]);
    await expect(fc.sql('SELECT 1 / 0').collect()).rejects.toThrow(/DIVIDE_BY_ZERO/);
    fc.sql('RESET');
    expect(await fc.sql('SET').collect()).toEqual([]);
    expect(() => fc.sql('SET a b=c')).toThrow('[INVALID_PROPERTY_KEY] a b is an invalid property key, please use quotes');
  });

  it('EXPLAIN returns the plan text as one row', async () => {
    const [row] = await fc.sql('EXPLAIN EXTENDED SELECT dept, count(*) FROM emps GROUP BY dept').collect();
    expect(row!.plan).toMatch(/== Parsed Logical Plan ==[\s\S]*== Physical Plan ==/);
  });
});
