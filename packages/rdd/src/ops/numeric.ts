/** Statistics over an RDD of numbers (PySpark's StatCounter-based actions) and histograms. */
import type { RDD } from '../rdd.js';
import { StatCounter, type StatCounterState } from '../runtime/stat-counter.js';
import { compareKeys } from '../keys/compare-keys.js';
import { runtimePartitions } from './narrow.js';

export async function stats(rdd: RDD<number>): Promise<StatCounter> {
  const perPartition = runtimePartitions<StatCounterState>(rdd, 'statsPartition');
  const partials = (await rdd.context.submitJob<StatCounterState>(perPartition, { description: 'stats', source: rdd })).flat();
  return partials.reduce((acc, state) => acc.merge(StatCounter.fromState(state)), new StatCounter());
}

export async function sum(rdd: RDD<number>): Promise<number> {
  const perPartition = runtimePartitions<number>(rdd, 'sumPartition');
  return (await rdd.context.submitJob<number>(perPartition, { description: 'sum', source: rdd })).flat().reduce((a, b) => a + b, 0);
}

/**
 * Counts per bucket, as PySpark's histogram. Buckets are [b0, b1), [b1, b2), ..., [bn-1, bn] (the
 * last one closed); null and NaN elements are ignored. A bucket count spaces that many buckets
 * evenly between the minimum and the maximum (numbers only, unless one bucket is asked for).
 */
export async function histogram<B extends number | string>(rdd: RDD<B>, buckets: number | B[]): Promise<[B[], number[]]> {
  const spec = typeof buckets === 'number' ? await generatedBuckets(rdd, buckets) : explicitBuckets(buckets);
  if ('counts' in spec) return [spec.buckets, spec.counts];
  const perPartition = runtimePartitions<number[]>(rdd, 'histogramPartition', spec);
  const partials = (await rdd.context.submitJob<number[]>(perPartition, { description: 'histogram', source: rdd })).flat();
  const counts = partials.reduce((acc, c) => acc.map((v, i) => v + c[i]), new Array<number>(spec.buckets.length - 1).fill(0));
  return [spec.buckets, counts];
}

type BucketSpec<B> = { buckets: B[]; even: boolean; increment: number } | { buckets: B[]; counts: number[] };

async function generatedBuckets<B extends number | string>(rdd: RDD<B>, count: number): Promise<BucketSpec<B>> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError('number of buckets must be >= 1');
  const perPartition = runtimePartitions<{ min: B; max: B; count: number }>(rdd, 'minMaxCount');
  const partials = (await rdd.context.submitJob<{ min: B; max: B; count: number }>(perPartition, { description: 'histogram (range)', source: rdd })).flat();
  if (partials.length === 0) throw new Error('can not generate buckets from empty RDD');
  const min = partials.map((p) => p.min).reduce((a, b) => (compareKeys(a, b) <= 0 ? a : b));
  const max = partials.map((p) => p.max).reduce((a, b) => (compareKeys(a, b) >= 0 ? a : b));
  const total = partials.reduce((n, p) => n + p.count, 0);
  if (min === max || count === 1) return { buckets: [min, max], counts: [total] };
  if (typeof min !== 'number' || typeof max !== 'number') throw new TypeError('Can not generate buckets with non-number in RDD');
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('Can not generate buckets with infinite value');
  const increment = (max - min) / count;
  const edges = Array.from({ length: count }, (_, i) => i * increment + min);
  edges.push(max);
  return { buckets: edges as B[], even: true, increment };
}

function explicitBuckets<B extends number | string>(buckets: B[]): BucketSpec<B> {
  if (buckets.length < 2) throw new RangeError('buckets should have more than one value');
  if (buckets.some((b) => b === null || b === undefined || Number.isNaN(b))) throw new RangeError('can not have null or NaN in buckets');
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i] < buckets[i - 1]) throw new RangeError('buckets should be sorted');
    if (buckets[i] === buckets[i - 1]) throw new RangeError('buckets should not contain duplicated values');
  }
  if (typeof buckets[0] !== 'number') return { buckets: [...buckets], even: false, increment: NaN };
  const numbers = buckets as number[];
  const steps = numbers.slice(1).map((b, i) => b - numbers[i]);
  const even = Math.max(...steps) - Math.min(...steps) < 1e-10;
  return { buckets: [...buckets], even, increment: (numbers[numbers.length - 1] - numbers[0]) / (numbers.length - 1) };
}
