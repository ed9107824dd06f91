/**
 * What the driver knows about where data is: the map output tracker (which executor holds each
 * map task's shuffle buckets) and the cache tracker (which executor holds each cached partition).
 */
import type { ExecutorId } from '@flint/worker';
import type { ShuffleMapStage } from './stage.js';

export class CacheTracker {
  private readonly locations = new Map<string, ExecutorId>();
  private readonly sizes = new Map<string, number>();

  private key(rddId: number, split: number): string {
    return `${rddId}:${split}`;
  }
  register(rddId: number, split: number, executor: ExecutorId, bytes = 0): void {
    this.locations.set(this.key(rddId, split), executor);
    this.sizes.set(this.key(rddId, split), bytes);
  }
  location(rddId: number, split: number): ExecutorId | undefined {
    return this.locations.get(this.key(rddId, split));
  }
  /** Per cached RDD: how many partitions, how many bytes, and how many partitions on each executor. */
  report(): { rddId: number; partitionsCached: number; bytes: number; executors: Record<ExecutorId, number> }[] {
    const byRdd = new Map<number, { rddId: number; partitionsCached: number; bytes: number; executors: Record<ExecutorId, number> }>();
    for (const [key, executor] of this.locations) {
      const rddId = Number(key.split(':')[0]);
      const entry = byRdd.get(rddId) ?? { rddId, partitionsCached: 0, bytes: 0, executors: {} };
      entry.partitionsCached++;
      entry.bytes += this.sizes.get(key) ?? 0;
      entry.executors[executor] = (entry.executors[executor] ?? 0) + 1;
      byRdd.set(rddId, entry);
    }
    return [...byRdd.values()].sort((a, b) => a.rddId - b.rddId);
  }
  unregister(rddId: number, split: number): void {
    this.locations.delete(this.key(rddId, split));
  }
  forgetRdd(rddId: number): void {
    for (const key of [...this.locations.keys()]) if (key.startsWith(`${rddId}:`)) this.locations.delete(key);
  }
  /** Forgets everything an executor held; returns how many partitions were lost. */
  forgetExecutor(executor: ExecutorId): number {
    let lost = 0;
    for (const [key, holder] of [...this.locations]) {
      if (holder === executor) {
        this.locations.delete(key);
        lost++;
      }
    }
    return lost;
  }
}

/** Removes every map output held by `executor`; returns the (shuffleId, mapPartition) pairs lost. */
export function forgetMapOutputs(stages: Iterable<ShuffleMapStage>, executor: ExecutorId): [number, number][] {
  const lost: [number, number][] = [];
  for (const stage of stages) {
    stage.outputs.forEach((status, mapPartition) => {
      if (status?.executor === executor) {
        stage.outputs[mapPartition] = undefined;
        lost.push([stage.shuffleId, mapPartition]);
      }
    });
  }
  return lost;
}
