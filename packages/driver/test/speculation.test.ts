import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskRequest } from '@flint/worker';
import { TaskScheduler, type ExecutorBackend, type TaskEnd } from '../src/scheduler/task-scheduler.js';
import { Broadcasts } from '../src/context/broadcasts.js';
import { SPECULATION_DEFAULTS } from '../src/scheduler/speculation.js';
import { taskRequest, taskSuccess } from './task-fixtures.js';

const success = taskSuccess();

/** The DAG scheduler's part (a fresh task id and the next attempt number), stood in for. */
const copyOf = (original: TaskRequest): TaskRequest => ({ ...original, taskId: 100 + original.partition, attempt: original.attempt + 1 });

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
    new Broadcasts(() => undefined),
    { ...SPECULATION_DEFAULTS, enabled: speculation, intervalMs: 5, minRuntimeMs: 30 },
    undefined,
    undefined,
    undefined,
    copyOf,
  );
  const slow = executor('slow', 2, [3]);
  const fast = executor('fast', 2);
  scheduler.addExecutor(slow);
  scheduler.addExecutor(fast);
  scheduler.submit([0, 1, 2, 3].map((p) => ({ request: taskRequest(p), preferred: { executors: p === 3 ? ['slow'] : [], nodes: [] } })));
  await vi.advanceTimersByTimeAsync(300);
  scheduler.stop();
  return { ends, fast };
}

// The scheduler's clock and timers are faked: the 300 ms the test lets pass are 300 ms to the scheduler
// however loaded the machine (with real timers a stalled process could see the copy launched late).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('speculative execution', () => {
  it('launches a copy of a straggler elsewhere and reports the first success only', async () => {
    const { ends, fast } = await run(true);
    expect(ends.map((e) => e.partition).sort()).toEqual([0, 1, 2, 3]);
    expect(ends.every((e) => e.end.kind === 'success')).toBe(true);
    expect(ends.find((e) => e.partition === 3)!.executor).toBe('fast');
    // The copy the DAG scheduler made (a fresh id, the next attempt) is the one launched.
    expect(fast.received.filter((r) => r.partition === 3).map((r) => [r.taskId, r.attempt])).toEqual([[103, 1]]);
  });

  it('is off by default: the straggler is left alone', async () => {
    const { ends, fast } = await run(false);
    expect(ends.map((e) => e.partition).sort()).toEqual([0, 1, 2]);
    expect(fast.received.some((r) => r.partition === 3)).toBe(false);
  });
});
