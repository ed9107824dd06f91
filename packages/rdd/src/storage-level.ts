/** Where a persisted RDD keeps its partitions; the `_2` levels keep a second copy on another worker. */
export interface StorageLevel {
  readonly name: string;
  readonly useMemory: boolean;
  readonly useDisk: boolean;
  readonly replication: 1 | 2;
}

const level = (name: string, useMemory: boolean, useDisk: boolean, replication: 1 | 2): StorageLevel =>
  Object.freeze({ name, useMemory, useDisk, replication });

export const StorageLevel = Object.freeze({
  NONE: level('NONE', false, false, 1),
  MEMORY_ONLY: level('MEMORY_ONLY', true, false, 1),
  MEMORY_AND_DISK: level('MEMORY_AND_DISK', true, true, 1),
  DISK_ONLY: level('DISK_ONLY', false, true, 1),
  MEMORY_ONLY_2: level('MEMORY_ONLY_2', true, false, 2),
  MEMORY_AND_DISK_2: level('MEMORY_AND_DISK_2', true, true, 2),
});
