/**
 * Shuffle transformations. As in PySpark, one primitive moves data — a `shuffled` node that
 * repartitions pairs by a partitioner — and the rest is narrow work on either side of it:
 * `combineByKey` combines within each map partition first (map-side combine), shuffles the
 * combiners, then merges them in map-partition order on the reduce side.
 */
import type { RDD } from '../rdd.js';
import type { FnRef } from '../fn/fn-ref.js';
import { toFnRef } from '../fn/to-fn-ref.js';
import { runtimeFn } from '../runtime/core-runtime.js';
import { samePartitioner, type Partitioner } from '../partitioner/partitioner.js';
import { runtimePartitions, runtimeElement, requirePositive } from './narrow.js';

type Pair<K, V> = [K, V];

export interface Aggregator {
  createCombiner: unknown;
  mergeValue: unknown;
  mergeCombiners: unknown;
}

/** Spark's default when no partition count is given: as many as the parent has. */
function reducePartitions(rdd: RDD<unknown>, numPartitions: number | undefined, operation: string): number {
  const n = numPartitions ?? Math.max(rdd.getNumPartitions(), 1);
  requirePositive(n, operation);
  return n;
}

export function shuffled<K, V>(rdd: RDD<Pair<K, V>>, partitioner: Partitioner): RDD<Pair<K, V>> {
  return rdd.derive({ kind: 'shuffled', parent: rdd, shuffleId: rdd.context.newShuffleId(), partitioner });
}

export function partitionBy<K, V>(rdd: RDD<Pair<K, V>>, numPartitions?: number, partitionFunc?: unknown): RDD<Pair<K, V>> {
  const partitioner = keyPartitioner(rdd, numPartitions, partitionFunc, 'partitionBy');
  return samePartitioner(rdd.partitioner, partitioner) ? rdd : shuffled(rdd, partitioner);
}

/** Hash partitioning (portable hash) unless the user gives a partition function, as PySpark's `partitionFunc`. */
function keyPartitioner(rdd: RDD<unknown>, numPartitions: number | undefined, partitionFunc: unknown, operation: string): Partitioner {
  const n = reducePartitions(rdd, numPartitions, operation);
  return partitionFunc === undefined ? { kind: 'hash', numPartitions: n } : { kind: 'function', numPartitions: n, fn: toFnRef(partitionFunc, operation) };
}

interface CombineFns {
  createCombiner?: FnRef;
  zero?: unknown;
  mergeValue: FnRef;
  mergeCombiners: FnRef;
}

function combine<K, V, C>(
  rdd: RDD<Pair<K, V>>,
  fns: CombineFns,
  numPartitions: number | undefined,
  mapSideCombine: boolean,
  partitionFunc?: unknown,
): RDD<Pair<K, C>> {
  const partitioner = keyPartitioner(rdd, numPartitions, partitionFunc, 'combineByKey');
  if (samePartitioner(rdd.partitioner, partitioner)) {
    return runtimePartitions(rdd, 'combineValuesByKey', { ...fns }, { preservesPartitioning: true });
  }
  if (!mapSideCombine) {
    return runtimePartitions(shuffled(rdd, partitioner), 'combineValuesByKey', { ...fns }, { preservesPartitioning: true });
  }
  const combinedLocally = runtimePartitions<Pair<K, C>>(rdd, 'combineValuesByKey', { ...fns });
  return runtimePartitions(shuffled(combinedLocally, partitioner), 'mergeCombinersByKey', { mergeCombiners: fns.mergeCombiners }, {
    preservesPartitioning: true,
  });
}

export function combineByKey<K, V, C>(rdd: RDD<Pair<K, V>>, aggregator: Aggregator, numPartitions?: number, partitionFunc?: unknown): RDD<Pair<K, C>> {
  const fns: CombineFns = {
    createCombiner: toFnRef(aggregator.createCombiner, 'combineByKey'),
    mergeValue: toFnRef(aggregator.mergeValue, 'combineByKey'),
    mergeCombiners: toFnRef(aggregator.mergeCombiners, 'combineByKey'),
  };
  return combine(rdd, fns, numPartitions, true, partitionFunc);
}

