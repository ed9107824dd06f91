/** Narrow transformations: each output partition depends on a bounded set of parent partitions. */
import type { RDD } from '../rdd.js';
import type { ElementOp, MapPartitionsNode } from '../plan/plan-node.js';
import { FnRef } from '../fn/fn-ref.js';
import { toFnRef } from '../fn/to-fn-ref.js';
import { runtimeFn } from '../runtime/core-runtime.js';
import { samePartitioner } from '../partitioner/partitioner.js';

type Pair<K, V> = [K, V];

export function element<T, U>(rdd: RDD<unknown>, op: ElementOp['op'], f: unknown, preservesPartitioning = false): RDD<U> {
  const node = { kind: 'elementwise', parent: rdd, step: { op, fn: toFnRef(f, op) } } as const;
  return rdd.derive<U>(preservesPartitioning ? { ...node, preservesPartitioning } : node);
}

export function mapPartitions<U>(rdd: RDD<unknown>, f: unknown, withIndex: boolean, preservesPartitioning: boolean, barrier = false): RDD<U> {
  const name = withIndex ? 'mapPartitionsWithIndex' : 'mapPartitions';
  const fn = f instanceof FnRef ? f : toFnRef(f, barrier ? `barrier ${name}` : name);
  const node = { kind: 'mapPartitions', parent: rdd, fn, withIndex, preservesPartitioning } as const;
  return rdd.derive<U>(barrier ? { ...node, barrier } : node);
}

/** An internal partition function from the runtime (see runtime/core-runtime.ts). */
export function runtimePartitions<U>(
  rdd: RDD<unknown>,
  name: Parameters<typeof runtimeFn>[0],
  env?: Record<string, unknown>,
  options: { withIndex?: boolean; preservesPartitioning?: boolean } = {},
): RDD<U> {
  return mapPartitions<U>(rdd, runtimeFn(name, env), options.withIndex ?? false, options.preservesPartitioning ?? false);
}

export function glom<T>(rdd: RDD<T>): RDD<T[]> {
  return runtimePartitions(rdd, 'glom');
}

export function keys<K, V>(rdd: RDD<Pair<K, V>>): RDD<K> {
  return runtimeElement(rdd, 'map', 'pairKey');
}

export function values<K, V>(rdd: RDD<Pair<K, V>>): RDD<V> {
  return runtimeElement(rdd, 'map', 'pairValue');
}

export function union<T>(rdds: RDD<T>[]): RDD<T> {
  const first = rdds[0].partitioner;
  const partitionerAware = first !== undefined && rdds.every((r) => samePartitioner(r.partitioner, first));
  const flattenable = (r: RDD<T>) => r.node.kind === 'union' && !r.isCached && r.node.partitionerAware === partitionerAware;
  const parents = rdds.flatMap((r) => (flattenable(r) && r.node.kind === 'union' ? (r.node.parents as RDD<T>[]) : [r]));
  return rdds[0].derive<T>({ kind: 'union', parents, partitionerAware });
}

/**
 * Without a shuffle, output partition i takes the parent partitions
 * [floor(i*n/k), floor((i+1)*n/k)), as Spark's coalescer does when there is no locality to use.
 */
export function coalesce<T>(rdd: RDD<T>, numPartitions: number): RDD<T> {
  requirePositive(numPartitions, 'coalesce');
  return rdd.derive<T>({ kind: 'coalesce', parent: rdd, groups: evenGroups(rdd.getNumPartitions(), numPartitions) });
}

/** At most `numPartitions` groups of contiguous partitions of `n`, as even as can be. */
export function evenGroups(n: number, numPartitions: number): number[][] {
  const k = Math.min(numPartitions, Math.max(n, 1));
  const groups: number[][] = [];
  for (let i = 0; i < k; i++) {
    const group: number[] = [];
    for (let p = Math.floor((i * n) / k); p < Math.floor(((i + 1) * n) / k); p++) group.push(p);
    groups.push(group);
  }
  return groups;
}

