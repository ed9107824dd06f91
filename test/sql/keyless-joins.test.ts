// Joins without equality keys: an uncorrelated EXISTS (a join with no condition, its subquery
// limited to one row as Spark's RewriteNonCorrelatedExists does), an uncorrelated scalar subquery
// (a left join with its one-row aggregate) and theta joins broadcast their
// small side and test every pair where the other side's rows are (Spark's
// BroadcastNestedLoopJoin), instead of gathering both sides into one partition; an inner or cross
// join of two sides too big to broadcast pairs their partitions (Spark's CartesianProduct). Rows
// are compared with DuckDB's on the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';
import { rowsDifference } from './compare-rows.js';

// id, x
const LHS: [number, number | null][] = Array.from({ length: 40 }, (_, i) => [i, i % 7 === 3 ? null : (i * 13) % 29]);
// y, tag
const RHS: [number | null, string][] = [[3, 'a'], [17, 'a'], [null, 'b'], [25, 'c']];

let fc: FlintContext;
let duck: DuckDbReference;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'sql-keyless-joins' });
  fc.createDataFrame(LHS, 'id INT, x INT').repartition(4).createOrReplaceTempView('lhs');
  fc.createDataFrame(RHS, 'y INT, tag STRING').createOrReplaceTempView('rhs');
  duck = await DuckDbReference.open(1);
  await duck.createTable('lhs', 'id INTEGER, x INTEGER', LHS);
  await duck.createTable('rhs', 'y INTEGER, tag VARCHAR', RHS);
}, 60_000);

afterAll(async () => {
  duck?.close();
  await fc?.stop();
});

