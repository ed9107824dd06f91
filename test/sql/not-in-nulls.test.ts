// `x NOT IN (subquery)` with nulls on either side, as Spark's null-aware anti join: every row is
// kept when the subquery is empty; otherwise a null x is dropped, an x the subquery returns is
// dropped, and every x is dropped once the subquery returns a null. Each case runs as a broadcast
// hash join, a shuffled hash join, and a shuffled join that adaptive execution turns into a
// broadcast one (its build side read from the shuffle), and is checked against DuckDB; correlated
// NOT IN too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const LHS = [1, 2, 3, null, 4];
const RHS: [number | null, string][] = [[1, 'a'], [5, 'a'], [null, 'b'], [2, 'c'], [7, 'c'], [null, 'd']];

let fc: FlintContext;
let duck: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-not-in-nulls' });
  fc.conf.set('spark.sql.shuffle.partitions', 3);
  fc.createDataFrame(LHS.map((x, id) => ({ id, x })), 'id INT, x INT').createOrReplaceTempView('lhs');
  fc.createDataFrame(RHS.map(([y, tag]) => ({ y, tag })), 'y INT, tag STRING').createOrReplaceTempView('rhs');
  duck = await DuckDbReference.open(1);
  await duck.query('CREATE TABLE lhs (id INTEGER, x INTEGER); CREATE TABLE rhs (y INTEGER, tag VARCHAR)');
  const value = (v: number | string | null) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));
  await duck.query(`INSERT INTO lhs VALUES ${LHS.map((x, id) => `(${id}, ${value(x)})`).join(', ')}`);
  await duck.query(`INSERT INTO rhs VALUES ${RHS.map(([y, tag]) => `(${value(y)}, ${value(tag)})`).join(', ')}`);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

const cases = [
  // The subquery returns no rows: every row is kept, the null x too.
  { name: 'an empty subquery keeps every row', tags: "'none'", kept: [0, 1, 2, 3, 4] },
  // No null in the subquery: 2 is dropped, the null x is dropped, 1, 3 and 4 are kept.
  { name: 'a subquery without nulls drops matches and the null x', tags: "'c'", kept: [0, 2, 4] },
  // The subquery returns a null: no row is kept, though 3 and 4 match nothing.
  { name: 'a subquery with a null drops every row', tags: "'a', 'b'", kept: [] },
  // Only nulls: still no row.
  { name: 'a subquery of nulls only drops every row', tags: "'d'", kept: [] },
];

const strategies = [
  { name: 'broadcast hash join', subquery: (where: string) => `SELECT y FROM rhs WHERE ${where}`, plan: 'BroadcastHashJoin', builds: 1, conf: {} },
  { name: 'shuffled hash join', subquery: (where: string) => `SELECT y FROM rhs WHERE ${where}`, plan: 'ShuffledHashJoin', builds: 0, conf: { 'spark.sql.autoBroadcastJoinThreshold': -1 } },
  // An aggregate's size is unknown when planning: adaptive execution measures its shuffle and broadcasts it.
  { name: 'adaptive broadcast from the shuffle', subquery: (where: string) => `SELECT y FROM rhs WHERE ${where} GROUP BY y`, plan: 'ShuffledHashJoin', builds: 1, conf: {} },
];

describe('NOT IN over a subquery with nulls', () => {
  for (const strategy of strategies) {
    for (const c of cases) {
      it(`${c.name} (${strategy.name})`, async () => {
        const query = `SELECT id FROM lhs WHERE x NOT IN (${strategy.subquery(`tag IN (${c.tags})`)}) ORDER BY id`;
        for (const [key, value] of Object.entries(strategy.conf)) fc.conf.set(key, value as number);
        try {
          const df = fc.sql(query);
          expect(df.explainString()).toContain(strategy.plan);
          const reference = await duck.query(query);
          expect(reference.map((r) => r.id)).toEqual(c.kept);
          const before = fc.jobHistory.length;
          expect(await df.collect()).toEqual(reference);
          const builds = fc.jobHistory.slice(before).filter((job) => job.description.startsWith('broadcast join: build side'));
          expect(builds).toHaveLength(strategy.builds);
        } finally {
          for (const key of Object.keys(strategy.conf)) fc.conf.unset(key);
        }
      });
    }
  }
});

