/**
 * The reduce partition of a group in a partial aggregation's output (partial-aggregate.ts): the
 * RDD layer's hash partition of the group's key, so groups land where a hash-partitioned shuffle
 * of [key, buffer] records would put them.
 */
import { hashPartition, registerRuntime } from '@flint/rdd';

export const AGGREGATE_RUNTIME = registerRuntime('sql', {
  groupPartition: (key: unknown, numPartitions: number) => hashPartition(key, numPartitions),
});