export function zip<T, U>(rdd: RDD<T>, other: RDD<U>): RDD<Pair<T, U>> {
  if (rdd.getNumPartitions() !== other.getNumPartitions()) {
    throw new Error(
      `Can only zip RDDs with the same number of partitions (${rdd.getNumPartitions()} and ${other.getNumPartitions()})`,
    );
  }
  return rdd.derive({ kind: 'zip', parents: [rdd, other] });
}

export function cartesian<T, U>(rdd: RDD<T>, other: RDD<U>): RDD<Pair<T, U>> {
  return rdd.derive({ kind: 'cartesian', parents: [rdd, other] });
}

/** Element k of partition i gets id i + k * numPartitions: unique, no job needed. */
export function zipWithUniqueId<T>(rdd: RDD<T>): RDD<Pair<T, number>> {
  return runtimePartitions(rdd, 'zipWithUniqueId', { numPartitions: rdd.getNumPartitions() }, { withIndex: true });
}

/**
 * Indexes in partition order; the start index of each partition is counted by a job that the
 * driver runs before the first job over this RDD (a pre-job step, see plan/prepare.ts).
 */
export function zipWithIndex<T>(rdd: RDD<T>): RDD<Pair<T, number>> {
  const fn = runtimeFn('zipWithIndex');
  return rdd.derive({ kind: 'mapPartitions', parent: rdd, fn, withIndex: true, preservesPartitioning: false, beforeJob: countStartIndices });
}

async function countStartIndices(node: MapPartitionsNode): Promise<MapPartitionsNode> {
  const counter = runtimePartitions<number>(node.parent, 'countPartition');
  const counts = (await node.parent.context.submitJob<number>(counter, { description: 'zipWithIndex (count partitions)' })).flat();
  const startIndices = [0];
  for (let i = 0; i < counts.length - 1; i++) startIndices.push(startIndices[i] + counts[i]);
  return { ...node, fn: runtimeFn('zipWithIndex', { startIndices }), beforeJob: undefined };
}

export function pipe<T>(rdd: RDD<T>, command: string, env: Record<string, string>, checkCode: boolean): RDD<string> {
  if (typeof command !== 'string' || command.trim() === '') throw new TypeError('pipe() expects a shell command string');
  return rdd.derive<string>({ kind: 'pipe', parent: rdd, command, env, checkCode });
}

export function requirePositive(n: number, operation: string): void {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`${operation}: the number of partitions must be a positive integer, got ${n}`);
  }
}

/** An element-wise step running a runtime function. */
export function runtimeElement<U>(rdd: RDD<unknown>, op: ElementOp['op'], name: Parameters<typeof runtimeFn>[0], env?: Record<string, unknown>): RDD<U> {
  return rdd.derive<U>({ kind: 'elementwise', parent: rdd, step: { op, fn: runtimeFn(name, env) } });
}

/**
 * The same mapPartitions RDD with a pre-job step (see plan/prepare.ts): before the first job over
 * it, `beforeJob` may run jobs and return the node to compute instead (the SQL layer's adaptive
 * execution re-plans the reader of a shuffle once the shuffle's map outputs are measured).
 */
export function withPreJobStep<T>(rdd: RDD<T>, beforeJob: (node: MapPartitionsNode) => Promise<MapPartitionsNode>): RDD<T> {
  const node = rdd.node;
  if (node.kind !== 'mapPartitions') throw new Error(`withPreJobStep: expects a mapPartitions RDD, got ${node.kind}`);
  return rdd.derive<T>({ ...node, beforeJob });
}

/** Partition i is the concatenation of the parent's partitions `groups[i]` (Spark's CoalescedRDD with given groups). */
export function coalesceGroups<T>(rdd: RDD<T>, groups: readonly (readonly number[])[]): RDD<T> {
  const n = rdd.getNumPartitions();
  if (groups.some((group) => group.some((p) => !Number.isInteger(p) || p < 0 || p >= n))) {
    throw new RangeError(`coalesceGroups: every group must list partitions of the parent (0 to ${n - 1})`);
  }
  return rdd.derive<T>({ kind: 'coalesce', parent: rdd, groups });
}