export function reduceByKey<K, V>(rdd: RDD<Pair<K, V>>, func: unknown, numPartitions?: number, partitionFunc?: unknown): RDD<Pair<K, V>> {
  const merge = toFnRef(func, 'reduceByKey');
  return combine(rdd, { createCombiner: runtimeFn('identity'), mergeValue: merge, mergeCombiners: merge }, numPartitions, true, partitionFunc);
}

/** The zero value is copied for every key (it may be mutable), as Spark deserializes a fresh copy. */
export function aggregateByKey<K, V, U>(
  rdd: RDD<Pair<K, V>>,
  zero: U,
  seqFunc: unknown,
  combFunc: unknown,
  numPartitions?: number,
  partitionFunc?: unknown,
): RDD<Pair<K, U>> {
  const fns: CombineFns = {
    zero,
    mergeValue: toFnRef(seqFunc, 'aggregateByKey'),
    mergeCombiners: toFnRef(combFunc, 'aggregateByKey'),
  };
  return combine(rdd, fns, numPartitions, true, partitionFunc);
}

/** Grouping gains nothing from map-side combine (Spark disables it): values are shuffled as they are. */
export function groupByKey<K, V>(rdd: RDD<Pair<K, V>>, numPartitions?: number, partitionFunc?: unknown): RDD<Pair<K, V[]>> {
  const fns: CombineFns = {
    createCombiner: runtimeFn('singletonList'),
    mergeValue: runtimeFn('appendToList'),
    mergeCombiners: runtimeFn('concatLists'),
  };
  return combine(rdd, fns, numPartitions, false, partitionFunc);
}

export function distinct<T>(rdd: RDD<T>, numPartitions?: number): RDD<T> {
  const pairs = runtimeElement<Pair<T, null>>(rdd, 'map', 'withNullValue');
  const first = runtimeFn('firstArgument');
  return combine<T, null, null>(pairs, { createCombiner: runtimeFn('identity'), mergeValue: first, mergeCombiners: first }, numPartitions, true).keys();
}

/** Spreads elements round-robin from a seeded start position per partition, shuffles, drops the keys. */
export function repartition<T>(rdd: RDD<T>, numPartitions: number): RDD<T> {
  requirePositive(numPartitions, 'repartition');
  const keyed = runtimePartitions<Pair<number, T>>(rdd, 'addShuffleKey', { numPartitions }, { withIndex: true });
  return shuffled(keyed, { kind: 'hash', numPartitions }).values();
}

export function sortByKey<K, V>(rdd: RDD<Pair<K, V>>, ascending: boolean, numPartitions?: number, keyfunc?: unknown): RDD<Pair<K, V>> {
  const n = reducePartitions(rdd, numPartitions, 'sortByKey');
  const keyRef = keyfunc === undefined ? undefined : toFnRef(keyfunc, 'sortByKey');
  const partitioner: Partitioner = { kind: 'range', numPartitions: n, ascending, keyfunc: keyRef, bounds: n === 1 ? [] : undefined };
  return runtimePartitions(shuffled(rdd, partitioner), 'sortByKey', { ascending, keyfunc: keyRef }, { preservesPartitioning: true });
}

export function repartitionAndSortWithinPartitions<K, V>(
  rdd: RDD<Pair<K, V>>,
  numPartitions: number | undefined,
  partitionFunc: unknown,
  ascending: boolean,
  keyfunc: unknown,
): RDD<Pair<K, V>> {
  const keyRef = keyfunc === undefined ? undefined : toFnRef(keyfunc, 'repartitionAndSortWithinPartitions');
  const partitioned = partitionBy(rdd, numPartitions, partitionFunc);
  return runtimePartitions(partitioned, 'sortByKey', { ascending, keyfunc: keyRef }, { preservesPartitioning: true });
}
