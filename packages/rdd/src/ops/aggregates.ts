/**
 * Aggregating actions. Each partition is aggregated on a worker; the partial results are merged on
 * the driver with the user's own function (or, for the tree variants, in further shuffle rounds).
 */
import type { RDD } from '../rdd.js';
import { toFnRef } from '../fn/to-fn-ref.js';
import { runtimeFn } from '../runtime/core-runtime.js';
import { localFunction } from '../fn/local-call.js';
import { keyIdentity } from '../keys/key-identity.js';
import { runtimePartitions } from './narrow.js';
import { takeOrdered } from './actions.js';

const EMPTY_REDUCE = 'Can not reduce() empty RDD';

export async function reduce<T>(rdd: RDD<T>, f: unknown): Promise<T> {
  const perPartition = runtimePartitions<T>(rdd, 'reducePartition', { f: toFnRef(f, 'reduce') });
  const partials = (await rdd.context.submitJob<T>(perPartition, { description: 'reduce', source: rdd })).flat();
  if (partials.length === 0) throw new Error(EMPTY_REDUCE);
  return partials.reduce(localFunction<(a: T, b: T) => T>(f, 2));
}

/** Spark's aggregate: the zero value is used once per partition and once more in the final merge. */
export async function aggregate<T, U>(rdd: RDD<T>, zero: U, seqOp: unknown, combOp: unknown): Promise<U> {
  const seq = toFnRef(seqOp, 'aggregate');
  toFnRef(combOp, 'aggregate');
  const perPartition = runtimePartitions<U>(rdd, 'aggregatePartition', { zero, seqOp: seq });
  const partials = (await rdd.context.submitJob<U>(perPartition, { description: 'aggregate', source: rdd })).flat();
  return partials.reduce(localFunction<(a: U, b: U) => U>(combOp, 2), structuredClone(zero));
}

/** Merges partial aggregates in a tree of shuffles of shrinking width (PySpark's treeAggregate). */
export async function treeAggregate<T, U>(rdd: RDD<T>, zero: U, seqOp: unknown, combOp: unknown, depth: number): Promise<U> {
  if (!(depth >= 1)) throw new RangeError(`treeAggregate: depth must be >= 1, got ${depth}`);
  const seq = toFnRef(seqOp, 'treeAggregate');
  const comb = toFnRef(combOp, 'treeAggregate');
  if (rdd.getNumPartitions() === 0) return structuredClone(zero);
  let partials = runtimePartitions<U>(rdd, 'aggregatePartition', { zero, seqOp: seq });
  let numPartitions = partials.getNumPartitions();
  const scale = Math.max(Math.ceil(numPartitions ** (1 / depth)), 2);
  while (numPartitions > scale + numPartitions / scale) {
    numPartitions = Math.floor(numPartitions / scale);
    const keyed = runtimePartitions<[number, U]>(partials, 'keyByPartitionModulo', { modulo: numPartitions }, { withIndex: true });
    partials = keyed.reduceByKey(comb as never, numPartitions).values();
  }
  const single = runtimePartitions<[number, U]>(partials, 'keyByPartitionModulo', { modulo: 1 }, { withIndex: true });
  const [result] = (await single.reduceByKey(comb as never, 1).values().collect()) as U[];
  return result;
}

/** treeReduce as treeAggregate over optional values ([] or [v]), so that an empty RDD is detected. */
export async function treeReduce<T>(rdd: RDD<T>, f: unknown, depth: number): Promise<T> {
  const fn = toFnRef(f, 'treeReduce');
  const seqOp = runtimeFn('optionalReduce', { f: fn });
  const combOp = runtimeFn('optionalMerge', { f: fn });
  const result = await treeAggregate<T, T[]>(rdd, [], seqOp, combOp, depth);
  if (result.length === 0) throw new Error(EMPTY_REDUCE);
  return result[0];
}

export async function extreme<T>(rdd: RDD<T>, key: unknown, which: 'max' | 'min'): Promise<T> {
  const [best] = await takeOrdered(rdd, 1, key, which === 'max');
  if (best === undefined && (await rdd.isEmpty())) throw new Error(EMPTY_REDUCE);
  return best;
}

/** Counts of each distinct value; values compare by value, so `[1, 2]` built twice counts as one. */
export async function countByValue<T>(rdd: RDD<T>): Promise<Map<T, number>> {
  const perPartition = runtimePartitions<[T, number]>(rdd, 'countValues');
  const partials = (await rdd.context.submitJob<[T, number]>(perPartition, { description: 'countByValue', source: rdd })).flat();
  const counts = new Map<unknown, [T, number]>();
  for (const [value, n] of partials) {
    const id = keyIdentity(value);
    const entry = counts.get(id);
    if (entry) entry[1] += n;
    else counts.set(id, [value, n]);
  }
  return new Map([...counts.values()]);
}

/** Merges values per key within each partition on workers, then the partitions' maps here, in partition order. */
export async function reduceByKeyLocally<K, V>(rdd: RDD<[K, V]>, f: unknown): Promise<Map<K, V>> {
  const fn = toFnRef(f, 'reduceByKeyLocally');
  const perPartition = runtimePartitions<[K, V]>(rdd, 'combineValuesByKey', { createCombiner: runtimeFn('identity'), mergeValue: fn, mergeCombiners: fn });
  const partials = await rdd.context.submitJob<[K, V]>(perPartition, { description: 'reduceByKeyLocally', source: rdd });
  const merge = localFunction<(a: V, b: V) => V>(f, 2);
  const merged = new Map<unknown, [K, V]>();
  for (const [key, value] of partials.flat()) {
    const id = keyIdentity(key);
    const entry = merged.get(id);
    if (entry) entry[1] = merge(entry[1], value);
    else merged.set(id, [key, value]);
  }
  return new Map([...merged.values()]);
}
