/**
 * Sorts, hash aggregations and shuffled joins larger than the executor's memory spill to disk and
 * still give the right answers: `executorMemory` is a few MB, so each task's share (executorMemory
 * / threads) is far below what its sort buffer, aggregation table or join table would hold. Answers are compared with a
 * sequential reference over the same rows; the task metrics show bytes written to spill files,
 * and on local-cluster the workers' spill directories are empty afterwards.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

const ROWS = 240_000;
const GROUPS = 90_000;
const QUERY_ROWS = `SELECT id, id % ${GROUPS} AS k, (id * 7919) % 1000 AS v FROM range(0, ${ROWS}, 1, 4)`;

interface Row {
  id: number;
  k: number;
  v: number;
}

const rows: Row[] = Array.from({ length: ROWS }, (_, id) => ({ id, k: id % GROUPS, v: (id * 7919) % 1000 }));

function referenceAggregate(): { k: number; s: number; n: number; m: number }[] {
  const groups = new Map<number, { k: number; s: number; n: number; m: number }>();
  for (const r of rows) {
    const g = groups.get(r.k);
    if (g) {
      g.s += r.v;
      g.n++;
      g.m = Math.max(g.m, r.v);
    } else groups.set(r.k, { k: r.k, s: r.v, n: 1, m: r.v });
  }
  return [...groups.values()].sort((a, b) => a.k - b.k);
}

const referenceSort = () => [...rows].sort((a, b) => b.v - a.v || a.id - b.id).map(({ id, v }) => ({ id, v }));

const spilledBytes = (fc: FlintContext) => fc.jobHistory.reduce((sum, job) => sum + job.taskTime.diskBytesSpilled, 0);

async function runBoth(fc: FlintContext): Promise<void> {
  fc.conf.set('spark.sql.shuffle.partitions', 2);
  fc.sql(QUERY_ROWS).createOrReplaceTempView('t');

  const aggregated = await fc.sql('SELECT k, sum(v) AS s, count(*) AS n, max(v) AS m FROM t GROUP BY k').collect();
  expect(aggregated.sort((a, b) => (a.k as number) - (b.k as number))).toEqual(referenceAggregate());
  const afterAggregation = spilledBytes(fc);
  expect(afterAggregation).toBeGreaterThan(0);

  const sorted = await fc.sql('SELECT id, v FROM t ORDER BY v DESC, id').collect();
  expect(sorted).toEqual(referenceSort());
  expect(spilledBytes(fc)).toBeGreaterThan(afterAggregation);
}

/** The joins read the first JOIN_ROWS rows of t (view j), with k = id % JOIN_KEYS. */
const JOIN_ROWS = 40_000;
const JOIN_KEYS = 15_000;
const joinRows = rows.filter((r) => r.id < JOIN_ROWS).map((r) => ({ ...r, k: r.id % JOIN_KEYS }));

/** Per k, the number of pairs of rows of j and c with that k, and the sum of j's v over them (the inner join's reference). */
function referenceInnerJoin(): { k: number; n: number; s: number }[] {
  const byKey = new Map<number, Row[]>();
  for (const r of joinRows) byKey.set(r.k, [...(byKey.get(r.k) ?? []), r]);
  return [...byKey]
    .map(([k, group]) => ({ k, n: group.length * group.length, s: group.length * group.reduce((sum, r) => sum + r.v, 0) }))
    .sort((a, b) => a.k - b.k);
}

function referenceFullJoin(): Record<string, number> {
  const evens = joinRows.filter((r) => r.id % 2 === 0).map((r) => r.id);
  const thirds = new Set(joinRows.filter((r) => r.id % 3 === 0).map((r) => r.id));
  const matched = evens.filter((id) => thirds.has(id - 1));
  const sum = (ids: Iterable<number>) => [...ids].reduce((a, b) => a + b, 0);
  return { l: evens.length, r: thirds.size, n: evens.length + thirds.size - matched.length, ls: sum(evens), rs: sum(thirds) };
}

