/**
 * A worker node: the datanode (blocks on disk), in this process, and the executor (task threads,
 * block manager, executor service) in a child process kept running by a supervisor: an executor
 * that dies (a task aborted it) is replaced, and the datanode never goes down with it. The
 * executor's address is published through the namenode with the datanode's registration, so
 * drivers find executors by asking the namenode; so is why the last executor died.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { startDatanode, type DatanodeHandle, type DatanodeOptions } from '@flint/dfs';
import { ExecutorSupervisor, type RunningExecutor } from './executor-supervisor.js';
import { lostExecutorServices } from './lost-executor.js';
import { WORKER_EXECUTOR_MEMORY } from './worker-memory.js';

export interface WorkerOptions extends DatanodeOptions {
  /** Task threads; default one per core. */
  readonly threads?: number;
  /** Port of the executor service; 0 picks a free one. */
  readonly executorPort?: number;
  /** Bytes of blocks the executor keeps in memory before spilling; default 1 GiB. */
  readonly executorMemory?: number;
  /** Heap limit of each task thread in bytes; default from executorMemory / threads. */
  readonly threadHeap?: number;
  /** Called with each executor that starts after the first (a replacement for one that died). */
  readonly executorRestarted?: (executorId: string) => void;
}

export interface WorkerHandle {
  /** The executor running now. */
  readonly executorId: string;
  readonly nodeId: string;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  // The datanode's heartbeats report the tasks the executor runs (it tells its supervisor).
  const datanodeStarted = startDatanode({ ...options, runningTasks: () => (current ? supervisor?.runningTasks ?? 0 : 0) });
  let supervisor: ExecutorSupervisor | undefined;
  let datanode: DatanodeHandle | undefined;
  let current: RunningExecutor | undefined;
  let lost: Record<string, string> = {};
  let starts = 0;
  const memoryBudget = options.executorMemory ?? WORKER_EXECUTOR_MEMORY;
  const publish = (): void => {
    const executor: Record<string, string> = current ? { executor: current.id, executorThreads: String(current.threads), executorMemory: String(memoryBudget) } : {};
    datanode?.setServices({ ...executor, ...lost });
  };
  // The executor process is forked at once; it gets its settings when the datanode (its id) is up.
  const config = datanodeStarted.then((started) => {
    datanode = started;
    return {
      nodeId: started.nodeId,
      host,
      port: options.executorPort ?? 0,
      threads: options.threads ?? availableParallelism(),
      memoryBudget,
      directory: join(started.dataDir, 'executor-blocks'),
      threadHeap: options.threadHeap,
    };
  });
  const supervisorStarted = ExecutorSupervisor.start(
    config,
    {
      started(executor) {
        current = executor;
        publish();
        if (starts++ > 0) options.executorRestarted?.(executor.id);
      },
      died(id, reason) {
        current = undefined;
        lost = lostExecutorServices(id, reason);
        publish();
      },
    },
    log,
  );
  const [datanodeResult, supervisorResult] = await Promise.allSettled([datanodeStarted, supervisorStarted]);
  if (datanodeResult.status === 'rejected') throw datanodeResult.reason;
  if (supervisorResult.status === 'rejected') {
    await datanodeResult.value.stop();
    throw supervisorResult.reason;
  }
  supervisor = supervisorResult.value;
  return {
    get executorId() {
      return current?.id ?? '';
    },
    nodeId: datanodeResult.value.nodeId,
    async stop() {
      await supervisor?.stop();
      await datanodeResult.value.stop();
    },
  };
}
