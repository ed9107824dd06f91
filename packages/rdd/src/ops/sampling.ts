/** Random sampling: Bernoulli or Poisson per element, seeded per partition so that reruns agree. */
import type { RDD } from '../rdd.js';
import { runtimePartitions } from './narrow.js';
import { collect } from './actions.js';
import { seededRandom } from '../runtime/seeded-random.js';

const randomSeed = (): number => Math.floor(Math.random() * 0x7fffffff);

export function sample<T>(rdd: RDD<T>, withReplacement: boolean, fraction: number, seed = randomSeed()): RDD<T> {
  if (!(fraction >= 0)) throw new RangeError(`sample: fraction must be >= 0, got ${fraction}`);
  if (!withReplacement && fraction > 1) throw new RangeError(`sample: fraction must be in [0, 1] without replacement, got ${fraction}`);
  return runtimePartitions(rdd, 'sample', { withReplacement, fraction, seed }, { withIndex: true, preservesPartitioning: true });
}

/**
 * Splits by weight: every split draws the same random number per element and keeps the element
 * when it falls in its own [lower, upper) cell, so the splits are disjoint and cover the RDD.
 */
export function randomSplit<T>(rdd: RDD<T>, weights: number[], seed = randomSeed()): RDD<T>[] {
  if (weights.length === 0 || weights.some((w) => !(w >= 0))) throw new RangeError('randomSplit: weights must be non-negative numbers');
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError('randomSplit: the sum of weights must be positive');
  let lower = 0;
  return weights.map((w) => {
    const upper = lower + w / total;
    const split = runtimePartitions<T>(rdd, 'sampleCell', { lower, upper, seed }, { withIndex: true, preservesPartitioning: true });
    lower = upper;
    return split;
  });
}

/** PySpark's takeSample: count, oversample with a fraction that almost surely yields enough, then shuffle and cut. */
export async function takeSample<T>(rdd: RDD<T>, withReplacement: boolean, num: number, seed = randomSeed()): Promise<T[]> {
  if (num < 0) throw new RangeError('takeSample: sample size cannot be negative');
  if (num === 0) return [];
  const total = await rdd.count();
  if (total === 0) return [];
  const random = seededRandom(seed);
  if (!withReplacement && num >= total) return shuffleInPlace(await collect(rdd), random);
  const fraction = sampleFraction(num, total, withReplacement);
  let samples = await collect(sample(rdd, withReplacement, fraction, seed));
  for (let attempt = 1; samples.length < num; attempt++) {
    samples = await collect(sample(rdd, withReplacement, fraction, seed + attempt));
  }
  return shuffleInPlace(samples, random).slice(0, num);
}

/** The fraction whose sample size is at least `num` with probability 0.9999 (Spark's SamplingUtils). */
function sampleFraction(num: number, total: number, withReplacement: boolean): number {
  const fraction = num / total;
  if (withReplacement) {
    const numStDev = num < 12 ? 9 : 5;
    return Math.max(num + numStDev * Math.sqrt(num), 1e-10) / total;
  }
  const delta = 1e-4;
  const gamma = -Math.log(delta) / total;
  return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
}

function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
