/**
 * Flint's own task functions, referenced by name from plans (`runtime:<name>`) and resolved on the
 * worker. They receive their env, with any user functions in it already compiled, as the last
 * argument, exactly as user functions receive their captured env.
 */
import { compareKeys } from '../keys/compare-keys.js';
import { keyIdentity } from '../keys/key-identity.js';
import { combineValuesByKey, mergeCombinersByKey } from './combine.js';
import { StatCounter } from './stat-counter.js';
import { seededRandom, partitionSeed } from './seeded-random.js';

type Pair = [unknown, unknown];
type Fn = (...args: unknown[]) => unknown;

function sampleRecords(split: number, records: Iterable<unknown>, env: { withReplacement: boolean; fraction: number; seed: number }): unknown[] {
  const random = seededRandom(partitionSeed(env.seed, split));
  const out: unknown[] = [];
  for (const record of records) {
    const copies = env.withReplacement ? poisson(env.fraction, random) : random() < env.fraction ? 1 : 0;
    for (let i = 0; i < copies; i++) out.push(record);
  }
  return out;
}

/** Knuth's method; fine for the small means that sampling fractions give. */
function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function takeOrderedPartition(records: Iterable<unknown>, env: { num: number; key?: Fn; reverse: boolean }): unknown[] {
  const keyOf = env.key ?? ((x: unknown) => x);
  const sign = env.reverse ? -1 : 1;
  return [...records]
    .map((record) => ({ record, key: keyOf(record) }))
    .sort((a, b) => sign * compareKeys(a.key, b.key))
    .slice(0, env.num)
    .map((entry) => entry.record);
}

function histogramPartition(records: Iterable<number | string>, env: { buckets: (number | string)[]; even: boolean; increment: number }): number[][] {
  const { buckets, even, increment } = env;
  const min = buckets[0];
  const max = buckets[buckets.length - 1];
  const counters = new Array<number>(buckets.length).fill(0);
  for (const x of records) {
    if (x === null || x === undefined || Number.isNaN(x) || x > max || x < min) continue;
    counters[even ? Math.floor(((x as number) - (min as number)) / increment) : bisectRight(buckets, x) - 1] += 1;
  }
  const last = counters.pop()!;
  counters[counters.length - 1] += last;
  return [counters];
}

function bisectRight<V extends number | string>(sorted: V[], x: V): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (x < sorted[mid]) high = mid;
    else low = mid + 1;
  }
  return low;
}

function joinValues([left, right]: [unknown[], unknown[]], env: { type: 'inner' | 'left' | 'right' | 'full' }): Pair[] {
  const lefts = left.length === 0 && (env.type === 'right' || env.type === 'full') ? [null] : left;
  const rights = right.length === 0 && (env.type === 'left' || env.type === 'full') ? [null] : right;
  const out: Pair[] = [];
  for (const v of lefts) for (const w of rights) out.push([v, w]);
  return out;
}

