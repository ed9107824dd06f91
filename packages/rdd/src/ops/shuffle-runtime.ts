/** Worker-side functions of the shuffles: combining by key, sorting, repartitioning, range bounds. */
import type { RuntimeFunctions } from '../runtime/registry.js';
import { compareKeys } from '../keys/compare-keys.js';
import { TaskContext } from '../task-context.js';
import { sortWithinBudget } from '../memory/external-sort.js';
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
    const memory = TaskContext.get()?.taskMemory();
    if (keyOf) {
      const keyed = eachMapped(records, (kv): [unknown, Pair] => [keyOf(kv[0]), kv]);
      return eachMapped(sortWithinBudget(keyed, (a, b) => sign * compareKeys(a[0], b[0]), memory), (e) => e[1]);
    }
    return sortWithinBudget(records, (a, b) => sign * compareKeys(a[0], b[0]), memory);
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

function* eachMapped<T, U>(records: Iterable<T>, fn: (record: T) => U): Generator<U> {
  for (const record of records) yield fn(record);
}
