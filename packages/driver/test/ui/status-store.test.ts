/**
 * The status store and JSON API over a hand-written event stream whose answers are known: a
 * two-stage job in which executor e2 is lost (its running task fails, the shuffle map stage is
 * recomputed by a second attempt), a retried task, a speculative copy, a skewed task, a cached
 * block, and a second job that skips the shuffle map stage.
 */
import { describe, expect, it } from 'vitest';
import type { EventOf, SchedulerEvent, StageInfo } from '../../src/scheduler/events.js';
import { AppStatusStore } from '../../src/ui/status/app-status-store.js';
import { answerApi } from '../../src/ui/api/status-api.js';
import { quantile } from '../../src/ui/status/task-summary.js';

const APP = 'app-1';
const metrics = { executorMs: 0, fetchMs: 0, readMs: 0, parseMs: 0, decodeMs: 0, threadMs: 0, memoryBytesSpilled: 0, diskBytesSpilled: 0, recordsIn: 10, recordsOut: 2, bytesOut: 50, shuffleReadBytes: 100, shuffleWriteBytes: 50 };
const mapStage: StageInfo = { stageId: 0, name: 'reduceByKey at job.ts:3', numTasks: 2, parentStageIds: [], kind: 'shuffleMap', shuffleId: 0, rdds: [{ id: 1, name: 'map at job.ts:2', kind: 'map', numPartitions: 2, parentIds: [0] }, { id: 0, name: 'parallelize', kind: 'parallelize', numPartitions: 2, parentIds: [] }] };
const resultStage: StageInfo = { stageId: 1, name: 'collect at job.ts:4', numTasks: 2, parentStageIds: [0], kind: 'result', rdds: [{ id: 2, name: 'reduceByKey', kind: 'shuffled', numPartitions: 2, parentIds: [1], storageLevel: 'Memory Serialized 1x Replicated' }] };

function task(type: 'taskStart', time: number, taskId: number, stageId: number, stageAttempt: number, partition: number, attempt: number, executorId: string, speculative = false): SchedulerEvent {
  return { type, time, taskId, jobId: 0, stageId, stageAttempt, partition, attempt, executorId, host: executorId, locality: 'ANY', speculative };
}
function end(time: number, taskId: number, stageId: number, stageAttempt: number, partition: number, attempt: number, executorId: string, durationMs: number, status: 'success' | 'failed' | 'executorLost' = 'success'): SchedulerEvent {
  return { type: 'taskEnd', time, taskId, jobId: 0, stageId, stageAttempt, partition, attempt, executorId, durationMs, status, ...(status === 'success' ? { metrics } : { reason: `${status} reason` }) };
}

