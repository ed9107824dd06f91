/**
 * Retention of the status store (Spark's spark.ui.retainedJobs / retainedStages / retainedTasks)
 * over hand-written events with small limits: past a limit the oldest finished records go first
 * (by completion time, at least a tenth of the limit at once, as Spark's calculateNumberToRemove),
 * running ones stay, and the JSON API answers only from what is kept.
 */
import { describe, expect, it } from 'vitest';
import type { SchedulerEvent } from '../../src/scheduler/events.js';
import { AppStatusStore } from '../../src/ui/status/app-status-store.js';
import { answerApi } from '../../src/ui/api/status-api.js';

const APP = 'app-r';
const metrics = { executorMs: 0, fetchMs: 0, readMs: 0, parseMs: 0, decodeMs: 0, threadMs: 0, memoryBytesSpilled: 0, diskBytesSpilled: 0, recordsIn: 1, recordsOut: 1, bytesOut: 8, shuffleReadBytes: 0, shuffleWriteBytes: 0 };

function api(store: AppStatusStore, path: string) {
  return answerApi(`/api/v1/applications/${APP}${path}`, new URLSearchParams(), () => new Map([[APP, store]]), 100_000);
}

function newStore(limits: { jobs: number; stages: number; tasks: number }): AppStatusStore {
  const store = new AppStatusStore(limits);
  store.apply({ type: 'applicationStart', time: 0, appId: APP, appName: 'retention', master: 'local', mode: 'memory', user: 'ana', startTime: 0, flintVersion: '0.1.0', conf: [] });
  return store;
}

/** Job `jobId` with one stage of the same id: started, its stage submitted and its tasks launched at `time`. */
function startJob(jobId: number, time: number, numTasks: number): SchedulerEvent[] {
  const stage = { stageId: jobId, name: `count at job${jobId}.ts:1`, numTasks, parentStageIds: [], kind: 'result' as const, rdds: [] };
  return [
    { type: 'jobStart', time, jobId, description: stage.name, callSite: `job${jobId}.ts:1`, stageIds: [jobId], stages: [stage] },
    { type: 'stageSubmitted', time, stageId: jobId, attempt: 1, name: stage.name, numTasks, jobIds: [jobId], reason: 'first' },
    ...Array.from({ length: numTasks }, (_, p): SchedulerEvent => ({ type: 'taskStart', time, taskId: jobId * 10 + p, jobId, stageId: jobId, stageAttempt: 1, partition: p, attempt: 0, executorId: 'e1', host: 'h1', locality: 'ANY', speculative: false })),
  ];
}

function endTask(jobId: number, partition: number, time: number): SchedulerEvent {
  return { type: 'taskEnd', time, taskId: jobId * 10 + partition, jobId, stageId: jobId, stageAttempt: 1, partition, attempt: 0, executorId: 'e1', durationMs: 1, status: 'success', metrics };
}

function endJob(jobId: number, time: number, numTasks: number): SchedulerEvent[] {
  return [
    ...Array.from({ length: numTasks }, (_, p) => endTask(jobId, p, time)),
    { type: 'stageCompleted', time, stageId: jobId, attempt: 1 },
    { type: 'jobEnd', time, jobId, result: 'succeeded' },
  ];
}

function applyAll(store: AppStatusStore, events: SchedulerEvent[]): void {
  for (const event of events) store.apply(event);
}

const ids = (list: unknown) => (list as { jobId?: number; stageId?: number }[]).map((r) => r.jobId ?? r.stageId);

describe('status store retention', () => {
  it('keeps the newest finished jobs and stages and every running one, and the API agrees', () => {
    const store = newStore({ jobs: 3, stages: 3, tasks: 100 });
    applyAll(store, startJob(0, 1000, 2));
    applyAll(store, endJob(0, 1000, 1).slice(0, 1)); // job 0 keeps one task running
    for (let j = 1; j <= 6; j++) applyAll(store, [...startJob(j, 1000 + 10 * j, 2), ...endJob(j, 1005 + 10 * j, 2)]);

    expect(ids(api(store, '/jobs').body)).toEqual([6, 5, 0]);
    expect(api(store, '/jobs/0').body).toMatchObject({ status: 'RUNNING', numActiveTasks: 1, numCompletedTasks: 1 });
    expect(api(store, '/jobs/4').status).toBe(404);
    expect(ids(api(store, '/stages').body)).toEqual([6, 5, 0]);
    expect(api(store, '/stages/4').status).toBe(404);
    const stage6 = api(store, '/stages/6/1').body as { tasks: Record<string, unknown>; numCompleteTasks: number };
    expect([Object.keys(stage6.tasks), stage6.numCompleteTasks]).toEqual([['60', '61'], 2]);
    // A forgotten stage's tasks go with it; the executor's counts keep every task.
    expect([...store.tasks.keys()].sort((a, b) => a - b)).toEqual([0, 1, 50, 51, 60, 61]);
    const timeline = api(store, '/timeline').body as { tasks: { taskId: number }[] };
    expect(timeline.tasks.map((t) => t.taskId).sort((a, b) => a - b)).toEqual([0, 1, 50, 51, 60, 61]);
    expect(api(store, '/allexecutors').body).toMatchObject([{ id: 'e1', totalTasks: 14, completedTasks: 13, activeTasks: 1 }]);

    // Job 0 ends after job 6: by completion time, job 5 is now the oldest finished.
    applyAll(store, endJob(0, 2000, 2).slice(1));
    applyAll(store, [...startJob(7, 2100, 1), ...endJob(7, 2105, 1)]);
    expect(ids(api(store, '/jobs').body)).toEqual([7, 6, 0]);
    expect(ids(api(store, '/stages').body)).toEqual([7, 6, 0]);
  });

  it('forgets a tenth of the limit at once, as Spark does', () => {
    const store = newStore({ jobs: 20, stages: 100, tasks: 1000 });
    for (let j = 0; j <= 20; j++) applyAll(store, [...startJob(j, 10 * j, 1), ...endJob(j, 10 * j + 5, 1)]);
    expect(ids(api(store, '/jobs').body)).toEqual(Array.from({ length: 19 }, (_, i) => 20 - i));
    // The 21st job's start made 21 > 20: the two oldest finished went (20 / 10 = 2 > 1 over), job 20 was still running.
    expect(store.jobs.size).toBe(19);
  });

  it("forgets the tasks that finished first, never a running one, and keeps the stage's counts", () => {
    const store = newStore({ jobs: 10, stages: 10, tasks: 3 });
    applyAll(store, startJob(1, 100, 5));
    expect(store.tasks.size).toBe(5);
    for (const [partition, time] of [[3, 200], [2, 210], [1, 220], [0, 230]]) store.apply(endTask(1, partition, time));
    expect([...store.tasks.keys()].sort((a, b) => a - b)).toEqual([10, 11, 14]);
    expect(api(store, '/stages/1/1').body).toMatchObject({ numCompleteTasks: 4, numActiveTasks: 1 });
  });
});
