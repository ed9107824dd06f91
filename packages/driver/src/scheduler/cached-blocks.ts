/**
 * The cached partitions as the DAG scheduler learns of them: stored, copied or dropped by tasks,
 * lost with an executor, forgotten by unpersist. Each change goes to the cache tracker (which
 * executors hold what, for placing tasks) and out as a blockUpdated event (the UI's Storage page;
 * where a block spills is the worker's business: all of it is counted in memory).
 */
import type { RDD } from '@flint/rdd';
import type { ExecutorId, TaskOutcome } from '@flint/worker';
import { CacheTracker } from './block-locations.js';
import type { EventSink } from './event-bus.js';

export class CachedBlocks {
  readonly tracker = new CacheTracker();
  /** The storage level of each persisted RDD a stage computed, for its blocks' events. */
  private readonly storageLevels = new Map<number, string>();

  constructor(private readonly emit: EventSink) {}

  /** A stage computing these RDDs started: the persisted ones' blocks are reported with their storage level. */
  stageStarted(rdds: Iterable<RDD<unknown>>): void {
    for (const rdd of rdds) if (rdd.isCached) this.storageLevels.set(rdd.id(), String(rdd.storageLevel));
  }

  /** The blocks a successful task on `executor` stored (with their replicas), copied, or dropped. */
  taskSucceeded(executor: ExecutorId, outcome: Extract<TaskOutcome, { kind: 'success' }>): void {
    for (const block of outcome.cachedBlocks) {
      if (block.copy) this.tracker.addCopy(block.rddId, block.split, executor);
      else this.tracker.register(block.rddId, block.split, executor, block.bytes, block.replica);
      this.post(block.rddId, block.split, executor, block.bytes);
      if (block.replica && !block.copy) this.post(block.rddId, block.split, block.replica, block.bytes);
    }
    // After registering: a block this very task stored may already have been dropped again.
    for (const block of outcome.droppedBlocks ?? []) this.drop(block.rddId, block.split, executor);
  }

  /** `executor` no longer holds the partition. */
  drop(rddId: number, split: number, executor: ExecutorId): void {
    this.tracker.unregister(rddId, split, executor);
    this.post(rddId, split, executor, 0);
  }

  /** unpersist: every cached partition of the RDD is let go, reported at its new `storageLevel`. */
  forgetRdd(rddId: number, storageLevel: string): void {
    for (const [split, executor] of this.tracker.forgetRdd(rddId)) this.post(rddId, split, executor, 0, storageLevel);
  }

  private post(rddId: number, partition: number, executorId: ExecutorId, bytes: number, storageLevel = this.storageLevels.get(rddId) ?? 'unknown'): void {
    this.emit({ type: 'blockUpdated', rddId, partition, executorId, storageLevel, memBytes: bytes, diskBytes: 0 });
  }
}