describe('joins without keys', () => {
  it('uncorrelated EXISTS / NOT EXISTS: a broadcast nested loop join, the big side left where it is', async () => {
    for (const tags of ["'a'", "'none'"]) {
      for (const query of [
        `SELECT id FROM lhs WHERE EXISTS (SELECT 1 FROM rhs WHERE tag = ${tags}) ORDER BY id`,
        `SELECT id FROM lhs WHERE NOT EXISTS (SELECT 1 FROM rhs WHERE tag = ${tags}) ORDER BY id`,
        `SELECT id, EXISTS (SELECT 1 FROM rhs WHERE tag = ${tags}) AS e FROM lhs WHERE id < 5 ORDER BY id`,
      ]) {
        expect(rowsDifference(await fc.sql(query).collect(), await duck.query(query), { ordered: true }), query).toBeNull();
      }
    }
    const df = fc.sql("SELECT id FROM lhs WHERE EXISTS (SELECT 1 FROM rhs WHERE tag = 'a')");
    const plan = df.explainString('simple');
    expect(plan).toMatch(/BroadcastNestedLoopJoin BuildRight, LeftSemi\n/);
    expect(plan).toMatch(/BroadcastExchange\n\s+\+- GlobalLimit 1\n/);
    expect(plan).not.toContain('Exchange SinglePartition\n   :');
    expect(df.rdd.getNumPartitions()).toBe(4);
  });

  it('an uncorrelated scalar subquery: its aggregate, one row, is broadcast', async () => {
    for (const query of ['SELECT id FROM lhs WHERE x > (SELECT avg(y) FROM rhs) ORDER BY id', 'SELECT id, x - (SELECT max(y) FROM rhs WHERE tag = \'a\') AS d FROM lhs ORDER BY id']) {
      expect(rowsDifference(await fc.sql(query).collect(), await duck.query(query), { ordered: true }), query).toBeNull();
    }
    const df = fc.sql('SELECT id FROM lhs WHERE x > (SELECT avg(y) FROM rhs)');
    expect(df.explainString('simple')).toMatch(/BroadcastNestedLoopJoin BuildRight, LeftOuter\n[^]*BroadcastExchange\n\s+\+- HashAggregate\(keys=\[\]/);
    expect(df.rdd.getNumPartitions()).toBe(4);
  });

  it('theta joins of every broadcastable type, a small side broadcast', async () => {
    for (const join of ['JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN', 'LEFT SEMI JOIN', 'LEFT ANTI JOIN', 'CROSS JOIN']) {
      const on = join === 'CROSS JOIN' ? '' : ' ON l.x > r.y + 10';
      const columns = join.startsWith('LEFT SEMI') || join.startsWith('LEFT ANTI') ? 'l.id, l.x' : 'l.id, l.x, r.y, r.tag';
      const query = `SELECT ${columns} FROM lhs l ${join} rhs r${on}`;
      // DuckDB spells Spark's LEFT SEMI/ANTI JOIN as SEMI/ANTI JOIN.
      const reference = query.replace('LEFT SEMI', 'SEMI').replace('LEFT ANTI', 'ANTI');
      expect(rowsDifference(await fc.sql(query).collect(), await duck.query(reference)), query).toBeNull();
    }
    expect(fc.sql('SELECT l.id, r.y FROM lhs l LEFT JOIN rhs r ON l.x > r.y + 10').explainString('simple')).toContain('BroadcastNestedLoopJoin BuildRight, LeftOuter, (x#');
  });

  it('an inner or cross join without keys of two sides above the broadcast threshold: a CartesianProduct of partition pairs', async () => {
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', 100);
    try {
      fc.createDataFrame(RHS, 'y INT, tag STRING').repartition(3).createOrReplaceTempView('rhs3');
      for (const query of [
        'SELECT l.id, l.x, r.y, r.tag FROM lhs l JOIN rhs3 r ON l.x > r.y + 10',
        'SELECT l.id, r.tag FROM lhs l CROSS JOIN rhs3 r',
        'SELECT l.id, r.y FROM lhs l, rhs3 r WHERE l.id + r.y = 30 OR r.y IS NULL AND l.x < 3',
      ]) {
        const df = fc.sql(query);
        expect(rowsDifference(await df.collect(), await duck.query(query.replace('rhs3', 'rhs'))), query).toBeNull();
        // 4 partitions of lhs by 3 of rhs3: one task per pair.
        expect(df.rdd.getNumPartitions(), query).toBe(12);
      }
      expect(fc.sql('SELECT * FROM lhs l JOIN rhs3 r ON l.x > r.y').explainString('simple').replace(/#\d+/g, '#N')).toBe(`== Physical Plan ==
CartesianProduct (x#N > y#N)
:- Exchange RoundRobinPartitioning(4)
:  +- Scan LocalRelation [id#N, x#N]
+- Exchange RoundRobinPartitioning(3)
   +- Scan LocalRelation [y#N, tag#N]
`);
      expect(fc.sql('SELECT * FROM lhs CROSS JOIN rhs3').explainString('simple')).toMatch(/^== Physical Plan ==\nCartesianProduct\n:- /);
      // A left join keeps its unmatched rows: not a cartesian product.
      expect(fc.sql('SELECT * FROM lhs l LEFT JOIN rhs3 r ON l.x > r.y').explainString('simple')).not.toContain('CartesianProduct');
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  });

  // Spark's JoinSelection broadcasts whichever side fits when there are no keys; building the side
  // whose unmatched rows the join keeps (its BroadcastNestedLoopJoinExec.defaultJoin), the matches
  // are known after all tasks of the other side.
  it('outer, semi and anti joins whose only small side is the one they keep: a broadcast nested loop join building it', async () => {
    // rhs (4 rows, 256 B) fits under 300 bytes; lhs (40 rows) does not.
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', 300);
    try {
      for (const [query, plan] of [
        ['SELECT l.id, l.x, r.y, r.tag FROM rhs r LEFT JOIN lhs l ON l.x > r.y + 10', 'BuildLeft, LeftOuter'],
        ['SELECT l.id, r.y FROM lhs l RIGHT JOIN rhs r ON l.x < r.y - 12 OR r.y IS NULL', 'BuildRight, RightOuter'],
        ['SELECT l.id, l.x, r.y, r.tag FROM lhs l FULL JOIN rhs r ON l.x > r.y + 20', 'BuildRight, FullOuter'],
        ['SELECT l.id, l.x, r.y, r.tag FROM rhs r FULL JOIN lhs l ON l.x > r.y + 20', 'BuildLeft, FullOuter'],
        ['SELECT r.y, r.tag FROM rhs r LEFT SEMI JOIN lhs l ON l.x > r.y + 10', 'BuildLeft, LeftSemi'],
        ['SELECT r.y, r.tag FROM rhs r LEFT ANTI JOIN lhs l ON l.x > r.y + 10', 'BuildLeft, LeftAnti'],
        ['SELECT r.tag FROM rhs r LEFT ANTI JOIN lhs l', 'BuildLeft, LeftAnti'],
        // A subquery's flag: an existence join building its (left) side.
        ['SELECT r.y, r.tag, EXISTS (SELECT 1 FROM lhs l WHERE l.x > r.y + 10) AS e FROM rhs r', 'BuildLeft, ExistenceJoin(exists#'],
      ]) {
        const df = fc.sql(query!);
        const reference = query!.replace('LEFT SEMI', 'SEMI').replace('LEFT ANTI', 'ANTI').replace(/ANTI JOIN lhs l$/, 'ANTI JOIN lhs l ON true');
        expect(rowsDifference(await df.collect(), await duck.query(reference)), query).toBeNull();
        const text = df.explainString('simple');
        expect(text, query).toContain(`BroadcastNestedLoopJoin ${plan}`);
        expect(text, query).not.toContain('SinglePartition');
      }
      // Both sides too big: still one task over both, unless a BROADCAST hint names the kept side.
      fc.conf.set('spark.sql.autoBroadcastJoinThreshold', 100);
      expect(fc.sql('SELECT * FROM rhs r LEFT JOIN lhs l ON l.x > r.y').explainString('simple')).toMatch(/ShuffledHashJoin \[\], \[\], LeftOuter, BuildRight, [^]*Exchange SinglePartition/);
      const hinted = 'SELECT /*+ BROADCAST(r) */ r.y, l.id FROM rhs r LEFT JOIN lhs l ON l.x > r.y + 10';
      expect(fc.sql(hinted).explainString('simple')).toContain('BroadcastNestedLoopJoin BuildLeft, LeftOuter');
      expect(rowsDifference(await fc.sql(hinted).collect(), await duck.query(hinted.replace('/*+ BROADCAST(r) */ ', ''))), hinted).toBeNull();
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  });

  // The merge of the small side's flags runs as one task even when the stream side has no
  // partition at all (an empty RDD), so every small row is still emitted or dropped.
  it('building the kept side over a stream side of zero partitions: outer joins pad every kept row, anti keeps all, semi none', async () => {
    fc.emptyRDD().toDF('id INT, x INT').createOrReplaceTempView('none');
    await duck.createTable('none', 'id INTEGER, x INTEGER', []);
    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    try {
      expect(fc.sql('SELECT * FROM none').rdd.getNumPartitions()).toBe(0);
      for (const [query, plan] of [
        ['SELECT /*+ BROADCAST(r) */ r.y, r.tag, l.id FROM rhs r LEFT JOIN none l ON l.x > r.y', 'BuildLeft, LeftOuter'],
        ['SELECT /*+ BROADCAST(r) */ r.y, r.tag, l.id, l.x FROM rhs r FULL JOIN none l ON l.x > r.y', 'BuildLeft, FullOuter'],
        ['SELECT /*+ BROADCAST(r) */ l.id, r.y, r.tag FROM none l RIGHT JOIN rhs r ON l.x > r.y', 'BuildRight, RightOuter'],
        ['SELECT /*+ BROADCAST(r) */ r.y, r.tag FROM rhs r LEFT ANTI JOIN none l ON l.x > r.y', 'BuildLeft, LeftAnti'],
        ['SELECT /*+ BROADCAST(r) */ r.y, r.tag FROM rhs r LEFT SEMI JOIN none l ON l.x > r.y', 'BuildLeft, LeftSemi'],
        ['SELECT /*+ BROADCAST(r) */ r.y, r.tag, EXISTS (SELECT 1 FROM none l WHERE l.x > r.y) AS e FROM rhs r', 'BuildLeft, ExistenceJoin(exists#'],
      ]) {
        const df = fc.sql(query!);
        expect(df.explainString('simple'), query).toContain(`BroadcastNestedLoopJoin ${plan}`);
        const reference = query!.replace('/*+ BROADCAST(r) */ ', '').replace('LEFT SEMI', 'SEMI').replace('LEFT ANTI', 'ANTI');
        expect(rowsDifference(await df.collect(), await duck.query(reference)), query).toBeNull();
      }
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  });
});
