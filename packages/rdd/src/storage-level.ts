/**
 * Where a persisted RDD keeps its partitions; the `_2` levels keep a second copy on another worker.
 * Partitions are always kept serialized (msgpackr bytes), so `deserialized` is false and there is no
 * off-heap store; `toString()` is PySpark's `str(level)` (`'Memory Serialized 1x Replicated'`).
 */
export interface StorageLevel {
  readonly name: string;
  readonly useDisk: boolean;
  readonly useMemory: boolean;
  readonly useOffHeap: boolean;
  readonly deserialized: boolean;
  readonly replication: 1 | 2;
  toString(): string;
}

function level(name: string, useMemory: boolean, useDisk: boolean, replication: 1 | 2): StorageLevel {
  const description = `${useDisk ? 'Disk ' : ''}${useMemory ? 'Memory ' : ''}Serialized ${replication}x Replicated`;
  return Object.freeze({ name, useDisk, useMemory, useOffHeap: false, deserialized: false, replication, toString: () => description });
}

export const StorageLevel = Object.freeze({
  NONE: level('NONE', false, false, 1),
  MEMORY_ONLY: level('MEMORY_ONLY', true, false, 1),
  MEMORY_AND_DISK: level('MEMORY_AND_DISK', true, true, 1),
  DISK_ONLY: level('DISK_ONLY', false, true, 1),
  MEMORY_ONLY_2: level('MEMORY_ONLY_2', true, false, 2),
  MEMORY_AND_DISK_2: level('MEMORY_AND_DISK_2', true, true, 2),
});
