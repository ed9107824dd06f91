// ORDER BY with LIMIT where the select list is not just the sort's input (a sort key left out,
// expressions, aliases) plans as Spark's TakeOrderedAndProject: the top n rows are taken without
// a full sort and the projection runs on them only. Answers are checked against DuckDB (nulls,
// ties broken by a second key, descending orders, OFFSET), and the physical plan text is Spark's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';
import { rowsDifference } from './compare-rows.js';

// 40 rows: b repeats (ties), some b and c are null.
const ROWS = Array.from({ length: 40 }, (_, i) => [i, i % 7 === 3 ? null : (i * 13) % 11, i % 5 === 0 ? null : `s${(i * 7) % 9}`] as const);

let fc: FlintContext;
let duck: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-top-n-project' });
  fc.conf.set('spark.sql.shuffle.partitions', 3);
  fc.createDataFrame(ROWS.map(([a, b, c]) => ({ a, b, c })), 'a INT, b INT, c STRING').repartition(3).createOrReplaceTempView('t');
  duck = await DuckDbReference.open(1);
  await duck.createTable('t', 'a INTEGER, b INTEGER, c VARCHAR', ROWS);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

// Spark's default null ordering (NULLS FIRST ascending, NULLS LAST descending) spelled out for DuckDB.
const queries = [
  'SELECT a FROM t ORDER BY b NULLS FIRST, a LIMIT 10',
  'SELECT a, c FROM t ORDER BY b DESC NULLS LAST, a DESC LIMIT 7',
  'SELECT a * 2 + 1 AS x, upper(c) AS u FROM t ORDER BY c NULLS FIRST, a LIMIT 12',
  "SELECT c || '-' || CAST(a AS STRING) AS label FROM t ORDER BY b + a NULLS FIRST, a LIMIT 5",
  'SELECT a FROM t ORDER BY b NULLS FIRST, a LIMIT 100',
  'SELECT a FROM t ORDER BY b NULLS FIRST, a LIMIT 0',
  'SELECT * FROM t ORDER BY b NULLS FIRST, a LIMIT 0',
  'SELECT a FROM t ORDER BY b NULLS FIRST, a LIMIT 6 OFFSET 4',
  'SELECT a, c FROM t ORDER BY b DESC NULLS LAST, a LIMIT 5 OFFSET 30',
  'SELECT * FROM t ORDER BY c NULLS FIRST, a LIMIT 0 OFFSET 3',
  'SELECT a FROM t ORDER BY b NULLS FIRST, a LIMIT 10 OFFSET 45',
];

// An offset alone (LIMIT ALL, or no LIMIT) sorts in full: Spark's CollectLimit -1 with the offset.
const offsetsAlone = [
  'SELECT a FROM t ORDER BY b NULLS FIRST, a OFFSET 33',
  'SELECT a FROM t ORDER BY b NULLS FIRST, a LIMIT ALL OFFSET 36',
];

describe('ORDER BY a column not selected, with LIMIT', () => {
  for (const query of queries) {
    it(query, async () => {
      const df = fc.sql(query);
      expect(rowsDifference(await df.collect(), await duck.query(query), { ordered: true }), query).toBeNull();
      expect(df.explainString()).toMatch(/^== Physical Plan ==\nTakeOrderedAndProject\(/);
    });
  }

  for (const query of offsetsAlone) {
    it(query, async () => {
      const df = fc.sql(query);
      expect(rowsDifference(await df.collect(), await duck.query(query), { ordered: true }), query).toBeNull();
      expect(df.explainString()).toMatch(/^== Physical Plan ==\nCollectLimit -1, 3\d\n\+- Project \[a#\d+\]\n {3}\+- Sort /);
    });
  }

  it('takes the top n + m rows and drops m for LIMIT n OFFSET m, as Spark\'s TakeOrderedAndProject with an offset', () => {
    const df = fc.sql('SELECT a * 2 AS x FROM t ORDER BY b, a LIMIT 4 OFFSET 6');
    expect(df.explainString().replace(/#\d+/g, '#N')).toBe(`== Physical Plan ==
TakeOrderedAndProject(limit=10, offset=6, orderBy=[b#N ASC NULLS FIRST,a#N ASC NULLS FIRST], output=[x#N])
+- Exchange RoundRobinPartitioning(3)
   +- Project [a#N, b#N]
      +- Scan LocalRelation [a#N, b#N]
`);
    expect(df.explainString('formatted').replace(/#\d+/g, '#N')).toContain('Arguments: 10, [b#N ASC NULLS FIRST, a#N ASC NULLS FIRST], [(a#N * 2) AS x#N], 6');
  });

  it('merges DataFrame offset and limit in either order into one top-n', async () => {
    const sorted = fc.table('t').orderBy('b', 'a');
    const cases = [
      { df: sorted.offset(5).limit(7), sql: 'LIMIT 7 OFFSET 5', plan: 'limit=12, offset=5' },
      { df: sorted.limit(9).offset(4), sql: 'LIMIT 5 OFFSET 4', plan: 'limit=9, offset=4' },
      { df: sorted.offset(2).offset(3).limit(20).limit(6), sql: 'LIMIT 6 OFFSET 5', plan: 'limit=11, offset=5' },
    ];
    for (const { df, sql, plan } of cases) {
      const query = `SELECT * FROM t ORDER BY b NULLS FIRST, a ${sql}`;
      expect(rowsDifference(await df.collect(), await duck.query(query), { ordered: true }), query).toBeNull();
      expect(df.explainString()).toContain(`TakeOrderedAndProject(${plan}, orderBy=`);
    }
  });

  it('prints Spark\'s TakeOrderedAndProject with the projection in its output', () => {
    const plan = fc.sql('SELECT a * 2 AS x, c FROM t ORDER BY b DESC, a LIMIT 3').explainString().replace(/#\d+/g, '#N');
    expect(plan).toBe(`== Physical Plan ==
TakeOrderedAndProject(limit=3, orderBy=[b#N DESC NULLS LAST,a#N ASC NULLS FIRST], output=[x#N,c#N])
+- Exchange RoundRobinPartitioning(3)
   +- Scan LocalRelation [a#N, b#N, c#N]
`);
  });

  it('lists the project list as its arguments in the formatted plan', () => {
    const plan = fc.sql('SELECT a * 2 AS x FROM t ORDER BY b LIMIT 3').explainString('formatted').replace(/#\d+/g, '#N');
    expect(plan).toContain('Arguments: 3, [b#N ASC NULLS FIRST], [(a#N * 2) AS x#N]');
  });
});
