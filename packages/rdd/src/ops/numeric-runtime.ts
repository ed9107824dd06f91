/** Worker-side functions of the numeric actions: stats, sum, histogram. */
import type { RuntimeFunctions } from '../runtime/registry.js';
import { compareKeys } from '../keys/compare-keys.js';
import { StatCounter } from '../runtime/stat-counter.js';

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

export const NUMERIC_RUNTIME = {
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
} satisfies RuntimeFunctions;
