import { parseExecutorId } from '@flint/worker';
import type { WorkerInfo } from './demo.js';

/** Names executors (`node@host:port`) and datanodes (`node`) as "worker i", as the demo prints them. */
export class WorkerNames {
  private readonly byNode: Map<string, number>;

  constructor(workers: readonly WorkerInfo[]) {
    this.byNode = new Map(workers.map((worker) => [parseExecutorId(worker.executor).nodeId, worker.index]));
  }

  node(nodeId: string): string {
    const index = this.byNode.get(nodeId);
    return index === undefined ? nodeId : `worker ${index}`;
  }

  executor(executorId: string): string {
    return this.node(parseExecutorId(executorId).nodeId);
  }

  /** "worker 0" or "workers 0, 1 and 2", for the distinct workers of some executors. */
  workers(executorIds: readonly string[]): string {
    const indexes = [...new Set(executorIds.map((id) => this.byNode.get(parseExecutorId(id).nodeId) ?? id))];
    return `worker${indexes.length === 1 ? '' : 's'} ${listed(indexes.sort())}`;
  }
}

/** "1, 4 and 7" */
export function listed(items: readonly (string | number)[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "partition 3" or "partitions 1, 4 and 7" */
export function partitions(numbers: readonly number[]): string {
  return `partition${numbers.length === 1 ? '' : 's'} ${listed([...numbers].sort((a, b) => a - b))}`;
}
