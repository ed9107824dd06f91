/**
 * What the SQL layer needs from the driver: a way to make RDDs from data and files. The
 * driver's FlintContext provides it; @flint/sql does no I/O of its own and imports only @flint/rdd.
 */
import type { Accumulator, AccumulatorParam, Broadcast, RDD, RddContext } from '@flint/rdd';

export interface SqlHost extends RddContext {
  parallelize<T>(data: T[], numSlices?: number): RDD<T>;
  textFile(path: string, minPartitions?: number): RDD<string>;
  emptyRDD<T>(): RDD<T>;
  /** A value sent to each worker once (a broadcast join's hash table). */
  broadcast<T>(value: T): Broadcast<T>;
  /** A value tasks add to and the driver reads (df.observe's metrics). */
  accumulator<T>(initialValue: T, param: AccumulatorParam<T>): Accumulator<T>;
}
