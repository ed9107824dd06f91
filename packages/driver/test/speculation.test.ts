import { describe, expect, it } from 'vitest';
import type { TaskOutcome, TaskRequest } from '@flint/worker';
import { TaskScheduler, type ExecutorBackend, type TaskEnd } from '../src/scheduler/task-scheduler.js';
import { SPECULATION_DEFAULTS } from '../src/scheduler/speculation.js';

const success: TaskOutcome = {
  kind: 'success',
  cachedBlocks: [],
  accumulators: [],
  recordsRead: 0,
  durationMs: 1,
  metrics: { fetchMs: 0, readMs: 0, parseMs: 0, decodeMs: 0, threadMs: 1 },
};

function request(partition: number): TaskRequest {
  return { appId: 'test-app', taskId: partition, jobId: 0, stageId: 0, stageAttempt: 1, partition, attempt: 0, stage: new Uint8Array(), inputs: [], broadcasts: [] };
}

/** An executor that finishes every task after `delayMs`, except the partitions it is told to hang on. */
function executor(id: string, delayMs: number, hangOn: number[] = []): ExecutorBackend & { received: TaskRequest[] } {
  const received: TaskRequest[] = [];
  return {
    id,
    slots: 2,
    received,
    runTask(req) {
      received.push(req);
      if (hangOn.includes(req.partition)) return new Promise(() => undefined);
      return new Promise((resolve) => setTimeout(() => resolve(success), delayMs));
    },
  };
}

async function run(speculation: boolean): Promise<{ ends: { partition: number; executor: string; end: TaskEnd }[]; fast: ReturnType<typeof executor> }> {
  const ends: { partition: number; executor: string; end: TaskEnd }[] = [];
  const scheduler = new TaskScheduler(
    (req, exec, end) => ends.push({ partition: req.partition, executor: exec, end }),
    () => new Uint8Array(),
    { ...SPECULATION_DEFAULTS, enabled: speculation, intervalMs: 5, minRuntimeMs: 30 },
  );
  const slow = executor('slow', 2, [3]);
  const fast = executor('fast', 2);
  scheduler.addExecutor(slow);
  scheduler.addExecutor(fast);
  scheduler.submit([0, 1, 2, 3].map((p) => ({ request: request(p), preferred: { executors: p === 3 ? ['slow'] : [], nodes: [] } })));
  await new Promise((r) => setTimeout(r, 300));
  scheduler.stop();
  return { ends, fast };
}

describe('speculative execution', () => {
  it('launches a copy of a straggler elsewhere and reports the first success only', async () => {
    const { ends, fast } = await run(true);
    expect(ends.map((e) => e.partition).sort()).toEqual([0, 1, 2, 3]);
    expect(ends.every((e) => e.end.kind === 'success')).toBe(true);
    expect(ends.find((e) => e.partition === 3)!.executor).toBe('fast');
    expect(fast.received.filter((r) => r.partition === 3).map((r) => r.taskId)).toEqual([-4]);
  });

  it('is off by default: the straggler is left alone', async () => {
    const { ends, fast } = await run(false);
    expect(ends.map((e) => e.partition).sort()).toEqual([0, 1, 2]);
    expect(fast.received.some((r) => r.partition === 3)).toBe(false);
  });
});
