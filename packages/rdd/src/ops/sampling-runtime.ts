/** Worker-side functions of sample and randomSplit, seeded per partition so that reruns agree. */
import type { RuntimeFunctions } from '../runtime/registry.js';
import { seededRandom, partitionSeed, poisson } from '../runtime/seeded-random.js';

function sampleRecords(split: number, records: Iterable<unknown>, env: { withReplacement: boolean; fraction: number; seed: number }): unknown[] {
  const random = seededRandom(partitionSeed(env.seed, split));
  const out: unknown[] = [];
  for (const record of records) {
    const copies = env.withReplacement ? poisson(env.fraction, random) : random() < env.fraction ? 1 : 0;
    for (let i = 0; i < copies; i++) out.push(record);
  }
  return out;
}

export const SAMPLING_RUNTIME = {
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
} satisfies RuntimeFunctions;
