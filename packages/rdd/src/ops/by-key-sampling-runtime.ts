/**
 * Sampling by key (stratified sampling), on workers. `sampleByKey` draws each record on its own:
 * Bernoulli without replacement, Poisson with, at its key's rate. `sampleByKeyExact` draws each
 * key's sample from the whole group of that key's records, so its size is exactly
 * ceil(count * fraction), as Spark's sampleByKeyExact guarantees.
 */
import { keyIdentity } from '../keys/key-identity.js';
import type { RuntimeFunctions } from '../runtime/registry.js';
import { partitionSeed, poisson, seededRandom } from '../runtime/seeded-random.js';

type Pair = [unknown, unknown];

export interface StratifiedEnv {
  readonly withReplacement: boolean;
  /** [key identity, fraction] per key; the keys as the user gave them, compared by value. */
  readonly fractions: readonly (readonly [unknown, number])[];
  readonly seed: number;
}

function fractionLookup(env: StratifiedEnv): (key: unknown) => number {
  const fractions = new Map(env.fractions);
  return (key) => {
    const fraction = fractions.get(keyIdentity(key));
    if (fraction === undefined) throw new Error(`sampleByKey: no sampling fraction for key ${describeKey(key)}`);
    return fraction;
  };
}

function describeKey(key: unknown): string {
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}

function sampleByKeyPartition(split: number, records: Iterable<Pair>, env: StratifiedEnv): Pair[] {
  const fractionOf = fractionLookup(env);
  const random = seededRandom(partitionSeed(env.seed, split));
  const out: Pair[] = [];
  for (const record of records) {
    const fraction = fractionOf(record[0]);
    const copies = env.withReplacement ? poisson(fraction, random) : random() < fraction ? 1 : 0;
    for (let i = 0; i < copies; i++) out.push(record);
  }
  return out;
}

/** Gives every record a seeded random rank: [key, [rank, value]]. The exact sample keeps the lowest ranks. */
function rankRecords(split: number, records: Iterable<Pair>, env: { seed: number }): [unknown, [number, unknown]][] {
  const random = seededRandom(partitionSeed(env.seed, split));
  const out: [unknown, [number, unknown]][] = [];
  for (const [key, value] of records) out.push([key, [random(), value]]);
  return out;
}

/** Per key group: exactly ceil(n * fraction) records, the lowest-ranked ones, or drawn with replacement. */
function exactSampleOfGroups(split: number, groups: Iterable<[unknown, [number, unknown][]]>, env: StratifiedEnv): Pair[] {
  const fractionOf = fractionLookup(env);
  const random = seededRandom(partitionSeed(env.seed ^ 0x5bd1e995, split));
  const out: Pair[] = [];
  for (const [key, ranked] of groups) {
    const fraction = fractionOf(key);
    const size = Math.ceil(ranked.length * fraction);
    ranked.sort((a, b) => a[0] - b[0]);
    if (env.withReplacement) {
      for (let i = 0; i < size && ranked.length > 0; i++) out.push([key, ranked[Math.floor(random() * ranked.length)][1]]);
    } else {
      for (let i = 0; i < Math.min(size, ranked.length); i++) out.push([key, ranked[i][1]]);
    }
  }
  return out;
}

export const BY_KEY_SAMPLING_RUNTIME = { sampleByKeyPartition, rankRecords, exactSampleOfGroups } satisfies RuntimeFunctions;
