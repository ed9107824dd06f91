/**
 * Joins and set operations, built as PySpark builds them: tag each side's values with its index,
 * union, group by key (one shuffle), then split the groups per side.
 */
import type { RDD } from '../rdd.js';
import { runtimeElement, union } from './narrow.js';
import { groupByKey } from './shuffle.js';

type Pair<K, V> = [K, V];
export type JoinType = 'inner' | 'left' | 'right' | 'full';

export function cogroup<K>(rdds: RDD<Pair<K, unknown>>[], numPartitions?: number): RDD<Pair<K, unknown[][]>> {
  const tagged = rdds.map((rdd, index) => runtimeElement<Pair<K, Pair<number, unknown>>>(rdd, 'mapValues', 'tagValue', { index }));
  const n = numPartitions ?? Math.max(...rdds.map((r) => r.getNumPartitions()), 1);
  const grouped = groupByKey(union(tagged), n);
  return runtimeElement(grouped, 'mapValues', 'splitTaggedValues', { count: rdds.length });
}

/** Inner and outer joins: the cross product of both sides' values per key, `null` for a missing side. */
export function join<K, V, W>(left: RDD<Pair<K, V>>, right: RDD<Pair<K, W>>, type: JoinType, numPartitions?: number): RDD<Pair<K, unknown>> {
  return runtimeElement(cogroup([left, right], numPartitions), 'flatMapValues', 'joinValues', { type });
}

export function subtractByKey<K, V, W>(left: RDD<Pair<K, V>>, right: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, V>> {
  const grouped = cogroup([left, right], numPartitions);
  return runtimeElement(runtimeElement(grouped, 'filter', 'onlyLeftSide'), 'flatMapValues', 'leftSideValues');
}

/** Each pair of `left` whose key is also in `right` (PySpark 4's intersectByKey). */
export function intersectByKey<K, V, W>(left: RDD<Pair<K, V>>, right: RDD<Pair<K, W>>, numPartitions?: number): RDD<Pair<K, V>> {
  const grouped = cogroup([left, right], numPartitions);
  return runtimeElement(runtimeElement(grouped, 'filter', 'onBothSides'), 'flatMapValues', 'leftSideValues');
}

export function subtract<T>(left: RDD<T>, right: RDD<T>, numPartitions?: number): RDD<T> {
  const keyed = (rdd: RDD<T>) => runtimeElement<Pair<T, null>>(rdd, 'map', 'withNullValue');
  return subtractByKey(keyed(left), keyed(right), numPartitions).keys();
}

/** Elements in both RDDs, without duplicates. */
export function intersection<T>(left: RDD<T>, right: RDD<T>): RDD<T> {
  const keyed = (rdd: RDD<T>) => runtimeElement<Pair<T, null>>(rdd, 'map', 'withNullValue');
  return runtimeElement<Pair<T, unknown>>(cogroup([keyed(left), keyed(right)]), 'filter', 'onBothSides').keys();
}
