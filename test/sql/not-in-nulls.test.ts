// `x NOT IN (subquery)` with nulls on either side, as Spark's null-aware anti join: every row is
// kept when the subquery is empty; otherwise a null x is dropped, an x the subquery returns is
// dropped, and every x is dropped once the subquery returns a null. Each case runs as a broadcast
// hash join, a shuffled hash join, and a shuffled join that adaptive execution turns into a
// broadcast one (its build side read from the shuffle), and is checked against DuckDB.
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
