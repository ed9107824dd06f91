/**
 * What the driver knows about where data is: the map output tracker (which executor holds each
 * map task's shuffle buckets) and the cache tracker (which executor holds each cached partition).
 */
import type { ExecutorId } from '@flint/worker';
import type { ShuffleMapStage } from './stage.js';

/**
 * Where cached partitions are: one executor, two for the `_2` storage levels, plus any executor
 * that read the partition remotely and kept a copy.
 */
export class CacheTracker {
  private readonly holders = new Map<string, ExecutorId[]>();
  private readonly sizes = new Map<string, number>();

  private key(rddId: number, split: number): string {
    return `${rddId}:${split}`;
  }
  register(rddId: number, split: number, executor: ExecutorId, bytes = 0, replica?: ExecutorId): void {
    const key = this.key(rddId, split);
    this.holders.set(key, replica && replica !== executor ? [executor, replica] : [executor]);
    this.sizes.set(key, bytes);
  }
  /** One more executor holding a copy (it read the partition from another executor and kept it). */
  addCopy(rddId: number, split: number, executor: ExecutorId): void {
    const holders = this.holders.get(this.key(rddId, split));
    if (holders && !holders.includes(executor)) holders.push(executor);
  }
  /** The executor holding the partition (the first of its copies), if any. */
  location(rddId: number, split: number): ExecutorId | undefined {
    return this.holders.get(this.key(rddId, split))?.[0];
  }
  /** Every executor holding a copy. */
  locations(rddId: number, split: number): readonly ExecutorId[] {
    return this.holders.get(this.key(rddId, split)) ?? [];
  }
  unregister(rddId: number, split: number, executor?: ExecutorId): void {
    const key = this.key(rddId, split);
    const remaining = executor === undefined ? [] : (this.holders.get(key) ?? []).filter((e) => e !== executor);
    if (remaining.length > 0) this.holders.set(key, remaining);
    else this.holders.delete(key);
  }
  /** Forgets every partition of an RDD; returns the copies there were, as [split, executor]. */
  forgetRdd(rddId: number): [number, ExecutorId][] {
    const forgotten: [number, ExecutorId][] = [];
    for (const [key, executors] of [...this.holders]) {
      if (!key.startsWith(`${rddId}:`)) continue;
      const split = Number(key.slice(key.indexOf(':') + 1));
      for (const executor of executors) forgotten.push([split, executor]);
      this.holders.delete(key);
    }
    return forgotten;
  }
  /** Forgets every copy an executor held; returns how many partitions have no copy left. */
  forgetExecutor(executor: ExecutorId): number {
    let lost = 0;
    for (const [key, executors] of [...this.holders]) {
      if (!executors.includes(executor)) continue;
      const remaining = executors.filter((e) => e !== executor);
      if (remaining.length > 0) {
        this.holders.set(key, remaining);
      } else {
        this.holders.delete(key);
        lost++;
      }
    }
    return lost;
  }
  /** Per cached RDD: how many partitions and bytes, how many partition copies on each executor, and each partition. */
  report(): CachedRddReport[] {
    const byRdd = new Map<number, CachedRddReport>();
    for (const [key, executors] of this.holders) {
      const [rddId, split] = key.split(':').map(Number);
      const entry = byRdd.get(rddId) ?? { rddId, partitionsCached: 0, bytes: 0, executors: {}, partitions: [] };
      const bytes = this.sizes.get(key) ?? 0;
      entry.partitionsCached++;
      entry.bytes += bytes;
      for (const executor of executors) entry.executors[executor] = (entry.executors[executor] ?? 0) + 1;
      entry.partitions.push({ split, bytes, executors: [...executors] });
      byRdd.set(rddId, entry);
    }
    for (const entry of byRdd.values()) entry.partitions.sort((a, b) => a.split - b.split);
    return [...byRdd.values()].sort((a, b) => a.rddId - b.rddId);
  }
}

export interface CachedRddReport {
  readonly rddId: number;
  partitionsCached: number;
  bytes: number;
  /** Cached partitions (copies included) per executor. */
  readonly executors: Record<ExecutorId, number>;
  /** Each cached partition: its encoded size and every executor holding a copy. */
  readonly partitions: { readonly split: number; readonly bytes: number; readonly executors: readonly ExecutorId[] }[];
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
