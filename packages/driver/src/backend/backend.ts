/**
 * Where tasks run. A backend finds executors and reports them as they come and go; the task
 * scheduler places tasks on them. `local[N]` has one in-process executor; `flint://` and
 * `local-cluster` have worker processes reached over ws.
 */
import type { BarrierSync } from '@flint/worker';
import type { ExecutorBackend } from '../scheduler/task-scheduler.js';

export interface BackendListener {
  executorAdded(executor: ExecutorBackend): void;
  /** `exitCausedByApp`: the executor process died under its tasks (they count it as a failure), not its whole worker. */
  executorLost(id: string, reason: string, exitCausedByApp: boolean): void;
  /** Where barrier tasks' barrier() calls go: the driver's barrier coordinator. */
  barrierSync: BarrierSync;
}

export interface Backend {
  /** Task slots when the context starts: the default number of partitions. */
  readonly defaultParallelism: number;
  /** The namenode, for DFS paths, when the backend has one. */
  readonly namenode: string | undefined;
  /** Connects to the executors there are now, reporting them to `listener`; later ones follow as they come. */
  start(listener: BackendListener): Promise<void>;
  /** Has the executors' task threads load these runtime namespaces now, ahead of the first task that needs them (local[N] only). */
  prepareRuntimes?(namespaces: readonly string[]): void;
  forgetShuffle(appId: string, shuffleId: number): void;
  forgetRdd(appId: string, rddId: number): void;
  forgetBroadcast(appId: string, broadcastId: number): void;
  stop(): Promise<void>;
}
