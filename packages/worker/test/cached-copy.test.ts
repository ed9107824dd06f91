import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encode, type TaskPlan } from '@flint/rdd';
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
      return byId.get(executor)?.blocks.get(key);
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
