/** Stratified sampling of pair RDDs: a sampling rate per key (PySpark's sampleByKey, Spark's sampleByKeyExact). */
import type { RDD } from '../rdd.js';
import { keyIdentity } from '../keys/key-identity.js';
import { runtimePartitions } from './narrow.js';
import { groupByKey } from './shuffle.js';

type Pair<K, V> = [K, V];

const randomSeed = (): number => Math.floor(Math.random() * 0x7fffffff);

/** Fractions as PySpark's dict: a Map from key to rate (a plain object is taken as string keys). */
export type Fractions<K> = Map<K, number> | Record<string, number>;

function fractionEntries<K>(fractions: Fractions<K>, operation: string): [unknown, number][] {
  if (fractions === null || typeof fractions !== 'object') throw new TypeError(`${operation}: fractions must be a Map from key to sampling rate`);
  const entries: [unknown, number][] = fractions instanceof Map ? [...fractions.entries()] : Object.entries(fractions);
  for (const [, fraction] of entries) {
    if (!(typeof fraction === 'number' && fraction >= 0)) throw new RangeError(`Negative fraction value: ${fraction}`);
  }
  return entries.map(([key, fraction]) => [keyIdentity(key), fraction]);
}

/** Each record is kept with its key's rate (Bernoulli), or drawn a Poisson number of times with replacement. */
export function sampleByKey<K, V>(rdd: RDD<Pair<K, V>>, withReplacement: boolean, fractions: Fractions<K>, seed = randomSeed()): RDD<Pair<K, V>> {
  const env = { withReplacement, fractions: fractionEntries(fractions, 'sampleByKey'), seed };
  return runtimePartitions(rdd, 'sampleByKeyPartition', env, { withIndex: true, preservesPartitioning: true });
}

/**
 * Exactly ceil(count(key) * fraction) records per key. Every record gets a seeded random rank, the
 * records of a key meet in one group (a shuffle into as many partitions as the RDD has), and each
 * group keeps its lowest ranks (or draws with replacement).
 */
export function sampleByKeyExact<K, V>(rdd: RDD<Pair<K, V>>, withReplacement: boolean, fractions: Fractions<K>, seed = randomSeed()): RDD<Pair<K, V>> {
  const entries = fractionEntries(fractions, 'sampleByKeyExact');
  if (!withReplacement && entries.some(([, fraction]) => fraction > 1)) {
    throw new RangeError('sampleByKeyExact: fractions must be in [0, 1] without replacement');
  }
  const ranked = runtimePartitions<Pair<K, [number, V]>>(rdd, 'rankRecords', { seed }, { withIndex: true });
  const groups = groupByKey(ranked, Math.max(rdd.getNumPartitions(), 1));
  return runtimePartitions(groups, 'exactSampleOfGroups', { withReplacement, fractions: entries, seed }, { withIndex: true, preservesPartitioning: true });
}
