/** Task requests for executor tests: one partition of a plan, collected back to the driver. */
import { decode, encode, type FnRef, type TaskPlan } from '@flint/rdd';
import type { TaskOutcome, TaskRequest } from '../src/protocol.js';
import type { StageSpec } from '../src/stage-spec.js';

export function collectTask(appId: string, taskId: number, plan: TaskPlan, extra: Pick<TaskRequest, 'inputs' | 'broadcasts'>): TaskRequest {
  const stage: StageSpec = { plan, output: { kind: 'collect' } };
  return { appId, taskId, jobId: taskId, stageId: taskId, stageAttempt: 0, partition: 0, attempt: 0, stage: encode(stage), ...extra };
}

/** The records a successful collect task returned. */
export function collected(outcome: TaskOutcome): unknown[] {
  if (outcome.kind !== 'success') throw new Error(`task did not succeed: ${JSON.stringify(outcome)}`);
  return decode<unknown[]>(outcome.result!);
}

/** The plan of `range(0, end).map(fn)` in one partition. */
export function rangeMapPlan(end: number, fn: FnRef): TaskPlan {
  return {
    root: 2,
    nodes: [
      { kind: 'range', start: 0, end, step: 1, numSlices: 1, id: 1, numPartitions: 1, storageLevel: undefined },
      { kind: 'elementwise', parent: 1, step: { op: 'map', fn }, id: 2, numPartitions: 1, storageLevel: undefined },
    ],
  } as unknown as TaskPlan;
}
