/**
 * Adaptive query execution on local[2]: after each shuffle's map stage the reader is re-planned —
 * small shuffle partitions are coalesced (fewer tasks in the job's stage, seen in the job
 * history) and a shuffled join whose measured side is small becomes a broadcast join (its build
 * side's job shows in the job history); a side that may be broadcast is measured first, alone, so that
 * the other side need not be shuffled at all. Answers are compared with a sequential reference, and with
 * the same queries run with adaptive execution off.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, type EventOf } from '@flint/driver';

const N = 5000;
const ids = Array.from({ length: N }, (_, id) => id);
const byJson = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('adaptive query execution', () => {
  let fc: FlintContext;
  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local[2]', appName: 'adaptive' });
    fc.conf.set('spark.sql.shuffle.partitions', 8);
    fc.sql(`SELECT id, id % 10 AS k, id % 7 AS g FROM range(0, ${N}, 1, 4)`).createOrReplaceTempView('t');
    // Ten keys with a label each, but only keys 0 to 4: inner joins drop, outer joins keep with nulls.
    fc.createDataFrame(Array.from({ length: 5 }, (_, k) => ({ k, label: `key ${k}` }))).createOrReplaceTempView('labels');
  }, 60_000);
  afterAll(async () => {
    await fc.stop();
  });

  const lastJob = () => fc.jobHistory[fc.jobHistory.length - 1];
  /** The broadcast joins' build-side jobs the action ran. */
  const buildJobsDuring = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    const before = fc.jobHistory.length;
    const result = await run();
    return [result, fc.jobHistory.slice(before).filter((job) => job.description.startsWith('broadcast join: build side')).length];
  };
  const withAdaptive = async <T>(enabled: boolean, run: () => Promise<T>): Promise<T> => {
    fc.conf.set('flint.sql.adaptive.enabled', enabled);
    try {
      return await run();
    } finally {
      fc.conf.unset('flint.sql.adaptive.enabled');
    }
  };

  it('coalesces the small partitions of an aggregation shuffle into fewer tasks', async () => {
    const query = 'SELECT k, count(*) AS n, sum(id) AS s FROM t GROUP BY k';
    const expected = Array.from({ length: 10 }, (_, k) => {
      const members = ids.filter((id) => id % 10 === k);
      return { k, n: members.length, s: members.reduce((a, b) => a + b, 0) };
    });

    const df = fc.sql(query);
    const rows = await df.collect();
    expect(byJson(rows)).toEqual(byJson(expected));
    // The map stage ran as its own job first; the query's job skipped it and read the 8 partitions (a few KB) with one task.
    const job = lastJob();
    expect(job.stages.filter((s) => s.skipped)).toHaveLength(1);
    expect(job.stages.find((s) => !s.skipped)?.numTasks).toBe(1);
    expect(fc.jobHistory[fc.jobHistory.length - 2].description).toMatch(/^ShuffleQueryStage 0: /);

    const staticRows = await withAdaptive(false, () => fc.sql(query).collect());
    expect(byJson(staticRows)).toEqual(byJson(expected));
    expect(lastJob().stages.find((s) => !s.skipped && s.numTasks !== 4)?.numTasks).toBe(8);
  }, 60_000);

  it('keeps partitions apart when each is as large as the target', async () => {
    fc.conf.set('flint.sql.adaptive.coalescePartitions.parallelismFirst', false);
    fc.conf.set('flint.sql.adaptive.coalescePartitions.minPartitionSize', 1);
    fc.conf.set('flint.sql.adaptive.advisoryPartitionSizeInBytes', 1);
    try {
      const rows = await fc.sql('SELECT g, count(*) AS n FROM t GROUP BY g').collect();
      expect(byJson(rows)).toEqual(byJson(Array.from({ length: 7 }, (_, g) => ({ g, n: ids.filter((id) => id % 7 === g).length }))));
      expect(lastJob().stages.find((s) => !s.skipped)?.numTasks).toBe(8);
    } finally {
      for (const key of ['coalescePartitions.parallelismFirst', 'coalescePartitions.minPartitionSize', 'advisoryPartitionSizeInBytes']) fc.conf.unset(`flint.sql.adaptive.${key}`);
    }
  }, 60_000);

  it('switches a shuffled join to a broadcast join when the measured side is small', async () => {
    // Both sides are aggregates, whose size the planner cannot estimate: it plans a shuffled hash join.
    const query = `SELECT a.k, a.n, b.m FROM (SELECT k, count(*) AS n FROM t GROUP BY k) a
      LEFT JOIN (SELECT k, max(id) AS m FROM t WHERE k < 5 GROUP BY k) b ON a.k = b.k`;
    const expected = Array.from({ length: 10 }, (_, k) => ({
      k,
      n: N / 10,
      m: k < 5 ? Math.max(...ids.filter((id) => id % 10 === k)) : null,
    }));
    expect(fc.sql(query).explainString()).toContain('ShuffledHashJoin');
    const [rows, builds] = await buildJobsDuring(() => fc.sql(query).collect());
    expect(byJson(rows)).toEqual(byJson(expected));
    expect(builds).toBe(1);

    const [staticRows, staticBuilds] = await buildJobsDuring(() => withAdaptive(false, () => fc.sql(query).collect()));
    expect(byJson(staticRows)).toEqual(byJson(expected));
    expect(staticBuilds).toBe(0);
  }, 60_000);

  describe('a join side that may be small runs first', () => {
    // The big side: 20,000 ids in 9 partitions (160 KB by its estimate, over the threshold below).
    const BIG = 20_000;
    const bigIds = Array.from({ length: BIG }, (_, id) => id);
    const counts = 'SELECT k, count(*) AS n FROM t GROUP BY k';
    /**
     * The shuffle map stages of the action's jobs (a job's stages come parents first, its result
     * stage last) that ran a task per partition of the big side (or more: a shuffle of both sides).
     */
    const bigShuffles = (jobs: typeof fc.jobHistory) =>
      jobs.flatMap((job) => job.stages.slice(0, -1)).filter((s) => !s.skipped && s.numTasks >= 9).length;
    const run = async (query: string) => {
      const before = fc.jobHistory.length;
      const rows = await fc.sql(query).collect();
      return { rows, bigShuffles: bigShuffles(fc.jobHistory.slice(before)) };
    };
    beforeAll(() => {
      fc.sql(`SELECT id FROM range(0, ${BIG}, 1, 9)`).createOrReplaceTempView('big');
      // The counts' shuffle holds ten rows (a few hundred bytes): under 4 KB once measured.
      fc.conf.set('spark.sql.autoBroadcastJoinThreshold', 4096);
    });
    afterAll(() => fc.conf.unset('spark.sql.autoBroadcastJoinThreshold'));

    it('broadcasts the small side measured alone and never shuffles the big side (inner and right join)', async () => {
      const expected = bigIds.map((id) => ({ id, n: N / 10 }));
      const inner = `SELECT b.id, c.n FROM big b JOIN (${counts}) c ON b.id % 10 = c.k`;
      expect(fc.sql(inner).explainString()).toContain('ShuffledHashJoin');
      const joined = await run(inner);
      expect(byJson(joined.rows)).toEqual(byJson(expected));
      expect(joined.bigShuffles).toBe(0);
      // A right join may broadcast its left side: the counts, kept only where they match.
      const right = await run(`SELECT b.id, c.n FROM (${counts}) c RIGHT JOIN big b ON b.id % 10 = c.k`);
      expect(byJson(right.rows)).toEqual(byJson(expected));
      expect(right.bigShuffles).toBe(0);
    }, 60_000);

    it('measures a side of integer ids and few strings in its compact shuffle form, and broadcasts it', async () => {
      const SEGMENTS = ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'HOUSEHOLD', 'MACHINERY'];
      const DIMS = 2000;
      // An aggregate (the planner cannot estimate it): 2,000 (cid, segment) rows shuffle as about
      // 18 KB of 4-byte ids, 4-byte keys and 1-byte segment codes; as doubles and strings, 54 KB.
      const dims = `SELECT id AS cid, max(CASE id % 5 ${SEGMENTS.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END) AS segment FROM range(0, ${DIMS}, 1, 2) GROUP BY id`;
      const query = `SELECT d.segment, count(*) AS n, sum(b.id) AS s FROM big b JOIN (${dims}) d ON b.id % ${DIMS} = d.cid GROUP BY d.segment`;
      const expected = SEGMENTS.map((segment, i) => {
        const members = bigIds.filter((id) => (id % DIMS) % 5 === i);
        return { segment, n: members.length, s: members.reduce((a, b) => a + b, 0) };
      });
      fc.conf.set('spark.sql.autoBroadcastJoinThreshold', 30_000);
      try {
        expect(fc.sql(query).explainString()).toContain('ShuffledHashJoin');
        const stages: EventOf<'jobStart'>['stages'][number][] = [];
        const remove = fc.addListener((event) => void (event.type === 'jobStart' && stages.push(...event.stages)));
        const [joined, builds] = await buildJobsDuring(() => run(query));
        remove();
        expect(byJson(joined.rows)).toEqual(byJson(expected));
        expect(builds).toBe(1);
        // The grouping's own map stage over the big side; a shuffle of it for the join would be a second.
        expect(joined.bigShuffles).toBe(1);
        // That stage probes in the grouping's own loop, straight over the big side's range (no RDD of joined rows between).
        const bigStage = stages.filter((stage) => stage.numTasks === 9).at(-1)!;
        const range = bigStage.rdds.find((rdd) => rdd.kind === 'range');
        expect(bigStage.rdds[0].parentIds).toEqual([range?.id]);
      } finally {
        fc.conf.set('spark.sql.autoBroadcastJoinThreshold', 4096);
      }
    }, 60_000);

    it('groups the switched join by a string column of the stream side scan (its dictionary read in the fused loop)', async () => {
      // A CSV scan (about 300 KB, over the 4 KB threshold and larger than the counts: planned as a shuffled join, the counts measured first) grouped by its own string column.
      const dir = mkdtempSync(join(tmpdir(), 'flint-adaptive-'));
      const MODES = ['AIR', 'MAIL', 'RAIL', 'SHIP', 'TRUCK'];
      const lines = Array.from({ length: 30_000 }, (_, id) => `${id},${MODES[(id * 7) % 5]}`);
      writeFileSync(join(dir, 'items.csv'), `id,mode\n${lines.join('\n')}\n`);
      try {
        fc.read.csv(join(dir, 'items.csv'), { header: true, schema: 'id INT, mode STRING' }).createOrReplaceTempView('items');
        const query = `SELECT i.mode, count(*) AS n, sum(c.n) AS s FROM items i JOIN (${counts}) c ON i.id % 10 = c.k GROUP BY i.mode`;
        expect(fc.sql(query).explainString()).toContain('ShuffledHashJoin');
        const [rows, builds] = await buildJobsDuring(() => fc.sql(query).collect());
        const expected = MODES.map((mode) => {
          const n = lines.filter((line) => line.endsWith(`,${mode}`)).length;
          return { mode, n, s: n * (N / 10) };
        });
        expect(byJson(rows)).toEqual(byJson(expected));
        expect(builds).toBe(1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('shuffles both sides when the side that may be broadcast is the big one', async () => {
      // A left join keeps every count: only the big side could be built, and it is too big.
      const query = `SELECT c.k, b.id FROM (${counts}) c LEFT JOIN big b ON b.id % 10 = c.k`;
      const { rows, bigShuffles } = await run(query);
      expect(byJson(rows)).toEqual(byJson(bigIds.map((id) => ({ k: id % 10, id }))));
      expect(bigShuffles).toBe(1);
    }, 60_000);
  });

  it('does not broadcast when the threshold is off, nor the kept side of an outer join', async () => {
    const query = `SELECT l.k, l.label, c.n FROM labels l FULL JOIN (SELECT k, count(*) AS n FROM t GROUP BY k) c ON l.k = c.k`;
    const [rows, builds] = await buildJobsDuring(() => fc.sql(query).collect());
    const expected = Array.from({ length: 10 }, (_, k) => ({ k: k < 5 ? k : null, label: k < 5 ? `key ${k}` : null, n: N / 10 }));
    expect(byJson(rows)).toEqual(byJson(expected));
    expect(builds).toBe(0);

    fc.conf.set('spark.sql.autoBroadcastJoinThreshold', -1);
    try {
      const [inner, innerBuilds] = await buildJobsDuring(() => fc.sql('SELECT a.k, b.label FROM (SELECT k FROM t GROUP BY k) a JOIN labels b ON a.k = b.k').collect());
      expect(byJson(inner)).toEqual(byJson(Array.from({ length: 5 }, (_, k) => ({ k, label: `key ${k}` }))));
      expect(innerBuilds).toBe(0);
    } finally {
      fc.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  }, 60_000);
});

