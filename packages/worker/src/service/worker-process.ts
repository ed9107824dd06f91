/**
 * A worker node: the datanode (blocks on disk) and the executor (task threads, block manager,
 * executor service) in one process. The executor's address is published through the namenode,
 * with the datanode's registration, so drivers find executors by asking the namenode.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { startDatanode, type DatanodeOptions } from '@flint/dfs';
import { Executor } from '../executor/executor.js';
import { startExecutorService } from './executor-service.js';
import { PeerClient } from './peer-client.js';
import { executorId } from './executor-id.js';

export interface WorkerOptions extends DatanodeOptions {
  /** Task threads; default one per core. */
  readonly threads?: number;
  /** Port of the executor service; 0 picks a free one. */
  readonly executorPort?: number;
  /** Bytes of blocks the executor keeps in memory before spilling; default 1 GiB. */
  readonly executorMemory?: number;
  /** Heap limit of each task thread in bytes; default from executorMemory / threads. */
  readonly threadHeap?: number;
}

export interface WorkerHandle {
  readonly executorId: string;
  readonly nodeId: string;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  // The executor starts after the datanode, whose heartbeats report its running tasks from then on.
  let runningTasks = () => 0;
  const datanode = await startDatanode({ ...options, runningTasks: () => runningTasks() });
  const peers = new PeerClient();
  let id = '';
  const executor = new Executor(
    {
      id: 'pending',
      threads: options.threads ?? availableParallelism(),
      memoryBudget: options.executorMemory ?? 1024 * 1024 * 1024,
      directory: join(datanode.dataDir, 'executor-blocks'),
      threadHeap: options.threadHeap,
      log,
    },
    { fetch: (peer, key) => peers.fetch(peer, key), replicate: (peer, key, level, bytes) => peers.replicate(peer, key, level, bytes) },
  );
  const service = await startExecutorService(executor, host, options.executorPort ?? 0, log);
  id = executorId(datanode.nodeId, host, service.port);
  executor.assignId(id);
  runningTasks = () => executor.runningTasks;
  datanode.setServices({ executor: id, executorThreads: String(executor.options.threads) });
  return {
    executorId: id,
    nodeId: datanode.nodeId,
    async stop() {
      peers.close();
      await service.close();
      await executor.stop();
      await datanode.stop();
    },
  };
}
