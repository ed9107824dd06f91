/**
 * Sorts and hash aggregations larger than the executor's memory spill to disk and still give the
 * right answers: `executorMemory` is a few MB, so each task's share (executorMemory / threads) is
 * far below what its sort buffer or aggregation table would hold. Answers are compared with a
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

describe('spilling sort and aggregation', () => {
  const open: FlintContext[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fc) => fc.stop()));
  });

  it('finish with a small executorMemory on local[2], spilling to disk', async () => {
    const fc = await FlintContext.create({ master: 'local[2]', appName: 'spill-local', executorMemory: 2 * 1024 * 1024 });
    open.push(fc);
    await runBoth(fc);
  }, 120_000);

  it('finish on local-cluster[2,1] and leave no spill files behind', async () => {
    const fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'spill-cluster', executorMemory: 1024 * 1024 });
    open.push(fc);
    await runBoth(fc);
    const spillDirs = fc.localCluster!.workers.map((w) => join(w.dataDir, 'executor-blocks', 'spill'));
    expect(spillDirs.some((dir) => existsSync(dir))).toBe(true);
    for (const dir of spillDirs) if (existsSync(dir)) expect(readdirSync(dir)).toEqual([]);
  }, 180_000);
});
