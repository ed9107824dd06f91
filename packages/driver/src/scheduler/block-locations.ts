/**
 * What the driver knows about where data is: the map output tracker (which executor holds each
 * map task's shuffle buckets) and the cache tracker (which executor holds each cached partition).
 */
import type { ExecutorId } from '@flint/worker';
import type { ShuffleMapStage } from './stage.js';

export class CacheTracker {
  private readonly locations = new Map<string, ExecutorId>();

  private key(rddId: number, split: number): string {
    return `${rddId}:${split}`;
  }
  register(rddId: number, split: number, executor: ExecutorId): void {
    this.locations.set(this.key(rddId, split), executor);
  }
  location(rddId: number, split: number): ExecutorId | undefined {
    return this.locations.get(this.key(rddId, split));
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
  /** Cached partitions per RDD, for reporting: rddId → [split, executor][]. */
  snapshot(): Map<number, [number, ExecutorId][]> {
    const byRdd = new Map<number, [number, ExecutorId][]>();
    for (const [key, executor] of this.locations) {
      const [rddId, split] = key.split(':').map(Number);
      byRdd.set(rddId, [...(byRdd.get(rddId) ?? []), [split, executor]]);
    }
    return byRdd;
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