// Correlated NOT IN is Spark's anti join on `(x = y OR isnull(x = y)) AND correlation`: the rows of
// the subquery the correlation selects decide, as an uncorrelated subquery's rows do above.
describe('correlated NOT IN with nulls', () => {
  // Group 1: {1, 2}; group 2: {5, null}; group 3 and a null group: no rows; group 4: {null}.
  const OUTER: [number | null, number | null][] = [[1, 1], [1, 3], [1, null], [2, 3], [2, null], [3, 1], [3, null], [4, 9], [null, 1], [null, null]];
  const INNER: [number, number | null][] = [[1, 1], [1, 2], [2, 5], [2, null], [4, null]];
  const value = (v: number | null) => (v === null ? 'NULL' : String(v));

  beforeAll(async () => {
    fc.createDataFrame(OUTER.map(([g, x], id) => ({ id, g, x })), 'id INT, g INT, x INT').createOrReplaceTempView('outer_rows');
    fc.createDataFrame(INNER.map(([g, y]) => ({ g, y })), 'g INT, y INT').createOrReplaceTempView('inner_rows');
    await duck.query('CREATE TABLE outer_rows (id INTEGER, g INTEGER, x INTEGER); CREATE TABLE inner_rows (g INTEGER, y INTEGER)');
    await duck.query(`INSERT INTO outer_rows VALUES ${OUTER.map(([g, x], id) => `(${id}, ${value(g)}, ${value(x)})`).join(', ')}`);
    await duck.query(`INSERT INTO inner_rows VALUES ${INNER.map(([g, y]) => `(${value(g)}, ${value(y)})`).join(', ')}`);
  });

  const queries = [
    // An equality correlation: a hash join on g, the null handling as its condition.
    { name: 'correlated by equality', where: 'inner_rows.g = outer_rows.g', kept: [1, 5, 6, 8, 9] },
    { name: 'correlated by equality, the subquery filtered too', where: 'inner_rows.g = outer_rows.g AND inner_rows.y > 1', kept: [0, 1, 3, 5, 6, 7, 8, 9] },
    // No equality: a join without keys.
    { name: 'correlated by an inequality', where: 'inner_rows.g > outer_rows.g', kept: [7, 8, 9] },
  ];
  for (const q of queries) {
    it(`${q.name}: the rows DuckDB keeps`, async () => {
      const query = `SELECT id FROM outer_rows WHERE x NOT IN (SELECT y FROM inner_rows WHERE ${q.where}) ORDER BY id`;
      const reference = await duck.query(query);
      expect(reference.map((r) => r.id)).toEqual(q.kept);
      expect(await fc.sql(query).collect()).toEqual(reference);
    });
  }

  it('explain() prints the joins as Spark does: the null-aware flag, or the null handling as the condition', () => {
    const uncorrelated = fc.sql('SELECT id FROM lhs WHERE x NOT IN (SELECT y FROM rhs)').explainString('extended');
    expect(uncorrelated).toMatch(/Join LeftAnti, \(\(x#(\d+) = y#(\d+)\) OR isnull\(\(x#\1 = y#\2\)\)\)/);
    expect(uncorrelated).toMatch(/BroadcastHashJoin \[x#\d+\], \[y#\d+\], LeftAnti, BuildRight, true\n/);
    const correlated = fc.sql('SELECT id FROM outer_rows WHERE x NOT IN (SELECT y FROM inner_rows WHERE inner_rows.g = outer_rows.g)').explainString();
    expect(correlated).toMatch(/BroadcastHashJoin \[g#\d+\], \[g#\d+\], LeftAnti, BuildRight, \(\(x#(\d+) = y#(\d+)\) OR isnull\(\(x#\1 = y#\2\)\)\), false\n/);
  });
});

// Spark's own answers: sql-tests/results/subquery/in-subquery/not-in-unit-tests-single-column.sql.out
// and not-in-unit-tests-multi-column.sql.out (b and d are decimal(2,1) there, double here).
describe("Spark's NOT IN unit tests, single and multiple columns", () => {
  // Sorted as the golden files list them (NULL printed as text).
  const text = (row: unknown[]) => row.map((v) => (v === null ? 'NULL' : String(v))).join('\t');
  const rows = async (query: string) => (await fc.sql(query).collect()).map((r) => [r.a, r.b]).sort((x, y) => text(x).localeCompare(text(y)));

  it('single column, correlated and not', async () => {
    fc.createDataFrame([[null, 1.0], [2, 3.0], [4, 5.0]], 'a INT, b DOUBLE').createOrReplaceTempView('m');
    fc.createDataFrame([[null, 1.0], [2, 3.0], [6, 7.0]], 'c INT, d DOUBLE').createOrReplaceTempView('s');
    const notIn = (where: string, sub: string) => rows(`SELECT * FROM m WHERE ${where} a NOT IN (SELECT c FROM s WHERE ${sub})`);
    expect(await notIn('', 'd > 10.0')).toEqual([[2, 3], [4, 5], [null, 1]]);
    expect(await notIn('', 'd = 1.0')).toEqual([]);
    expect(await notIn('b = 1.0 AND', 'd = 3.0')).toEqual([]);
    expect(await notIn('b = 3.0 AND', 'd = 3.0')).toEqual([]);
    expect(await notIn('b = 3.0 AND', 'd = 7.0')).toEqual([[2, 3]]);
    expect(await notIn('', 'd = b + 10')).toEqual([[2, 3], [4, 5], [null, 1]]);
    expect(await notIn('b = 1.0 AND', 'd = b + 10')).toEqual([[null, 1]]);
    expect(await notIn('b = 3.0 AND', 'd = b + 10')).toEqual([[2, 3]]);
  });

  it('multiple columns: (a, b) NOT IN compares column by column, a null in a pair matching anything', async () => {
    fc.createDataFrame([[null, null], [null, 1.0], [2, 3.0], [4, 5.0]], 'a INT, b DOUBLE').createOrReplaceTempView('m');
    fc.createDataFrame([[null, null], [0, 1.0], [2, 3.0], [4, null]], 'c INT, d DOUBLE').createOrReplaceTempView('s');
    const notIn = (where: string, sub: string) => rows(`SELECT * FROM m WHERE ${where} (a, b) NOT IN (SELECT * FROM s WHERE ${sub})`);
    expect(await notIn('', 'd > 5.0')).toEqual([[2, 3], [4, 5], [null, 1], [null, null]]);
    expect(await notIn('', 'c IS NULL AND d IS NULL')).toEqual([]);
    expect(await notIn('a IS NULL AND b IS NULL AND', 'c IS NOT NULL')).toEqual([]);
    expect(await notIn('b = 1.0 AND', 'c IS NOT NULL')).toEqual([]);
    expect(await notIn('b = 1.0 AND', 'c = 2')).toEqual([[null, 1]]);
    expect(await notIn('b = 3.0 AND', 'c = 2')).toEqual([]);
    expect(await notIn('b = 5.0 AND', 'c = 2')).toEqual([[4, 5]]);
    // IN keeps the pairs the subquery returns (nulls match nothing).
    expect(await rows('SELECT * FROM m WHERE (a, b) IN (SELECT c, d FROM s)')).toEqual([[2, 3]]);
    expect(() => fc.sql('SELECT * FROM m WHERE a IN (SELECT c, d FROM s)')).toThrow(
      /\[DATATYPE_MISMATCH\.IN_SUBQUERY_LENGTH_MISMATCH\] .*Left hand side columns\(length: 1\): \["a"\], right hand side columns\(length: 2\): \["c", "d"\]/,
    );
  });

  // sql-tests/results/subquery/in-subquery/in-basic.sql.out: a struct column IN / NOT IN a subquery of
  // named rows; the join keys are structs, matched by content (broadcast and shuffled alike).
  it('a struct IN and NOT IN a subquery of structs, and joins on struct and array keys', async () => {
    fc.createDataFrame([[1, 1]], 'a2 INT, b2 INT').createOrReplaceTempView('tab_b');
    const records = '(SELECT struct(col1 AS a, col2 AS b) AS record, col1 AS k FROM VALUES (1, 1), (1, 2), (2, 1), (2, 2))';
    const count = async (query: string) => ((await fc.sql(query).collect())[0] as Record<string, number>)['count(1)'];
    for (const threshold of [10 * 1024 * 1024, -1]) {
      fc.conf.set('spark.sql.autoBroadcastJoinThreshold', threshold);
      try {
        expect(await count(`SELECT count(*) FROM ${records} WHERE record IN (SELECT (a2 AS a, b2 AS b) FROM tab_b)`)).toBe(1);
        expect(await count(`SELECT count(*) FROM ${records} WHERE record NOT IN (SELECT (a2 AS a, b2 AS b) FROM tab_b)`)).toBe(3);
        expect(await count(`SELECT count(*) FROM ${records} x JOIN ${records} y ON x.record = y.record`)).toBe(4);
        expect(await count(`SELECT count(*) FROM ${records} x JOIN ${records} y ON array(x.k) = array(y.k)`)).toBe(8);
      } finally {
        fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
      }
    }
  });
});