const EVENTS: SchedulerEvent[] = [
  { type: 'applicationStart', time: 1000, appId: APP, appName: 'demo', master: 'local-cluster[2,1]', mode: 'memory', user: 'ana', startTime: 1000, flintVersion: '0.1.0', conf: [{ key: 'master', value: 'local-cluster[2,1]', source: 'FlintContext option' }, { key: 'maxFailures', value: '4', source: 'default' }] },
  { type: 'executorAdded', time: 1001, executorId: 'e1', host: 'h1', slots: 1, memoryBytes: 4096 },
  { type: 'executorAdded', time: 1002, executorId: 'e2', host: 'h2', slots: 1, memoryBytes: 2048 },
  { type: 'jobStart', time: 1100, jobId: 0, description: 'collect', callSite: 'job.ts:4', stageIds: [0, 1], stages: [mapStage, resultStage] },
  { type: 'stageSubmitted', time: 1101, stageId: 0, attempt: 1, name: mapStage.name, numTasks: 2, jobIds: [0], reason: 'first' },
  task('taskStart', 1102, 0, 0, 1, 0, 0, 'e1'),
  task('taskStart', 1102, 1, 0, 1, 1, 0, 'e2'),
  end(1200, 0, 0, 1, 0, 0, 'e1', 98),
  end(1300, 1, 0, 1, 1, 0, 'e2', 198),
  { type: 'stageCompleted', time: 1300, stageId: 0, attempt: 1 },
  { type: 'stageSubmitted', time: 1301, stageId: 1, attempt: 1, name: resultStage.name, numTasks: 2, jobIds: [0], reason: 'first' },
  task('taskStart', 1302, 2, 1, 1, 0, 0, 'e1'),
  task('taskStart', 1302, 3, 1, 1, 1, 0, 'e2'),
  { type: 'executorLost', time: 1400, executorId: 'e2', reason: 'worker process exited', lostMapOutputs: [[0, 1]], lostCachedPartitions: 0 },
  end(1400, 3, 1, 1, 1, 0, 'e2', 98, 'executorLost'),
  { type: 'stageResubmitted', time: 1401, stageId: 0, reason: 'executor e2 lost: 1 map output' },
  { type: 'stageSubmitted', time: 1402, stageId: 0, attempt: 2, name: mapStage.name, numTasks: 1, jobIds: [0], reason: 'resubmitted' },
  task('taskStart', 1403, 4, 0, 2, 1, 1, 'e1'),
  end(1500, 4, 0, 2, 1, 1, 'e1', 97),
  { type: 'stageCompleted', time: 1500, stageId: 0, attempt: 2 },
  end(1600, 2, 1, 1, 0, 0, 'e1', 298),
  task('taskStart', 1601, 5, 1, 1, 1, 1, 'e1'),
  end(1650, 5, 1, 1, 1, 1, 'e1', 49, 'failed'),
  task('taskStart', 1651, 6, 1, 1, 1, 2, 'e1'),
  task('taskStart', 1652, -7, 1, 1, 1, 3, 'e1', true),
  end(2500, -7, 1, 1, 1, 3, 'e1', 848),
  end(2501, 6, 1, 1, 1, 2, 'e1', 850, 'failed'),
  { type: 'blockUpdated', time: 2502, rddId: 2, partition: 0, executorId: 'e1', storageLevel: 'Memory Serialized 1x Replicated', memBytes: 400, diskBytes: 0 },
  { type: 'stageCompleted', time: 2502, stageId: 1, attempt: 1 },
  { type: 'jobEnd', time: 2503, jobId: 0, result: 'succeeded' },
  { type: 'jobStart', time: 3000, jobId: 1, description: 'count', callSite: 'job.ts:5', stageIds: [0, 2], stages: [mapStage, { ...resultStage, stageId: 2, name: 'count at job.ts:5' }] },
  { type: 'stageSubmitted', time: 3001, stageId: 2, attempt: 1, name: 'count at job.ts:5', numTasks: 2, jobIds: [1], reason: 'first' },
  task('taskStart', 3002, 8, 2, 1, 0, 0, 'e1'),
  end(3100, 8, 2, 1, 0, 0, 'e1', 98),
  task('taskStart', 3101, 9, 2, 1, 1, 0, 'e1'),
  end(3200, 9, 2, 1, 1, 0, 'e1', 99, 'failed'),
  { type: 'stageCompleted', time: 3200, stageId: 2, attempt: 1, failureReason: 'Job aborted' },
  { type: 'jobEnd', time: 3201, jobId: 1, result: 'failed', error: 'Job aborted: boom' },
];

function api(store: AppStatusStore, path: string) {
  const [pathname, query = ''] = path.split('?');
  return answerApi(`/api/v1/applications/${APP}${pathname}`, new URLSearchParams(query), () => new Map([[APP, store]]), 10_000);
}

function folded(): AppStatusStore {
  const store = new AppStatusStore();
  for (const event of EVENTS) store.apply(event);
  return store;
}

