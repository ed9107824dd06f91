/** Statistics over an RDD of numbers (PySpark's StatCounter-based actions and histogram). */
import type { RDD } from '../rdd.js';
import { StatCounter, type StatCounterState } from '../runtime/stat-counter.js';
import { runtimePartitions } from './narrow.js';

export async function stats(rdd: RDD<number>): Promise<StatCounter> {
  const perPartition = runtimePartitions<StatCounterState>(rdd, 'statsPartition');
  const partials = (await rdd.context.runJob<StatCounterState>(perPartition, { description: 'stats' })).flat();
  return partials.reduce((acc, state) => acc.merge(StatCounter.fromState(state)), new StatCounter());
}

export async function sum(rdd: RDD<number>): Promise<number> {
  const perPartition = runtimePartitions<number>(rdd, 'sumPartition');
  return (await rdd.context.runJob<number>(perPartition, { description: 'sum' })).flat().reduce((a, b) => a + b, 0);
}

/**
 * Counts per bucket. Buckets are [b0, b1), [b1, b2), ..., [bn-1, bn] (the last one closed). A
 * bucket count spaces `n` buckets evenly between the minimum and maximum.
 */
export async function histogram(rdd: RDD<number>, buckets: number | number[]): Promise<[number[], number[]]> {
  const spec = await bucketSpec(rdd, buckets);
  if ('counts' in spec) return [spec.buckets, spec.counts];
  const perPartition = runtimePartitions<number[]>(rdd, 'histogramPartition', spec);
  const partials = (await rdd.context.runJob<number[]>(perPartition, { description: 'histogram' })).flat();
  const counts = partials.reduce((acc, c) => acc.map((v, i) => v + c[i]), new Array<number>(spec.buckets.length - 1).fill(0));
  return [spec.buckets, counts];
}

type BucketSpec = { buckets: number[]; even: boolean; increment: number } | { buckets: number[]; counts: number[] };

async function bucketSpec(rdd: RDD<number>, buckets: number | number[]): Promise<BucketSpec> {
  if (typeof buckets === 'number') {
    if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError('number of buckets must be >= 1');
    const s = await stats(rdd.filter((x) => typeof x === 'number' && !Number.isNaN(x)));
    if (s.count() === 0) throw new Error('can not generate buckets from empty RDD');
    const min = s.min();
    const max = s.max();
    if (min === max || buckets === 1) return { buckets: [min, max], counts: [s.count()] };
    const increment = (max - min) / buckets;
    const edges = Array.from({ length: buckets }, (_, i) => i * increment + min);
    edges.push(max);
    return { buckets: edges, even: true, increment };
  }
  if (buckets.length < 2) throw new RangeError('buckets should have more than one value');
  if (buckets.some((b) => b === null || Number.isNaN(b))) throw new RangeError('can not have null or NaN in buckets');
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i] < buckets[i - 1]) throw new RangeError('buckets should be sorted');
    if (buckets[i] === buckets[i - 1]) throw new RangeError('buckets should not contain duplicated values');
  }
  const steps = buckets.slice(1).map((b, i) => b - buckets[i]);
  const even = Math.max(...steps) - Math.min(...steps) < 1e-10;
  return { buckets: [...buckets], even, increment: (buckets[buckets.length - 1] - buckets[0]) / (buckets.length - 1) };
}
