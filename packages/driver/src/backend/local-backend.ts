/**
 * `local[N]`: one executor inside the driver's process, with N task threads. Tasks still cross
 * the thread boundary as bytes, exactly as they cross the network in cluster mode.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Executor } from '@flint/worker';
import type { ExecutorBackend } from '../scheduler/task-scheduler.js';

export const LOCAL_EXECUTOR_ID = 'local';

export interface Backend {
  readonly executors: ExecutorBackend[];
  readonly defaultParallelism: number;
  removeShuffle(shuffleId: number): void;
  removeRdd(rddId: number): void;
  stop(): Promise<void>;
}

export function localBackend(threads: number, memoryBudget: number): Backend {
  const executor = new Executor({
    id: LOCAL_EXECUTOR_ID,
    threads,
    memoryBudget,
    directory: mkdtempSync(join(tmpdir(), 'flint-local-')),
  });
  return {
    executors: [{ id: executor.id, slots: threads, runTask: (request) => executor.runTask(request) }],
    defaultParallelism: threads,
    removeShuffle: (id) => executor.removeShuffle(id),
    removeRdd: (id) => executor.removeRdd(id),
    stop: () => executor.stop(),
  };
}