describe('AppStatusStore and the JSON API', () => {
  it("counts each job's tasks and stages as they ran", () => {
    const jobs = api(folded(), '/jobs').body as Record<string, unknown>[];
    // Named as Spark names a job, after its result stage: the action and its call site.
    expect(jobs.map((j) => [j.jobId, j.status, j.name, j.callSite])).toEqual([
      [1, 'FAILED', 'count at job.ts:5', 'job.ts:5'],
      [0, 'SUCCEEDED', 'collect at job.ts:4', 'job.ts:4'],
    ]);
    expect(jobs[1]).toMatchObject({ numCompletedTasks: 5, numFailedTasks: 3, numActiveTasks: 0, numCompletedStages: 3, numFailedStages: 0, numSkippedStages: 0, numTasks: 4, numCompletedIndices: 4 });
    expect(jobs[0]).toMatchObject({ numCompletedTasks: 1, numFailedTasks: 1, numSkippedStages: 0, numFailedStages: 1, errorMessage: 'Job aborted: boom' });
    expect(api(folded(), '/jobs?status=failed').body).toHaveLength(1);
  });

  it('marks a stage that a succeeded job did not run as skipped', () => {
    const store = folded();
    store.apply({ type: 'jobStart', time: 4000, jobId: 2, description: 'count', callSite: 'job.ts:6', stageIds: [3, 4], stages: [{ ...mapStage, stageId: 3 }, { ...resultStage, stageId: 4, parentStageIds: [3] }] });
    store.apply({ type: 'stageSubmitted', time: 4001, stageId: 4, attempt: 1, name: 'count', numTasks: 2, jobIds: [2], reason: 'first' });
    expect(api(store, '/stages/3').body).toMatchObject([{ status: 'PENDING', attemptId: 0 }]);
    store.apply({ type: 'stageCompleted', time: 4002, stageId: 4, attempt: 1 });
    store.apply({ type: 'jobEnd', time: 4003, jobId: 2, result: 'succeeded' });
    expect(api(store, '/stages/3').body).toMatchObject([{ status: 'SKIPPED' }]);
    expect(api(store, '/jobs/2').body).toMatchObject({ numTasks: 4, numSkippedStages: 1, numSkippedTasks: 2, numCompletedStages: 1 });
  });

  it('keeps each stage attempt, the recomputed one with its reason', () => {
    const attempts = api(folded(), '/stages/0').body as Record<string, unknown>[];
    expect(attempts.map((s) => [s.attemptId, s.status, s.numTasks, s.numCompleteTasks, s.resubmitReason])).toEqual([
      [1, 'COMPLETE', 2, 2, undefined],
      [2, 'COMPLETE', 1, 1, 'executor e2 lost: 1 map output'],
    ]);
    const stages = api(folded(), '/stages').body as Record<string, unknown>[];
    expect(stages.map((s) => `${s.stageId}.${s.attemptId}:${s.status}`)).toEqual(['2.1:FAILED', '1.1:COMPLETE', '0.2:COMPLETE', '0.1:COMPLETE']);
  });

  it('summarises task durations with Spark quantiles and flags the skewed stage', () => {
    const stage = api(folded(), '/stages/1/1').body as { taskDurations: Record<string, unknown>; shuffleReadBytes: number; inputRecords: number; tasks: Record<string, unknown>; rdds: unknown[] };
    // Successful tasks of stage 1: 298 ms and 848 ms (the speculative copy).
    expect(stage.taskDurations).toMatchObject({ count: 2, min: 298, median: 848, max: 848, skewed: false });
    expect(Object.keys(stage.tasks)).toHaveLength(5);
    expect(stage.shuffleReadBytes).toBe(200);
    expect(stage.inputRecords).toBe(20);
    expect(stage.rdds).toEqual(resultStage.rdds);
    const store = folded();
    for (const [i, duration] of [100, 110, 120, 900].entries()) {
      store.apply(task('taskStart', 5000, 100 + i, 2, 1, i, 5, 'e1'));
      store.apply(end(5000 + duration, 100 + i, 2, 1, i, 5, 'e1', duration));
    }
    expect((api(store, '/stages/2/1').body as { taskDurations: unknown }).taskDurations).toMatchObject({ count: 5, min: 98, p25: 100, median: 110, p75: 120, max: 900, skewed: true });
    expect([1, 2, 3, 4].map((n) => quantile([10, 20, 30, 40], n / 4))).toEqual([20, 30, 40, 40]);
  });

  it('colours the timeline: failed, lost, retried, recomputed and speculative tasks apart', () => {
    const { tasks } = api(folded(), '/timeline?jobId=0').body as { tasks: { taskId: number; category: string; start: number; end: number }[] };
    const category = Object.fromEntries(tasks.map((t) => [t.taskId, t.category]));
    expect(category).toEqual({ 0: 'succeeded', 1: 'succeeded', 2: 'succeeded', 3: 'failed', 4: 'recomputed', 5: 'failed', 6: 'failed', [-7]: 'speculative' });
    expect(tasks.find((t) => t.taskId === 2)).toMatchObject({ start: 1302, end: 1600 });
    expect(api(folded(), '/timeline?jobId=9').status).toBe(404);
  });

  it("sums a stage's spill and counts its locality levels over its successful tasks", () => {
    const store = new AppStatusStore();
    for (const event of EVENTS.slice(0, 5)) store.apply(event);
    const levels = ['PROCESS_LOCAL', 'NODE_LOCAL', 'NODE_LOCAL', 'ANY'] as const;
    levels.forEach((locality, i) => {
      store.apply({ ...(task('taskStart', 1102, i, 0, 1, i % 2, i >> 1, 'e1') as EventOf<'taskStart'>), locality });
      const spilled = { ...metrics, memoryBytesSpilled: 1000 * (i + 1), diskBytesSpilled: 10 * (i + 1) };
      store.apply(i === 3 ? end(1200, i, 0, 1, i % 2, i >> 1, 'e1', 98, 'failed') : { ...(end(1200, i, 0, 1, i % 2, i >> 1, 'e1', 98) as EventOf<'taskEnd'>), metrics: spilled });
    });
    expect(api(store, '/stages/0/1').body).toMatchObject({ memoryBytesSpilled: 6000, diskBytesSpilled: 60, locality: { PROCESS_LOCAL: 1, NODE_LOCAL: 2, ANY: 0 } });
  });

  it('colours a retry that succeeded apart from a first attempt and from the failure before it', () => {
    const store = new AppStatusStore();
    for (const event of EVENTS.slice(0, 5)) store.apply(event);
    store.apply(task('taskStart', 1102, 0, 0, 1, 0, 0, 'e1'));
    store.apply(end(1150, 0, 0, 1, 0, 0, 'e1', 48, 'failed'));
    store.apply(task('taskStart', 1151, 1, 0, 1, 0, 1, 'e1'));
    store.apply(end(1250, 1, 0, 1, 0, 1, 'e1', 99));
    store.apply(task('taskStart', 1102, 2, 0, 1, 1, 0, 'e2'));
    store.apply(end(1300, 2, 0, 1, 1, 0, 'e2', 198));
    const { tasks } = api(store, '/timeline?jobId=0').body as { tasks: { taskId: number; category: string }[] };
    expect(Object.fromEntries(tasks.map((t) => [t.taskId, t.category]))).toEqual({ 0: 'failed', 1: 'retry', 2: 'succeeded' });
  });

  it('draws the latest 5000 tasks of a long application and says how many it left out', () => {
    const store = folded();
    for (let i = 0; i <= 5000; i++) {
      store.apply(task('taskStart', 10_000 + i, 1000 + i, 2, 1, 0, 10 + i, 'e1'));
      store.apply(end(10_001 + i, 1000 + i, 2, 1, 0, 10 + i, 'e1', 1));
    }
    const timeline = api(store, '/timeline').body as { tasks: { taskId: number }[]; omitted: number };
    expect(timeline.omitted).toBe(11);
    expect(timeline.tasks).toHaveLength(5000);
    expect([timeline.tasks[0].taskId, timeline.tasks.at(-1)!.taskId]).toEqual([1001, 6000]);
  });

  it('lists executors alive and lost with their task counts and cached bytes', () => {
    const all = api(folded(), '/allexecutors').body as Record<string, unknown>[];
    expect(all.map((e) => [e.id, e.isActive, e.completedTasks, e.failedTasks, e.totalCores, e.removeReason])).toEqual([
      ['e1', true, 5, 3, 1, undefined],
      ['e2', false, 1, 1, 1, 'worker process exited'],
    ]);
    expect(all[0]).toMatchObject({ rddBlocks: 1, memoryUsed: 400, maxMemory: 4096, activeTasks: 0 });
    expect(all[1]).toMatchObject({ rddBlocks: 0, memoryUsed: 0, maxMemory: 2048 });
    expect((api(folded(), '/executors').body as unknown[]).length).toBe(1);
  });

  it('reports cached RDDs, the environment with sources, and 404s with a message', () => {
    const store = folded();
    expect(api(store, '/storage/rdd').body).toEqual([{ id: 2, name: 'reduceByKey', storageLevel: 'Memory Serialized 1x Replicated', numCachedPartitions: 1, memoryUsed: 400, diskUsed: 0 }]);
    expect(api(store, '/storage/rdd/2').body).toMatchObject({ partitions: [{ blockName: 'rdd_2_0', executors: ['e1'], memoryUsed: 400 }], dataDistribution: [{ executorId: 'e1', blocks: 1 }] });
    store.apply({ type: 'blockUpdated', time: 6000, rddId: 2, partition: 0, executorId: 'e1', storageLevel: 'Memory Serialized 1x Replicated', memBytes: 0, diskBytes: 0 });
    expect(api(store, '/storage/rdd').body).toEqual([]);
    expect(api(store, '/environment').body).toMatchObject({ sparkProperties: [['master', 'local-cluster[2,1]'], ['maxFailures', '4']], flintProperties: [{ key: 'master', source: 'FlintContext option' }, { key: 'maxFailures', source: 'default' }] });
    expect(api(store, '/jobs/7')).toEqual({ status: 404, body: { message: 'unknown job 7' } });
    expect(answerApi('/api/v1/applications/nope/jobs', new URLSearchParams(), () => new Map()).body).toEqual({ message: 'no such application: nope' });
    const apps = answerApi('/api/v1/applications', new URLSearchParams(), () => new Map([[APP, store]])).body as { id: string; attempts: { completed: boolean; sparkUser: string }[] }[];
    expect(apps).toMatchObject([{ id: APP, attempts: [{ completed: false, sparkUser: 'ana' }] }]);
  });

  it("sums a SQL plan's row counts over successful tasks, also of tasks that ran before the query's job started", () => {
    const store = new AppStatusStore();
    const sqlStage: StageInfo = { stageId: 7, name: 'collect at q.ts:1', numTasks: 3, parentStageIds: [], kind: 'result', rdds: [] };
    const taskEnd = (time: number, taskId: number, status: 'success' | 'failed', accumulatorUpdates: [number, number][]): SchedulerEvent => ({
      type: 'taskEnd', time, taskId, jobId: 3, stageId: 7, stageAttempt: 1, partition: taskId % 3, attempt: 0, executorId: 'e1', durationMs: 5, status,
      ...(status === 'success' ? { metrics: { ...metrics, accumulatorUpdates } } : { reason: 'failed reason' }),
    });
    // An adaptive pre-job's task counted the scan before the query's job started.
    store.apply(taskEnd(100, 20, 'success', [[-1, 40]]));
    store.apply({
      type: 'jobStart', time: 200, jobId: 3, description: 'collect', callSite: 'q.ts:1', stageIds: [7], stages: [sqlStage],
      sqlPlan: { name: 'Filter', args: '(v > 2)', rowsMetric: -2, children: [{ name: 'Scan csv', args: '[v#1]', rowsMetric: -1, children: [{ name: 'Unmeasured', args: '', children: [] }] }] },
    });
    store.apply(taskEnd(300, 21, 'success', [[-1, 60], [-2, 25], [5, 1000]]));
    store.apply(taskEnd(301, 22, 'failed', []));
    store.apply(taskEnd(302, 23, 'success', [[-2, 0]]));
    expect(api(store, '/jobs/3').body).toMatchObject({
      sqlPlan: {
        nodeName: 'Filter', args: '(v > 2)', metrics: [{ name: 'number of output rows', value: 25 }],
        children: [{ nodeName: 'Scan csv', metrics: [{ name: 'number of output rows', value: 100 }], children: [{ nodeName: 'Unmeasured', metrics: [] }] }],
      },
    });
    // A user accumulator's id (not negative) is not a row count.
    expect([...store.sqlRowCounts.keys()].sort((a, b) => a - b)).toEqual([-2, -1]);
  });
});
