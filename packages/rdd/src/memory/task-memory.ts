/**
 * What a task may hold in memory, and where it puts what does not fit (Spark's TaskMemoryManager
 * and DiskBlockManager, small). The worker gives every task a share of its executor's memory
 * (`executorMemory` / threads) and a spill store in its local directory; operators that build
 * large in-memory structures (sorts, hash aggregations) measure their estimated size against the
 * budget and write sorted runs or hash partitions to the store when it is exceeded. This package
 * does no I/O: the store is the worker's.
 */

/** A spilled run of records: read back in the order written, then deleted. */
export interface SpillFile {
  /** Reads the records back lazily, a frame at a time. */
  read(): Iterable<unknown>;
  delete(): void;
}

/** Where a task writes what does not fit in its memory budget. */
export interface SpillStore {
  /** Writes the records to a new file; `memoryBytes` is their estimated size in memory (Spark's memoryBytesSpilled). */
  write(records: Iterable<unknown>, memoryBytes: number): SpillFile;
}

export interface TaskMemory {
  /** Bytes of execution memory this task may use before spilling. */
  readonly budgetBytes: number;
  readonly spill: SpillStore;
}
