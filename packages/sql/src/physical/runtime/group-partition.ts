/**
 * The reduce partition of a group in a partial aggregation's output (partial-aggregate.ts) and of
 * a row in a shuffled join's (join.ts): the RDD layer's hash partition of the key. The aggregation's
 * rule: one primitive key value (number, string, boolean) is hashed as it is, several as the array
 * of them, Java's Arrays.hashCode over each value's hash (`keyPartitions`: no key text is built),
 * other keys (structs, arrays) as their JSON text; a join hashes its key as it matches it (one
 * value, or the JSON text of several). Only a shuffle's own sides must agree: each operator
 * shuffles its input itself, none reuses another's partitioning. Every NaN hashes alike (a NaN
 * read from a file may carry other bits).
 */
import { FnRef, hashPartition, hashString, portableHash, registerRuntime } from '@flint/rdd';

const sameNaN = (value: unknown) => (value !== value ? NaN : value);

/**
 * The partitions of `count` groups whose key values are `columns[k][g]`: as hashPartition of the
 * value (one column) or of the array of values (several), computed a column at a time so that
 * each loop sees one kind of value.
 */
export function keyPartitions(columns: readonly ArrayLike<unknown>[], count: number, numPartitions: number): Int32Array {
  const hashes = new Int32Array(count);
  if (columns.length === 1) addHashes(hashes, columns[0], count, 0);
  else {
    hashes.fill(1);
    for (const values of columns) addHashes(hashes, values, count, 31);
  }
  for (let g = 0; g < count; g++) {
    const p = hashes[g] % numPartitions;
    hashes[g] = p < 0 ? p + numPartitions : p;
  }
  return hashes;
}

/** hashes[g] = hashes[g] * factor + portableHash(values[g]); strings and int32s (most keys) are hashed here, as portableHash does. */
function addHashes(hashes: Int32Array, values: ArrayLike<unknown>, count: number, factor: number): void {
  for (let g = 0; g < count; g++) {
    const v = values[g];
    let h: number;
    if (typeof v === 'string') h = hashString(v);
    else if (typeof v === 'number' && (v | 0) === v && v !== -2147483648) h = v;
    else h = portableHash(sameNaN(v));
    hashes[g] = (Math.imul(factor, hashes[g]) + h) | 0;
  }
}

export const AGGREGATE_RUNTIME = registerRuntime('sql', {
  groupPartition: (key: unknown, numPartitions: number) => hashPartition(sameNaN(key), numPartitions),
  keyPartitions,
});

let keyIsPartitionFn: FnRef | undefined;

/**
 * The partition function of a shuffle whose records' keys are their reduce partitions already
 * (a partial aggregation's, a range sort's): made from source, since turning a JavaScript
 * function into a shippable one looks up where it was written (0.3 s of inspector calls the first time).
 * One instance, made on the driver's first use (a task thread imports this module too).
 */
export function keyIsPartition(): (p: number) => number {
  return (keyIsPartitionFn ??= FnRef.generated('(p) => p', {}, 'key is the partition')) as unknown as (p: number) => number;
}
