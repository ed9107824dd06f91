/**
 * `local[N]`: one executor inside the driver's process, with N task threads. Tasks still cross
 * the thread boundary as bytes, exactly as they cross the network in cluster mode.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Executor, killedOutcome, type BarrierSync, type TaskOutcome, type TaskRequest } from '@flint/worker';
import type { Backend } from './backend.js';

export const LOCAL_EXECUTOR_ID = 'local';

/** `threadHeap`: each task thread's heap limit in bytes (the executor's default otherwise). */
export function localBackend(threads: number, memoryBudget: number, threadHeap?: number): Backend {
  const executor = new Executor({
    id: LOCAL_EXECUTOR_ID,
    threads,
    memoryBudget,
    threadHeap,
    directory: mkdtempSync(join(tmpdir(), 'flint-local-')),
  });
  const running = new Map<number, AbortController>();
  let barrierSync: BarrierSync | undefined;
  const runTask = async (request: TaskRequest): Promise<TaskOutcome> => {
    const controller = new AbortController();
    running.set(request.taskId, controller);
    try {
      return await executor.runTask(request, controller.signal, barrierSync);
    } catch (error) {
      if (controller.signal.aborted) return killedOutcome(request.taskId);
      throw error;
    } finally {
      running.delete(request.taskId);
    }
  };
  return {
    defaultParallelism: threads,
    namenode: undefined,
    start: async (listener) => {
      barrierSync = listener.barrierSync;
      listener.executorAdded({ id: executor.id, slots: threads, memoryBytes: memoryBudget, runTask, killTask: (taskId) => running.get(taskId)?.abort() });
    },
    prepareRuntimes: (namespaces) => executor.prepareRuntimes(namespaces),
    forgetShuffle: (appId, id) => executor.removeShuffle(appId, id),
    forgetRdd: (appId, id) => executor.removeRdd(appId, id),
    forgetBroadcast: (appId, id) => executor.removeBroadcast(appId, id),
    stop: () => executor.stop(),
  };
}