async function joins(fc: FlintContext): Promise<void> {
  fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
  // Each reduce task then joins half of the rows (by default a join hashes into 200 partitions).
  fc.conf.set('flint.sql.adaptive.coalescePartitions.initialPartitionNum', 2);
  fc.sql(`SELECT id, id % ${JOIN_KEYS} AS k, v FROM t WHERE id < ${JOIN_ROWS}`).createOrReplaceTempView('j');
  // c holds j's rows with other values of v, so that the answer tells the sides apart.
  fc.createDataFrame(joinRows.map((r) => ({ ...r, v: r.v + 1000 }))).createOrReplaceTempView('c');
  const before = spilledBytes(fc);
  // j (a range, 8 bytes a row estimated) is smaller than c (local rows, 64): the join builds its left side.
  const innerJoin = fc.sql('SELECT a.k, count(*) AS n, sum(b.v) AS s FROM j b JOIN c a ON a.k = b.k GROUP BY a.k');
  expect(innerJoin.explainString()).toMatch(/ShuffledHashJoin .*BuildLeft/);
  const inner = await innerJoin.collect();
  expect(inner.sort((a, b) => (a.k as number) - (b.k as number))).toEqual(referenceInnerJoin());

  const afterInner = spilledBytes(fc);
  // A full outer join groups both sides by key; its global aggregate does not spill, the join does.
  const full = await fc.sql(`SELECT count(a.id) AS l, count(b.id) AS r, count(*) AS n, sum(a.id) AS ls, sum(b.id) AS rs
    FROM (SELECT id FROM j WHERE id % 2 = 0) a FULL JOIN (SELECT id FROM j WHERE id % 3 = 0) b ON a.id = b.id + 1`).collect();
  expect(full).toEqual([referenceFullJoin()]);
  const afterFull = spilledBytes(fc);
  expect(afterFull).toBeGreaterThan(afterInner);

  // An anti join without a residual condition keeps only the right side's keys.
  const anti = await fc.sql('SELECT count(*) AS n, sum(id) AS s FROM j a WHERE NOT EXISTS (SELECT 1 FROM j b WHERE b.id = a.id * 2)').collect();
  const kept = joinRows.filter((r) => r.id * 2 >= JOIN_ROWS);
  expect(anti).toEqual([{ n: kept.length, s: kept.reduce((sum, r) => sum + r.id, 0) }]);
  expect(spilledBytes(fc)).toBeGreaterThan(afterFull);
  expect(afterInner).toBeGreaterThan(before);
}

describe('spilling sort, aggregation and join', () => {
  const open: FlintContext[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fc) => fc.stop()));
  });

  it('finish with a small executorMemory on local[2], spilling to disk (joins too)', async () => {
    const fc = await FlintContext.create({ master: 'local[2]', appName: 'spill-local', executorMemory: 2 * 1024 * 1024 });
    open.push(fc);
    await runBoth(fc);
    await joins(fc);
  }, 120_000);

  it('sort in memory when the sorted columns fit the task budget: a number column counts 8 bytes a row', async () => {
    // Each of the 2 reduce tasks sorts about 50,000 rows of two number columns (800 KB as
    // Float64Arrays) within a 1.2 MB budget (executorMemory 2.4 MB / 2 threads): no run is spilled.
    const fc = await FlintContext.create({ master: 'local[2]', appName: 'sort-fits', executorMemory: 2_400_000 });
    open.push(fc);
    fc.conf.set('spark.sql.shuffle.partitions', 2);
    const n = 100_000;
    const sorted = await fc.sql(`SELECT id, (id * 7919) % 1000 / 7 AS price FROM range(0, ${n}, 1, 4) ORDER BY price DESC, id`).collect();
    const expected = Array.from({ length: n }, (_, id) => ({ id, price: ((id * 7919) % 1000) / 7 })).sort((a, b) => b.price - a.price || a.id - b.id);
    expect(sorted).toEqual(expected);
    expect(spilledBytes(fc)).toBe(0);
  }, 60_000);

  it('finish on local-cluster[2,1] and leave no spill files behind', async () => {
    const fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'spill-cluster', executorMemory: 1024 * 1024 });
    open.push(fc);
    await runBoth(fc);
    const spillDirs = fc.localCluster!.workers.map((w) => join(w.dataDir, 'executor-blocks', 'spill'));
    expect(spillDirs.some((dir) => existsSync(dir))).toBe(true);
    for (const dir of spillDirs) if (existsSync(dir)) expect(readdirSync(dir)).toEqual([]);
  }, 180_000);
});
