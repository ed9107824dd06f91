/**
 * The reduce partition of a group in a partial aggregation's output (partial-aggregate.ts): the
 * RDD layer's hash partition of the group's key, so groups land where a hash-partitioned shuffle
 * of [key, buffer] records would put them.
 */
import { FnRef, hashPartition, registerRuntime } from '@flint/rdd';

export const AGGREGATE_RUNTIME = registerRuntime('sql', {
  groupPartition: (key: unknown, numPartitions: number) => hashPartition(key, numPartitions),
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
