import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, encode, type TaskPlan } from '@flint/rdd';
import { Executor, type Peers } from '../src/executor/executor.js';
import type { TaskRequest } from '../src/protocol.js';
import { blockKeys } from '../src/block-keys.js';
import { collectTask, collected } from './collect-task.js';

const APP = 'app-test';
const RDD_ID = 7;
const records = Array.from({ length: 1_000 }, (_, i) => [i, `record ${i}`]);

/** Two real executors (thread pools, block managers) whose peer fetches go straight to each other. */
function executorPair(memoryBudget: number): { holder: Executor; reader: Executor; fetches: string[] } {
  const fetches: string[] = [];
  const byId = new Map<string, Executor>();
  const peers: Peers = {
    fetch: async (executor, key) => {
      fetches.push(`${executor} ${key}`);
      return byId.get(executor)?.localBlock(key);
    },
    replicate: async () => false,
  };
  const make = (id: string) => new Executor({ id, threads: 1, memoryBudget, directory: mkdtempSync(join(tmpdir(), `flint-${id}-`)) }, peers);
  const holder = make('holder');
  const reader = make('reader');
  byId.set('holder', holder).set('reader', reader);
  return { holder, reader, fetches };
}

/** A task that collects partition 0 of the cached RDD, whose block `holder` has. */
function collectCachedTask(taskId: number): TaskRequest {
  const plan: TaskPlan = { root: RDD_ID, nodes: [{ kind: 'parallelize', id: RDD_ID, numPartitions: 1, storageLevel: 'MEMORY_ONLY' }] as TaskPlan['nodes'] };
  return collectTask(APP, taskId, plan, { inputs: [{ kind: 'cached', key: blockKeys.cached(RDD_ID, 0), executor: 'holder' }], broadcasts: [] });
}

const started: Executor[] = [];
afterAll(async () => {
  await Promise.all(started.map((e) => e.stop()));
});

describe('a cached partition read from another executor', () => {
  it('is kept as a copy, reported to the driver, and read locally the next time', async () => {
    const { holder, reader, fetches } = executorPair(64 * 1024 * 1024);
    started.push(holder, reader);
    const key = blockKeys.inApp(APP, blockKeys.cached(RDD_ID, 0));
    holder.blocks.put(key, encode(records), 'memoryOnly');

    const first = await reader.runTask(collectCachedTask(1));
    expect(collected(first)).toEqual(records);
    expect(fetches).toEqual([`holder ${key}`]);
    expect(first.kind === 'success' && first.cachedBlocks).toEqual([{ rddId: RDD_ID, split: 0, bytes: expect.any(Number), copy: true }]);
    expect(reader.blocks.has(key)).toBe(true);

    holder.blocks.remove(key);
    const second = await reader.runTask(collectCachedTask(2));
    expect(collected(second)).toEqual(records);
    expect(fetches).toHaveLength(1);
    expect(second.kind === 'success' && second.cachedBlocks).toEqual([]);
  });

  it('is not kept when it would push other blocks out of memory', async () => {
    const { holder, reader } = executorPair(1024);
    started.push(holder, reader);
    const key = blockKeys.inApp(APP, blockKeys.cached(RDD_ID, 0));
    holder.blocks.put(key, encode(records), 'memoryAndDisk');
    const outcome = await reader.runTask(collectCachedTask(3));
    expect(collected(outcome)).toEqual(records);
    expect(outcome.kind === 'success' && outcome.cachedBlocks).toEqual([]);
    expect(reader.blocks.has(key)).toBe(false);
  });
});

/** A task that collects the one partition of a cached range(0, 1000); `inputs` names where the driver last saw it cached. */
function cachedRangeTask(taskId: number, inputs: TaskRequest['inputs']): TaskRequest {
  const plan: TaskPlan = { root: RDD_ID, nodes: [{ kind: 'range', start: 0, end: 1000, step: 1, numSlices: 1, id: RDD_ID, numPartitions: 1, storageLevel: 'MEMORY_ONLY' }] as TaskPlan['nodes'] };
  return collectTask(APP, taskId, plan, { inputs, broadcasts: [] });
}

const range = Array.from({ length: 1000 }, (_, i) => i);

describe('a MEMORY_ONLY partition computed on a one-thread executor', () => {
  const key = blockKeys.inApp(APP, blockKeys.cached(RDD_ID, 0));
  const cachedOn = (executor: string): TaskRequest['inputs'] => [{ kind: 'cached', key: blockKeys.cached(RDD_ID, 0), executor }];

  it('stays as objects on its thread (no bytes), is read there by later tasks, and is encoded only for another executor', async () => {
    const { holder, reader, fetches } = executorPair(64 * 1024 * 1024);
    started.push(holder, reader);
    const first = await holder.runTask(cachedRangeTask(10, []));
    expect(collected(first)).toEqual(range);
    const reported = first.kind === 'success' ? first.cachedBlocks : [];
    expect(reported).toEqual([{ rddId: RDD_ID, split: 0, bytes: expect.any(Number) }]);
    // An estimate of the records' heap size: at least 8 bytes a number.
    expect(reported[0].bytes).toBeGreaterThanOrEqual(8 * range.length);
    expect([holder.blocks.isHeld(key), holder.blocks.get(key)]).toEqual([true, undefined]);

    expect(collected(await holder.runTask(cachedRangeTask(11, cachedOn('holder'))))).toEqual(range);
    expect(collected(await reader.runTask(cachedRangeTask(12, cachedOn('holder'))))).toEqual(range);
    expect(fetches).toEqual([`holder ${key}`]);
    // The reader kept a copy of the bytes, as of any cached partition it read from another executor.
    expect(decode(reader.blocks.get(key)!)).toEqual(range);
  });

  it('is recomputed from its lineage when its thread no longer has it, and reported lost to another executor', async () => {
    const { holder, reader } = executorPair(64 * 1024 * 1024);
    started.push(holder, reader);
    // The executor believes its thread holds the partition; the thread never computed it (as after a thread crash).
    holder.blocks.putHeld(key, 1000);
    const missing = await reader.runTask(cachedRangeTask(20, cachedOn('holder')));
    expect(missing).toEqual({ kind: 'missingCachedBlock', rddId: RDD_ID, split: 0, executor: 'holder' });
    expect(holder.blocks.has(key)).toBe(false);

    holder.blocks.putHeld(key, 1000);
    const recomputed = await holder.runTask(cachedRangeTask(21, cachedOn('holder')));
    expect(collected(recomputed)).toEqual(range);
    expect(recomputed.kind === 'success' && recomputed.cachedBlocks).toEqual([{ rddId: RDD_ID, split: 0, bytes: expect.any(Number) }]);
    expect(holder.blocks.isHeld(key)).toBe(true);
  });
});
