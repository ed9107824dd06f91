/**
 * PySpark's approximate actions. countApprox, sumApprox and meanApprox wait for the whole job, as
 * PySpark's do (they return the final value of Spark's partial result), so their bounds are exact;
 * countApproxDistinct estimates with HyperLogLog.
 */
import type { RDD } from '../rdd.js';
import { runtimePartitions } from './narrow.js';
import { estimateCardinality, mergeRegisters, registerBits } from '../runtime/hyper-log-log.js';

/** PySpark's BoundedFloat: a number (arithmetic uses `mean`) with a confidence and bounds. */
export class BoundedFloat {
  constructor(
    readonly mean: number,
    readonly confidence: number,
    readonly low: number,
    readonly high: number,
  ) {}
  valueOf(): number {
    return this.mean;
  }
  toString(): string {
    return String(this.mean);
  }
}

function requireTimeout(timeout: number, confidence: number, operation: string): void {
  if (!(timeout >= 0)) throw new RangeError(`${operation}: timeout must be a non-negative number of milliseconds, got ${timeout}`);
  if (!(confidence >= 0 && confidence <= 1)) throw new RangeError(`${operation}: confidence must be in [0, 1], got ${confidence}`);
}

/** The result once every partition is in: Spark's final BoundedDouble (confidence 1, low = high = value). */
function final(value: number): BoundedFloat {
  return new BoundedFloat(value, 1, value, value);
}

export async function sumApprox(rdd: RDD<number>, timeout: number, confidence = 0.95): Promise<BoundedFloat> {
  requireTimeout(timeout, confidence, 'sumApprox');
  return final(await rdd.sum());
}

export async function meanApprox(rdd: RDD<number>, timeout: number, confidence = 0.95): Promise<BoundedFloat> {
  requireTimeout(timeout, confidence, 'meanApprox');
  return final(await rdd.mean());
}

export async function countApprox(rdd: RDD<unknown>, timeout: number, confidence = 0.95): Promise<number> {
  requireTimeout(timeout, confidence, 'countApprox');
  return rdd.count();
}

export async function countApproxDistinct(rdd: RDD<unknown>, relativeSD = 0.05): Promise<number> {
  const p = registerBits(relativeSD);
  const perPartition = runtimePartitions<Uint8Array>(rdd, 'hyperLogLogPartition', { p });
  const parts = (await rdd.context.submitJob<Uint8Array>(perPartition, { description: 'countApproxDistinct', source: rdd })).flat();
  return estimateCardinality(mergeRegisters(parts, p));
}
