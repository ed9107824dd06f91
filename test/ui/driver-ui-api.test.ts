/**
 * The driver UI's JSON API against real jobs on local-cluster[2,1]: the jobs, stages and tasks it
 * lists are the ones the jobs' shapes imply (4 map tasks and 3 reduce tasks; a stage skipped
 * when its shuffle is reused), both executors are listed, and a task that throws shows as failed
 * with its error, in a failed job and a failed stage; a task still running shows its time so far.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, FlintContext, StorageLevel } from '@flint/driver';
import { encode, estimateSize } from '@flint/rdd';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const EXECUTOR_MEMORY = 64 * 1024 * 1024;

let fc: FlintContext;
let api: (path: string) => Promise<any>;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local-cluster[2,1]', appName: 'ui-api', maxFailures: 2, uiPort: 0, executorMemory: EXECUTOR_MEMORY });
  api = async (path) => {
    const response = await fetch(`${fc.uiWebUrl}/api/v1/applications/${fc.applicationId}${path}`);
    return response.json();
  };
  const sums = fc
    .parallelize(Array.from({ length: 100 }, (_, i) => i), 4)
    .map((x) => [x % 3, x] as [number, number])
    .reduceByKey((a, b) => a + b, 3);
  expect(new Map(await sums.collect())).toEqual(new Map([[0, 1683], [1, 1617], [2, 1650]]));
  expect(await sums.count()).toBe(3);
  const failing = fc.parallelize([1, 2, 3, 4], 2).map(
    capture({ bad: 3 }, (x: number, { bad }) => {
      if (x === bad) throw new Error(`bad record ${x}`);
      return x;
    }),
  );
  await expect(failing.collect()).rejects.toThrow('bad record 3');
}, 60_000);

afterAll(async () => {
  await fc?.stop();
});

describe('driver UI JSON API on a real cluster', () => {
  it('lists the application', async () => {
    const apps = await (await fetch(`${fc.uiWebUrl}/api/v1/applications`)).json();
    expect(apps).toMatchObject([{ id: fc.applicationId, name: 'ui-api', attempts: [{ completed: false }] }]);
  });

  it('counts the jobs, stages and tasks that ran', async () => {
    const jobs = await api('/jobs');
    expect(jobs.map((j: { jobId: number; status: string }) => [j.jobId, j.status])).toEqual([
      [2, 'FAILED'],
      [1, 'SUCCEEDED'],
      [0, 'SUCCEEDED'],
    ]);
    const [failed, counted, collected] = jobs;
    expect(collected).toMatchObject({ numTasks: 7, numCompletedTasks: 7, numCompletedIndices: 7, numFailedTasks: 0, numCompletedStages: 2, numSkippedStages: 0, numActiveTasks: 0 });
    expect(collected.callSite).toMatch(/driver-ui-api\.test\.ts:\d+/);
    // Named as Spark names a job: its action and call site, the same as its result stage.
    expect([collected.name, counted.name, failed.name]).toEqual([`collect at ${collected.callSite}`, `count at ${counted.callSite}`, `collect at ${failed.callSite}`]);
    expect(counted).toMatchObject({ numTasks: 7, numCompletedTasks: 3, numCompletedIndices: 3, numCompletedStages: 1, numSkippedStages: 1, numSkippedTasks: 4 });
    expect(failed).toMatchObject({ numFailedTasks: 2, numFailedStages: 1 });
    expect(failed.errorMessage).toContain('bad record 3');

    const [mapStage, reduceStage] = collected.stageIds;
    const map = await api(`/stages/${mapStage}`);
    expect(map).toHaveLength(1);
    expect(map[0]).toMatchObject({ status: 'COMPLETE', kind: 'shuffleMap', numTasks: 4, numCompleteTasks: 4 });
    expect(Object.keys(map[0].tasks)).toHaveLength(4);
    expect(map[0].shuffleWriteBytes).toBeGreaterThan(0);
    expect(map[0].taskDurations.count).toBe(4);
    expect(map[0].rdds.map((r: { kind: string }) => r.kind)).toContain('parallelize');
    const reduce = await api(`/stages/${reduceStage}/1`);
    expect(reduce).toMatchObject({ status: 'COMPLETE', kind: 'result', numTasks: 3, numCompleteTasks: 3 });
    expect(reduce.shuffleReadBytes).toBe(map[0].shuffleWriteBytes);
    // Records written: each map task combines its 25 records into one per key (3) in its buckets; the 3 sums go back to the driver.
    expect(map[0].outputRecords).toBe(12);
    expect(map[0].outputBytes).toBe(map[0].shuffleWriteBytes);
    expect(Object.values(map[0].tasks).map((t: any) => t.taskMetrics.recordsOut)).toEqual([3, 3, 3, 3]);
    expect(reduce.outputRecords).toBe(3);
    expect(Object.values(reduce.tasks).map((t: any) => t.taskMetrics.recordsOut)).toEqual([1, 1, 1]);
  });

  it('lists both executors with the tasks they ran', async () => {
    const executors = await api('/executors');
    expect(executors).toHaveLength(2);
    expect(executors.every((e: { isActive: boolean; totalCores: number }) => e.isActive && e.totalCores === 1)).toBe(true);
    const jobs = await api('/jobs');
    const tasksRun = executors.reduce((sum: number, e: { completedTasks: number; failedTasks: number }) => sum + e.completedTasks + e.failedTasks, 0);
    const tasksCounted = jobs.reduce((sum: number, j: { numCompletedTasks: number; numFailedTasks: number }) => sum + j.numCompletedTasks + j.numFailedTasks, 0);
    expect(tasksRun).toBe(tasksCounted);
  });

  it('counts the records and bytes a saving task wrote as its output, as the part files hold them', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'flint-ui-out-')), 'out');
    try {
      await fc.parallelize(Array.from({ length: 30 }, (_, i) => `line ${i}`), 3).filter((line) => !line.endsWith('7')).saveAsTextFile(dir);
      const parts = readdirSync(dir).filter((name) => name.startsWith('part-')).map((name) => readFileSync(join(dir, name), 'utf8'));
      const saveJob = (await api('/jobs'))[0];
      const [stage] = await api(`/stages/${saveJob.stageIds.at(-1)}`);
      expect(stage.outputRecords).toBe(parts.join('').split('\n').filter((line) => line !== '').length);
      expect(stage.outputRecords).toBe(27);
      expect(stage.outputBytes).toBe(parts.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });

  it("shows each executor's memory budget and the bytes its cached blocks use", async () => {
    const data = Array.from({ length: 200 }, (_, i) => `record ${i}`);
    const memoryUsed = async (): Promise<number> => (await api('/executors')).reduce((sum: number, e: any) => sum + e.memoryUsed, 0);
    const stored = fc.parallelize(data, 2).persist(StorageLevel.MEMORY_AND_DISK);
    expect(await stored.count()).toBe(200);
    // A MEMORY_AND_DISK partition is stored as its encoded records.
    const expectedBytes = encode(data.slice(0, 100)).length + encode(data.slice(100)).length;
    const executors = await api('/executors');
    expect(executors.map((e: any) => e.maxMemory)).toEqual([EXECUTOR_MEMORY, EXECUTOR_MEMORY]);
    expect(await memoryUsed()).toBe(expectedBytes);
    expect(executors.reduce((sum: number, e: any) => sum + e.rddBlocks, 0)).toBe(2);
    stored.unpersist();
    await expect.poll(memoryUsed).toBe(0);

    // A MEMORY_ONLY partition stays as objects on the one-thread worker's task thread: the
    // records' estimated heap size (every record measured at this size), plus a slot each.
    const cached = fc.parallelize(data, 2).cache();
    expect(await cached.count()).toBe(200);
    expect(await memoryUsed()).toBe(data.reduce((sum, record) => sum + estimateSize(record) + 8, 0));
    cached.unpersist();
    await expect.poll(memoryUsed).toBe(0);
  });

  it("counts each stage's locality levels: a cached partition read where its block is, PROCESS_LOCAL", async () => {
    const stored = fc.parallelize(Array.from({ length: 100 }, (_, i) => i), 4).persist(StorageLevel.MEMORY_AND_DISK);
    expect(await stored.count()).toBe(100);
    expect(await stored.count()).toBe(100);
    const [second, first] = (await api('/jobs')).slice(0, 2).map((job: { stageIds: number[] }) => job.stageIds.at(-1));
    const holders = new Map<number, string[]>();
    for (const part of (await api(`/storage/rdd/${stored.id()}`)).partitions) holders.set(Number(/_(\d+)$/.exec(part.blockName)![1]), part.executors);
    // A parallelized collection prefers no executor: its tasks run at ANY.
    expect((await api(`/stages/${first}/1`)).locality).toEqual({ PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 4 });
    const reread = await api(`/stages/${second}/1`);
    const tasks = Object.values(reread.tasks) as { index: number; executorId: string; taskLocality: string }[];
    const tally = { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 } as Record<string, number>;
    for (const task of tasks) tally[task.taskLocality]++;
    expect(reread.locality).toEqual(tally);
    expect(tally.PROCESS_LOCAL).toBeGreaterThan(0);
    for (const task of tasks.filter((t) => t.taskLocality === 'PROCESS_LOCAL')) expect(holders.get(task.index)).toContain(task.executorId);
    stored.unpersist();
  });

  it('lists a cached DataFrame in storage under its physical plan, as Spark names it', async () => {
    const df = fc.createDataFrame(Array.from({ length: 60 }, (_, i) => ({ k: i % 3, v: i }))).filter('v > 10').select('k');
    const plan = df.explainString().replace(/^== Physical Plan ==\n/, '').trimEnd();
    df.cache();
    expect(await df.count()).toBe(49);
    const named = async () => (await api('/storage/rdd')).filter((rdd: { name: string }) => rdd.name === plan);
    await expect.poll(named).toMatchObject([{ numCachedPartitions: expect.any(Number), memoryUsed: expect.any(Number) }]);
    const [entry] = await named();
    expect(entry.numCachedPartitions).toBeGreaterThan(0);
    df.unpersist();
    await expect.poll(named).toEqual([]);
  });

  it('shows the failed task with its error', async () => {
    const failed = (await api('/jobs')).find((job: { status: string }) => job.status === 'FAILED');
    const [stage] = await api(`/stages/${failed.stageIds[0]}`);
    expect(stage.status).toBe('FAILED');
    const tasks = Object.values(stage.tasks) as { index: number; status: string; errorMessage?: string; attempt: number }[];
    const failures = tasks.filter((t) => t.status === 'FAILED');
    expect(failures.map((t) => [t.index, t.attempt])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(failures[0].errorMessage).toContain('bad record 3');
    const timeline = await api(`/timeline?jobId=${failed.jobId}`);
    expect(timeline.tasks.filter((t: { category: string }) => t.category === 'failed')).toHaveLength(2);
  });
});

describe('a SQL job in the driver UI', () => {
  it('carries its SQL text and physical plan', async () => {
    const before = (await api('/jobs')).length;
    fc.createDataFrame([{ k: 'a' }, { k: 'b' }, { k: 'a' }]).createOrReplaceTempView('letters');
    const rows = await fc.sql('SELECT k, count(*) AS n FROM letters GROUP BY k ORDER BY k').collect();
    expect(rows).toEqual([{ k: 'a', n: 2 }, { k: 'b', n: 1 }]);
    const jobs = await api('/jobs');
    const sqlJobs = jobs.slice(0, jobs.length - before).filter((job: { sqlText?: string }) => job.sqlText !== undefined);
    expect(sqlJobs.length).toBeGreaterThan(0);
    expect(sqlJobs[0].sqlText).toBe('SELECT k, count(*) AS n FROM letters GROUP BY k ORDER BY k');
    expect(sqlJobs[0].physicalPlan).toMatch(/Aggregate/);
    expect(sqlJobs[0].callSite).toMatch(/driver-ui-api\.test\.ts:\d+/);
    // Its stages are named as Spark names a query's: the action and where the user called it (its RDDs are made deep in the planner).
    const stages = (await Promise.all(sqlJobs[0].stageIds.map((id: number) => api(`/stages/${id}`)))).flat();
    expect(new Set(stages.map((stage: { name: string }) => stage.name))).toEqual(new Set([`collect at ${sqlJobs[0].callSite}`]));
    expect(sqlJobs[0].name).toBe(`collect at ${sqlJobs[0].callSite}`);
  });

  it("shows each operator's number of output rows, as an independent count over the same rows gives them", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ k: `key${i % 13}`, v: (i * 37) % 101 }));
    const dir = mkdtempSync(join(tmpdir(), 'flint-ui-sql-'));
    try {
      writeFileSync(join(dir, 'numbers.csv'), `k,v\n${rows.map((r) => `${r.k},${r.v}`).join('\n')}\n`);
      fc.read.csv(join(dir, 'numbers.csv'), { header: true, inferSchema: true }).createOrReplaceTempView('numbers');
      const query = 'SELECT k, count(*) AS n FROM numbers WHERE v % 7 = 3 GROUP BY k ORDER BY k';
      const answer = await fc.sql(query).collect();
      const passing = rows.filter((r) => r.v % 7 === 3);
      expect(answer.reduce((sum, r) => sum + Number(r.n), 0)).toBe(passing.length);

      const job = (await api('/jobs')).find((j: { sqlText?: string; status: string }) => j.sqlText === query && j.status === 'SUCCEEDED');
      const operators: { nodeName: string; rows?: number }[] = [];
      const visit = (node: any): void => {
        operators.push({ nodeName: node.nodeName, rows: node.metrics.find((m: { name: string }) => m.name === 'number of output rows')?.value });
        node.children.forEach(visit);
      };
      visit(job.sqlPlan);
      const rowsOf = (name: string) => operators.filter((o) => o.nodeName.startsWith(name) && o.rows !== undefined).map((o) => o.rows);
      expect(rowsOf('Scan')).toEqual([rows.length]);
      expect(operators.find((o) => o.nodeName.startsWith('Scan'))?.nodeName).toBe(`Scan csv ${join(dir, 'numbers.csv')}`);
      expect(rowsOf('Filter')).toEqual([passing.length]);
      // The final aggregate's groups, counted by the sort that reads them.
      expect(rowsOf('HashAggregate')).toEqual([new Set(passing.map((r) => r.k)).size]);

      // A broadcast join's output rows, counted in the loop that probes its table.
      const chosen = ['key1', 'key4', 'key12'];
      fc.createDataFrame(chosen.map((k) => ({ k }))).createOrReplaceTempView('chosen');
      const joinQuery = 'SELECT count(*) AS c FROM numbers n JOIN chosen c ON n.k = c.k WHERE n.v > 50';
      const matching = rows.filter((r) => chosen.includes(r.k) && r.v > 50).length;
      expect(await fc.sql(joinQuery).collect()).toEqual([{ c: matching }]);
      const joinJob = (await api('/jobs')).find((j: { sqlText?: string; status: string }) => j.sqlText === joinQuery && j.status === 'SUCCEEDED');
      const joinNode = (function find(node: any): any {
        return node.nodeName === 'BroadcastHashJoin' ? node : node.children.map(find).find((n: unknown) => n !== undefined);
      })(joinJob.sqlPlan);
      expect(joinNode.metrics).toEqual([{ name: 'number of output rows', value: matching }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a task running long in the driver UI', () => {
  it("shows the running task with its time so far, growing from one poll to the next", async () => {
    // One task busy for at least 2.5 s and until the test has polled it twice (it does not sleep: a stuck
    // task keeps its thread busy). Ending by the clock alone, it could end between the polls on a loaded machine.
    const release = join(mkdtempSync(join(tmpdir(), 'flint-ui-long-')), 'release');
    const running = fc.parallelize([2500], 1).map(
      capture({ release }, (ms, { release }) => {
        const fs = process.getBuiltinModule('node:fs');
        const until = Date.now() + ms;
        while (Date.now() < until || !fs.existsSync(release));
        return ms;
      }),
    ).collect();
    const runningTask = async (): Promise<any> => {
      const [stage] = await api('/stages?status=active');
      if (!stage) return undefined;
      const [detail] = await api(`/stages/${stage.stageId}`);
      return Object.values(detail.tasks).find((t: any) => t.status === 'RUNNING');
    };
    await expect.poll(runningTask, { interval: 50, timeout: 30_000 }).toBeDefined();
    const first = await runningTask();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const second = await runningTask();
    writeFileSync(release, '');
    expect(second.taskId).toBe(first.taskId);
    expect(first.duration).toBeGreaterThanOrEqual(0);
    expect(second.duration - first.duration).toBeGreaterThanOrEqual(400);
    expect(await running).toEqual([2500]);
    rmSync(dirname(release), { recursive: true, force: true });
    const [stage] = await api(`/stages/${(await api('/jobs'))[0].stageIds[0]}`);
    // Once ended, its duration is the one the executor reported: about the time it was busy (the executor's
    // monotonic clock against the task's Date.now(): a fresh-clone CI run saw 2490 ms for the 2500 ms loop).
    expect(stage.tasks[first.taskId]).toMatchObject({ status: 'SUCCESS' });
    expect(stage.tasks[first.taskId].duration).toBeGreaterThanOrEqual(2400);
  });
});
