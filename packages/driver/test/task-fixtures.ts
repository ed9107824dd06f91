/** Task requests and outcomes for scheduler unit tests. */
import type { TaskOutcome, TaskRequest } from '@flint/worker';

/** A successful outcome with nothing in it but `extra`. */
export function taskSuccess(extra: Partial<Extract<TaskOutcome, { kind: 'success' }>> = {}): TaskOutcome {
  const metrics = { fetchMs: 0, readMs: 0, parseMs: 0, decodeMs: 0, threadMs: 1, memoryBytesSpilled: 0, diskBytesSpilled: 0 };
  return { kind: 'success', cachedBlocks: [], accumulators: [], recordsRead: 0, recordsWritten: 0, bytesWritten: 0, durationMs: 1, metrics, ...extra };
}

/** A request for `partition` of stage 0 whose task id is the partition. */
export function taskRequest(partition: number): TaskRequest {
  return { appId: 'test-app', taskId: partition, jobId: 0, stageId: 0, stageAttempt: 1, partition, attempt: 0, stage: new Uint8Array(), inputs: [], broadcasts: [] };
}
