import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Broadcast, encode, FnRef } from '@flint/rdd';
import { Executor } from '../src/executor/executor.js';
import type { TaskRequest } from '../src/protocol.js';
import { collectTask, collected, rangeMapPlan } from './collect-task.js';

const APP = 'app-broadcast-test';
const BROADCAST_ID = 0;

/** A task collecting range(0, 3) mapped through `x * factor.value`, with the broadcast's bytes if given. */
function scaledRangeTask(taskId: number, broadcastBytes?: Uint8Array): TaskRequest {
  const factor = new Broadcast(BROADCAST_ID, () => undefined);
  const times = new FnRef('(x, { factor }) => x * factor.value', { factor }, 'broadcast-release.test.ts');
  return collectTask(APP, taskId, rangeMapPlan(3, times), { inputs: [], broadcasts: [{ id: BROADCAST_ID, bytes: broadcastBytes }] });
}

const executor = new Executor({ id: 'exec', threads: 1, memoryBudget: 1 << 20, directory: mkdtempSync(join(tmpdir(), 'flint-broadcast-')) }, {
  fetch: async () => undefined,
  replicate: async () => false,
});
afterAll(() => executor.stop());

describe('a broadcast dropped by the driver (unpersist, destroy)', () => {
  it('leaves the executor and its task threads', async () => {
    expect(collected(await executor.runTask(scaledRangeTask(1, encode(10))))).toEqual([0, 10, 20]);
    // Sent once: a later task carries only the id.
    expect(collected(await executor.runTask(scaledRangeTask(2)))).toEqual([0, 10, 20]);
    expect(executor.broadcastCount).toBe(1);

    executor.removeBroadcast(APP, BROADCAST_ID);
    expect(executor.broadcastCount).toBe(0);
    await expect(executor.runTask(scaledRangeTask(3))).rejects.toThrow(/broadcast 0 has not been sent/);

    // Sent again with other bytes: a thread that had kept its decoded copy would still answer 10s.
    expect(collected(await executor.runTask(scaledRangeTask(4, encode(100))))).toEqual([0, 100, 200]);
  });
});
