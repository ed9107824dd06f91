/**
 * RDDBarrier (`rdd.barrier()`): its mapPartitions functions run in a barrier stage, where all
 * tasks are launched together, may wait for each other with `BarrierTaskContext.get().barrier()`,
 * and a failed task makes the whole stage run again.
 */
import type { RDD } from './rdd.js';
import { mapPartitions } from './ops/narrow.js';

type Iter<U> = Iterable<U> | AsyncIterable<U> | Promise<Iterable<U>>;

export class RDDBarrier<T> {
  constructor(readonly rdd: RDD<T>) {}

  mapPartitions<U>(f: (records: Iterable<T>) => Iter<U>, preservesPartitioning = false): RDD<U> {
    return mapPartitions<U>(this.rdd, f, false, preservesPartitioning, true);
  }

  mapPartitionsWithIndex<U>(f: (index: number, records: Iterable<T>) => Iter<U>, preservesPartitioning = false): RDD<U> {
    return mapPartitions<U>(this.rdd, f, true, preservesPartitioning, true);
  }
}
