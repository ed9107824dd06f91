/**
 * Combining values by key inside one partition. Keys compare by value (see keyIdentity); the
 * original key object is kept for the output. Combiners are created and merged in input order,
 * which on the reduce side is map-partition order, as in Spark.
 */
import { keyIdentity } from '../keys/key-identity.js';
import { eachRecord } from './each-record.js';

type Pair = [unknown, unknown];
type Merge = (a: unknown, b: unknown) => unknown;

export interface CombineEnv {
  createCombiner?: (value: unknown) => unknown;
  zero?: unknown;
  mergeValue: Merge;
  mergeCombiners: Merge;
}

export function combineValuesByKey(records: Iterable<Pair>, env: CombineEnv): Pair[] {
  const { mergeValue, zero } = env;
  const create = env.createCombiner ?? ((value: unknown) => mergeValue(structuredClone(zero), value));
  return mergeByKey(records, create, mergeValue);
}

export function mergeCombinersByKey(records: Iterable<Pair>, env: { mergeCombiners: Merge }): Pair[] {
  return mergeByKey(records, (c) => c, env.mergeCombiners);
}

function mergeByKey(records: Iterable<Pair>, create: (v: unknown) => unknown, merge: Merge): Pair[] {
  const combined = new Map<unknown, Pair>();
  eachRecord(records, (record) => {
    const key = record[0];
    const id = typeof key === 'object' && key !== null ? keyIdentity(key) : key;
    const entry = combined.get(id);
    if (entry === undefined) combined.set(id, [key, create(record[1])]);
    else entry[1] = merge(entry[1], record[1]);
  });
  return [...combined.values()];
}
