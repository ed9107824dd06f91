import { describe, expect, it } from 'vitest';
import { coalescedGroups, targetPartitionSize } from '../../src/physical/adaptive/partition-coalescing.js';

const MB = 1024 * 1024;
const options = { enabled: true, advisoryPartitionSize: 64 * MB, minPartitionSize: MB, parallelismFirst: true, parallelism: 4, initialPartitionNum: 200 };

describe('coalescing shuffle partitions (Spark ShufflePartitionsUtil)', () => {
  it('packs contiguous partitions while their total stays within the target', () => {
    expect(coalescedGroups([10, 20, 30, 5, 5, 40], 50)).toEqual([[0, 1], [2, 3, 4], [5]]);
  });

  it('keeps a partition larger than the target on its own, and empty partitions join their neighbours', () => {
    expect(coalescedGroups([0, 120, 0, 0, 30], 100)).toEqual([[0], [1], [2, 3, 4]]);
    expect(coalescedGroups([], 100)).toEqual([]);
  });

  it('aims at the advisory size, lowered to spread over the parallelism, never below the minimum', () => {
    expect(targetPartitionSize(1000 * MB, options)).toBe(64 * MB);
    expect(targetPartitionSize(100 * MB, options)).toBe(25 * MB);
    expect(targetPartitionSize(2 * MB, options)).toBe(MB);
    expect(targetPartitionSize(100 * MB, { ...options, parallelismFirst: false })).toBe(64 * MB);
  });
});
