import { describe, expect, it } from 'vitest';
import { TaskScheduler, type ExecutorBackend } from '../src/scheduler/task-scheduler.js';
import { SPECULATION_DEFAULTS } from '../src/scheduler/speculation.js';
import { taskRequest, taskSuccess } from './task-fixtures.js';

const success = taskSuccess();

/** One slot; tasks below 100 finish after 200 ms (they set the typical duration), the others never. */
function executor(id: string): ExecutorBackend & { received: number[] } {
  const received: number[] = [];
  return {
    id,
    slots: 1,
    received,
    runTask(req) {
      received.push(req.partition);
      if (req.partition >= 100) return new Promise(() => undefined);
      return new Promise((resolve) => setTimeout(() => resolve(success), 200));
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('delay scheduling', () => {
  it('gives up on a busy executor sooner for a cached partition than for a node-local block', async () => {
    const scheduler = new TaskScheduler(() => undefined, () => new Uint8Array(), { ...SPECULATION_DEFAULTS, enabled: false });
    const a = executor('exec-a');
    const b = executor('exec-b');
    scheduler.addExecutor(a);
    scheduler.addExecutor(b);
    // Two 200 ms tasks make the typical duration 200 ms: the wait is 400 ms, 200 ms for cached input.
    scheduler.submit([0, 1].map((p) => ({ request: taskRequest(p), preferred: { executors: [], nodes: [] } })));
    await sleep(400);
    // exec-a gets a task that never ends; then a node-local task and a cached-partition task both want exec-a.
    scheduler.submit([{ request: taskRequest(100), preferred: { executors: ['exec-a'], nodes: [] } }]);
    scheduler.submit([
      { request: taskRequest(101), preferred: { executors: [], nodes: ['exec-a'] } },
      { request: taskRequest(102), preferred: { executors: ['exec-a'], nodes: [] } },
    ]);
    await sleep(700);
    scheduler.stop();
    expect(a.received.filter((p) => p >= 100)).toEqual([100]);
    // The cached-partition task went to the idle executor first, though it was queued second.
    expect(b.received.filter((p) => p >= 100)).toEqual([102]);
  });
});