export const RUNTIME = {
  identity: (x: unknown) => x,
  firstArgument: (a: unknown) => a,
  pairKey: (kv: Pair) => kv[0],
  pairValue: (kv: Pair) => kv[1],
  withNullValue: (x: unknown) => [x, null],
  singletonList: (v: unknown) => [v],
  appendToList: (list: unknown[], v: unknown) => (list.push(v), list),
  concatLists: (a: unknown[], b: unknown[]) => (a.push(...b), a),
  tagValue: (v: unknown, env: { index: number }) => [env.index, v],
  splitTaggedValues: (tagged: [number, unknown][], env: { count: number }) => {
    const sides: unknown[][] = Array.from({ length: env.count }, () => []);
    for (const [index, value] of tagged) sides[index].push(value);
    return sides;
  },
  joinValues,
  onlyLeftSide: (kv: [unknown, unknown[][]]) => kv[1][0].length > 0 && kv[1][1].length === 0,
  leftSideValues: (sides: unknown[][]) => sides[0],
  onBothSides: (kv: [unknown, unknown[][]]) => kv[1][0].length > 0 && kv[1][1].length > 0,
  /** `keyId` is the looked-up key's identity, computed once on the driver rather than per record. */
  hasKey: (kv: Pair, env: { keyId: unknown }) => keyIdentity(kv[0]) === env.keyId,
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
  glom: (records: Iterable<unknown>) => [[...records]],
  countPartition: (records: Iterable<unknown>) => {
    let n = 0;
    for (const _ of records) n++;
    return [n];
  },
  takePartition: (records: Iterable<unknown>, env: { num: number }) => {
    const out: unknown[] = [];
    if (env.num <= 0) return out;
    for (const record of records) if (out.push(record) >= env.num) break;
    return out;
  },
  takeOrderedPartition,
  reducePartition: (records: Iterable<unknown>, env: { f: Fn }) => {
    let acc: unknown;
    let first = true;
    for (const record of records) {
      acc = first ? record : env.f(acc, record);
      first = false;
    }
    return first ? [] : [acc];
  },
  aggregatePartition: (records: Iterable<unknown>, env: { zero: unknown; seqOp: Fn }) => {
    let acc = structuredClone(env.zero);
    for (const record of records) acc = env.seqOp(acc, record);
    return [acc];
  },
  keyByPartitionModulo: (split: number, records: Iterable<unknown>, env: { modulo: number }) => {
    const key = split % env.modulo;
    return [...records].map((r) => [key, r]);
  },
  optionalReduce: (acc: unknown[], x: unknown, env: { f: Fn }) => (acc.length === 0 ? [x] : [env.f(acc[0], x)]),
  optionalMerge: (a: unknown[], b: unknown[], env: { f: Fn }) => (a.length === 0 ? b : b.length === 0 ? a : [env.f(a[0], b[0])]),
  countValues: (records: Iterable<unknown>) => {
    const counts = new Map<unknown, [unknown, number]>();
    for (const record of records) {
      const id = keyIdentity(record);
      const entry = counts.get(id);
      if (entry) entry[1]++;
      else counts.set(id, [record, 1]);
    }
    return [...counts.values()];
  },
  /** Smallest, largest and count of the non-null, non-NaN elements (histogram's bucket range). */
  minMaxCount: (records: Iterable<unknown>) => {
    let min: unknown;
    let max: unknown;
    let count = 0;
    for (const x of records) {
      if (x === null || x === undefined || Number.isNaN(x)) continue;
      if (count === 0 || compareKeys(x, min) < 0) min = x;
      if (count === 0 || compareKeys(x, max) > 0) max = x;
      count++;
    }
    return count === 0 ? [] : [{ min, max, count }];
  },
  statsPartition: (records: Iterable<number>) => {
    const counter = new StatCounter();
    for (const x of records) counter.add(x);
    return [counter.state()];
  },
  sumPartition: (records: Iterable<number>) => {
    let total = 0;
    for (const x of records) total += x;
    return [total];
  },
  histogramPartition,
  foreachRecord: async (records: Iterable<unknown>, env: { f: Fn }) => {
    for (const record of records) {
      const result = env.f(record);
      if (result instanceof Promise) await result;
    }
    return [];
  },
  foreachPartitionCall: async (records: Iterable<unknown>, env: { f: Fn }) => {
    await env.f(records);
    return [];
  },
  sample: sampleRecords,
  sampleCell: (split: number, records: Iterable<unknown>, env: { lower: number; upper: number; seed: number }) => {
    const random = seededRandom(partitionSeed(env.seed, split));
    const out: unknown[] = [];
    for (const record of records) {
      const x = random();
      if (x >= env.lower && x < env.upper) out.push(record);
    }
    return out;
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
  zipWithIndex: (split: number, records: Iterable<unknown>, env: { startIndices: number[] }) => {
    let index = env.startIndices[split];
    return [...records].map((r) => [r, index++]);
  },
  zipWithUniqueId: (split: number, records: Iterable<unknown>, env: { numPartitions: number }) => {
    let k = 0;
    return [...records].map((r) => [r, split + k++ * env.numPartitions]);
  },
  /** Round-robin keys from a seeded start, so that repartition spreads every partition evenly. */
  addShuffleKey: (split: number, records: Iterable<unknown>, env: { numPartitions: number }) => {
    let position = Math.floor(seededRandom(partitionSeed(split, 7))() * env.numPartitions);
    return [...records].map((r) => [position++ % env.numPartitions, r]);
  },
} satisfies Record<string, (...args: never[]) => unknown>;

export type RuntimeFunctionName = keyof typeof RUNTIME;

export function runtimeFunction(name: string): Fn {
  const fn = (RUNTIME as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`Unknown Flint runtime function '${name}'`);
  return fn as Fn;
}
