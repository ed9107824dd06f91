/** Task requests for executor tests: one partition of a plan, collected back to the driver. */
import { decode, encode, type TaskPlan } from '@flint/rdd';
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
