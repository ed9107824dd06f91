/** Worker-side functions of the shuffles: combining by key, sorting, repartitioning, range bounds. */
import type { RuntimeFunctions } from '../runtime/registry.js';
import { compareKeys } from '../keys/compare-keys.js';
import { combineValuesByKey, mergeCombinersByKey } from '../runtime/combine.js';
import { seededRandom, partitionSeed } from '../runtime/seeded-random.js';

type Pair = [unknown, unknown];
type Fn = (...args: unknown[]) => unknown;

export const SHUFFLE_RUNTIME = {
  singletonList: (v: unknown) => [v],
  appendToList: (list: unknown[], v: unknown) => (list.push(v), list),
  concatLists: (a: unknown[], b: unknown[]) => (a.push(...b), a),
  combineValuesByKey,
  mergeCombinersByKey,
  sortByKey: (records: Iterable<Pair>, env: { ascending: boolean; keyfunc?: Fn }) => {
    const sign = env.ascending ? 1 : -1;
    const keyOf = env.keyfunc;
    const sorted = [...records];
    if (keyOf) {
      return sorted
        .map((kv) => ({ kv, key: keyOf(kv[0]) }))
        .sort((a, b) => sign * compareKeys(a.key, b.key))
        .map((e) => e.kv);
    }
    return sorted.sort((a, b) => sign * compareKeys(a[0], b[0]));
  },
  /** Round-robin keys from a seeded start, so that repartition spreads every partition evenly. */
  addShuffleKey: (split: number, records: Iterable<unknown>, env: { numPartitions: number }) => {
    let position = Math.floor(seededRandom(partitionSeed(split, 7))() * env.numPartitions);
    return [...records].map((r) => [position++ % env.numPartitions, r]);
  },
  /** Reservoir sample of keys (after keyfunc), for range partition bounds. */
  sampleKeys: (split: number, records: Iterable<Pair>, env: { num: number; keyfunc?: Fn }) => {
    const random = seededRandom(partitionSeed(17, split));
    const reservoir: unknown[] = [];
    let seen = 0;
    for (const record of records) {
      const key = env.keyfunc ? env.keyfunc(record[0]) : record[0];
      seen++;
      if (reservoir.length < env.num) reservoir.push(key);
      else {
        const slot = Math.floor(random() * seen);
        if (slot < env.num) reservoir[slot] = key;
      }
    }
    return reservoir;
  },
} satisfies RuntimeFunctions;
