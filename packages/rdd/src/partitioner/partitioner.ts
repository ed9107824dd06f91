/**
 * Partitioners decide which reduce partition a key goes to. They are plain data so that they
 * travel with shuffle map tasks; `partitionOf` runs on workers, where function references have
 * been compiled into functions.
 */
import type { FnRef } from '../fn/fn-ref.js';
import { hashPartition } from '../keys/portable-hash.js';
import { compareKeys } from '../keys/compare-keys.js';

export type Partitioner =
  | { readonly kind: 'hash'; readonly numPartitions: number }
  | { readonly kind: 'function'; readonly numPartitions: number; readonly fn: FnRef }
  | RangePartitioner;

/**
 * Sort partitioner: partition i holds keys between bounds[i-1] and bounds[i]. The bounds are
 * sampled from the data by a small job that the driver runs before the shuffle that uses them.
 */
export interface RangePartitioner {
  readonly kind: 'range';
  readonly numPartitions: number;
  readonly ascending: boolean;
  readonly keyfunc: FnRef | undefined;
  /** Undefined until the pre-job step (plan/prepare.ts) has sampled them. */
  readonly bounds: readonly unknown[] | undefined;
}

export function samePartitioner(a: Partitioner | undefined, b: Partitioner | undefined): boolean {
  if (!a || !b || a.kind !== b.kind || a.numPartitions !== b.numPartitions) return false;
  if (a.kind === 'hash') return true;
  if (a.kind === 'function' && b.kind === 'function') return a.fn.source === b.fn.source;
  return a === b;
}

/** Returns the function that maps a key to its partition; call on a worker. */
export function partitionFunction(partitioner: Partitioner): (key: unknown) => number {
  const n = partitioner.numPartitions;
  switch (partitioner.kind) {
    case 'hash':
      return (key) => hashPartition(key, n);
    case 'function': {
      const fn = partitioner.fn as unknown as (key: unknown) => number;
      return (key) => {
        const mod = Number(fn(key)) % n;
        return mod < 0 ? mod + n : mod;
      };
    }
    case 'range':
      return rangePartitionFunction(partitioner);
  }
}

function rangePartitionFunction(partitioner: RangePartitioner): (key: unknown) => number {
  const bounds = partitioner.bounds;
  if (!bounds) throw new Error('range partitioner used before its bounds were sampled');
  const keyfunc = partitioner.keyfunc as unknown as ((key: unknown) => unknown) | undefined;
  return (key) => {
    const k = keyfunc ? keyfunc(key) : key;
    let low = 0;
    let high = bounds.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareKeys(bounds[mid], k) < 0) low = mid + 1;
      else high = mid;
    }
    return partitioner.ascending ? low : bounds.length - low;
  };
}

/** Picks numPartitions-1 evenly spaced bounds from sorted samples (Spark's RangePartitioner.determineBounds). */
export function boundsFromSamples(samples: readonly unknown[], numPartitions: number): unknown[] {
  const sorted = [...samples].sort(compareKeys);
  const bounds: unknown[] = [];
  for (let i = 1; i < numPartitions && sorted.length > 0; i++) {
    const candidate = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / numPartitions))];
    if (bounds.length === 0 || compareKeys(bounds[bounds.length - 1], candidate) < 0) bounds.push(candidate);
  }
  return bounds;
}
