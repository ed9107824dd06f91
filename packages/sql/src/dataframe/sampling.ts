/**
 * The pieces of Spark's Dataset.sample/randomSplit that are not plan nodes: the seed drawn when
 * none is given, the fraction's valid range, the slices of [0, 1) that randomSplit's weights cut, and which columns its
 * sort within partitions may order by (RowOrdering.isOrderable: not maps).
 */
import { ArrayType, MapType, StructType, type DataType } from '../types/index.js';
import { doubleToJavaString } from '../format/java-number.js';

export const randomSeed = (): number => Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);

/** Spark's RandomSampler.roundingEpsilon: how far outside its range a fraction may stray by rounding. */
const ROUNDING_EPSILON = 1e-6;

/** Spark's Sample requirements: any fraction from 0 with replacement, else one in [0, 1]. */
export function checkSampleFraction(fraction: number, withReplacement: boolean): void {
  const valid = withReplacement ? fraction >= -ROUNDING_EPSILON : fraction >= -ROUNDING_EPSILON && fraction <= 1 + ROUNDING_EPSILON;
  if (valid) return;
  const rule = withReplacement ? 'nonnegative with replacement' : 'on interval [0, 1] without replacement';
  throw new RangeError(`requirement failed: Sampling fraction (${doubleToJavaString(fraction)}) must be ${rule}`);
}

/** [lowerBound, upperBound) per weight: the normalized cumulative weights, as Spark's randomSplit. */
export function randomSplitBounds(weights: readonly number[]): [number, number][] {
  const negative = weights.find((w) => !(w >= 0));
  if (negative !== undefined) throw new RangeError(`[VALUE_NOT_POSITIVE] Value for \`weights\` must be positive, got '${doubleToJavaString(negative)}'.`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError(`requirement failed: Sum of weights must be positive, but got [${weights.map(doubleToJavaString).join(',')}]`);
  let lower = 0;
  return weights.map((w) => {
    const upper = lower + w / sum;
    const bounds: [number, number] = [lower, upper];
    lower = upper;
    return bounds;
  });
}

export function isOrderable(type: DataType): boolean {
  if (type instanceof MapType) return false;
  if (type instanceof ArrayType) return isOrderable(type.elementType);
  if (type instanceof StructType) return type.fields.every((f) => isOrderable(f.dataType));
  return true;
}
