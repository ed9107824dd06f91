/**
 * Coalescing shuffle partitions (Spark's ShufflePartitionsUtil): contiguous reduce partitions are
 * packed together while their total size stays within a target, so a shuffle into many small
 * partitions is read by a few tasks. The target is the advisory size, lowered (when parallelism
 * comes first) so that the data still spreads over the default parallelism, but never below the
 * minimum partition size.
 */
import type { AdaptiveOptions } from './adaptive-options.js';

export function targetPartitionSize(totalBytes: number, options: AdaptiveOptions): number {
  const spread = options.parallelismFirst ? Math.ceil(totalBytes / Math.max(options.parallelism, 1)) : options.advisoryPartitionSize;
  return Math.max(Math.min(options.advisoryPartitionSize, spread), options.minPartitionSize);
}

/** Groups of contiguous partitions, each at most `target` bytes unless a single partition is larger. */
export function coalescedGroups(sizes: readonly number[], target: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, partition) => {
    if (current.length > 0 && bytes + size > target) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(partition);
    bytes += size;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}
