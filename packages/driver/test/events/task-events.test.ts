// The task scheduler's events around a speculative copy: the copy starts flagged speculative on
// another executor, and once it wins, the original is killed and reported so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskRequest } from '@flint/worker';
import { TaskScheduler, type ExecutorBackend } from '../../src/scheduler/task-scheduler.js';
import { Broadcasts } from '../../src/context/broadcasts.js';
import { SPECULATION_DEFAULTS } from '../../src/scheduler/speculation.js';
import type { EventBody } from '../../src/scheduler/events.js';
import { taskRequest, taskSuccess } from '../task-fixtures.js';

/** An executor that finishes each task after `delayMs`, except the partitions it hangs on until the task is killed. */
function executor(id: string, delayMs: number, hangOn: number[] = []): ExecutorBackend {
  const kills = new Map<number, () => void>();
  return {
    id,
    slots: 2,
    runTask(request: TaskRequest) {
      if (!hangOn.includes(request.partition)) return new Promise((resolve) => setTimeout(() => resolve(taskSuccess()), delayMs));
      return new Promise((resolve) => kills.set(request.taskId, () => resolve({ kind: 'failure', error: { name: 'TaskKilled', message: `task ${request.taskId} was killed by the driver`, stack: '' } })));
    },
    killTask: (taskId) => kills.get(taskId)?.(),
  };
}

// The scheduler's clock and timers are faked: the 300 ms the test lets pass are 300 ms to the scheduler
// however loaded the machine (with real timers a stalled process could see the copy launched late).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('task events with speculation', () => {
  it('flag the copy as speculative, and report the original killed once the copy has won', async () => {
    const events: EventBody[] = [];
    const scheduler = new TaskScheduler(() => undefined, new Broadcasts(() => undefined), { ...SPECULATION_DEFAULTS, enabled: true, intervalMs: 5, minRuntimeMs: 30 }, undefined, undefined, (event) => events.push(event), (original) => ({ ...original, taskId: 100 + original.partition, attempt: original.attempt + 1 }));
    scheduler.addExecutor(executor('slow', 2, [3]));
    scheduler.addExecutor(executor('fast', 2));
    scheduler.submit([0, 1, 2, 3].map((p) => ({ request: taskRequest(p), preferred: { executors: p === 3 ? ['slow'] : [], nodes: [] } })));
    await vi.advanceTimersByTimeAsync(300);
    scheduler.stop();

    const partition3 = events.filter((e) => (e.type === 'taskStart' || e.type === 'taskEnd') && e.partition === 3);
    expect(partition3).toEqual([
      expect.objectContaining({ type: 'taskStart', executorId: 'slow', speculative: false, locality: 'PROCESS_LOCAL' }),
      expect.objectContaining({ type: 'taskStart', executorId: 'fast', speculative: true, taskId: 103, attempt: 1 }),
      expect.objectContaining({ type: 'taskEnd', executorId: 'fast', taskId: 103, attempt: 1, status: 'success' }),
      expect.objectContaining({ type: 'taskEnd', executorId: 'slow', status: 'killed', reason: expect.stringContaining('TaskKilled') }),
    ]);
    expect(events.filter((e) => e.type === 'taskEnd' && e.status === 'success').map((e) => e.type === 'taskEnd' && e.partition).sort()).toEqual([0, 1, 2, 3]);
  });
});
