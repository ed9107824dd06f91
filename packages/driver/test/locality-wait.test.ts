import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaskScheduler, type ExecutorBackend } from '../src/scheduler/task-scheduler.js';
import { Broadcasts } from '../src/context/broadcasts.js';
import { SPECULATION_DEFAULTS } from '../src/scheduler/speculation.js';
import { taskRequest, taskSuccess } from './task-fixtures.js';

const success = taskSuccess();

/**
 * One slot; a task ends after 200 ms if `endsAlone(partition)` (such tasks set the typical
 * duration), otherwise when the test calls `finish(partition)`.
 */
function executor(id: string, endsAlone: (partition: number) => boolean = () => false): ExecutorBackend & { received: number[]; finish(partition: number): void } {
  const received: number[] = [];
  const pending = new Map<number, () => void>();
  return {
    id,
    slots: 1,
    received,
    runTask(req) {
      received.push(req.partition);
      return new Promise((resolve) => {
        if (endsAlone(req.partition)) setTimeout(() => resolve(success), 200);
        else pending.set(req.partition, () => resolve(success));
      });
    },
    finish: (partition) => pending.get(partition)!(),
  };
}

// The scheduler's clock (performance.now) and timers are faked, so each step sees exactly the time it
// names: on a loaded machine a real sleep overshoots, and a check meant for 250 ms ran after 400.
const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('delay scheduling', () => {
  it("waits Spark's whole 3 s locality wait for a busy executor that holds a cached partition, a few task durations for one that stores a DFS block", async () => {
    const scheduler = new TaskScheduler(() => undefined, new Broadcasts(() => undefined), { ...SPECULATION_DEFAULTS, enabled: false });
    const a = executor('exec-a', (partition) => partition < 100);
    const b = executor('exec-b', (partition) => partition < 100);
    const c = executor('exec-c', (partition) => partition < 100);
    for (const each of [a, b, c]) scheduler.addExecutor(each);
    // Three 200 ms tasks make the typical duration 200 ms: a DFS block's wait is 400 ms.
    scheduler.submit([0, 1, 2].map((p) => ({ request: taskRequest(p), preferred: { executors: [], nodes: [] } })));
    await sleep(400);
    // exec-a gets a task that never ends; then a task over a partition cached on exec-a and one over
    // a block stored on exec-a's node wait for it.
    scheduler.submit([{ request: taskRequest(100), preferred: { executors: ['exec-a'], nodes: [] } }]);
    scheduler.submit([{ request: taskRequest(101), preferred: { executors: [], nodes: ['exec-a'] } }]);
    scheduler.submit([{ request: taskRequest(102), preferred: { executors: ['exec-a'], nodes: [] } }]);
    await sleep(250);
    const elsewhere = () => [...b.received, ...c.received].filter((p) => p >= 100).sort();
    expect(elsewhere()).toEqual([]);
    await sleep(400);
    expect(elsewhere()).toEqual([101]);
    await sleep(2000);
    expect(elsewhere()).toEqual([101]);
    await sleep(600);
    scheduler.stop();
    expect(a.received.filter((p) => p >= 100)).toEqual([100]);
    expect(elsewhere()).toEqual([101, 102]);
  });

  it('offers a freed executor its own cached partition before one whose executor is still busy', async () => {
    const scheduler = new TaskScheduler(() => undefined, new Broadcasts(() => undefined), { ...SPECULATION_DEFAULTS, enabled: false });
    const a = executor('exec-a');
    const b = executor('exec-b');
    scheduler.addExecutor(a);
    scheduler.addExecutor(b);
    const cachedOn = (executor: string) => ({ executors: [executor], nodes: [] });
    // Partitions 0 and 2 are cached on exec-a, 1 and 3 on exec-b; the queue holds them in that order.
    scheduler.submit([0, 1, 2, 3].map((p) => ({ request: taskRequest(p), preferred: cachedOn(p % 2 === 0 ? 'exec-a' : 'exec-b') })));
    // Past a cached partition's 3 s locality wait: partition 2, first in the queue, may now run anywhere.
    await sleep(3_100);
    b.finish(1);
    await sleep(20);
    a.finish(0);
    await sleep(20);
    scheduler.stop();
    expect(a.received).toEqual([0, 2]);
    expect(b.received).toEqual([1, 3]);
  });
});
