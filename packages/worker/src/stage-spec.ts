/** What every task of one stage does: the narrow plan to compute and where its output goes. */
import type { Partitioner, StoredFormat, TaskPlan, TextCodec } from '@flint/rdd';

export type StageOutput =
  | { readonly kind: 'collect' }
  | { readonly kind: 'saveText'; readonly dir: string; readonly codec?: TextCodec }
  /** Saves each partition as a part file (checkpoints, and job outputs in mapreduce mode). */
  | { readonly kind: 'store'; readonly dir: string; readonly format: StoredFormat; readonly replication: number }
  | { readonly kind: 'shuffle'; readonly shuffleId: number; readonly partitioner: Partitioner };

export interface StageSpec {
  readonly plan: TaskPlan;
  readonly output: StageOutput;
}

/** Block names, as in Spark's BlockId. */
export const blockKeys = {
  cached: (rddId: number, split: number) => `rdd_${rddId}_${split}`,
  slice: (rddId: number, split: number) => `slice_${rddId}_${split}`,
  shuffleInput: (shuffleId: number, reducePartition: number) => `shuffle_${shuffleId}_in_${reducePartition}`,
  shuffleBucket: (shuffleId: number, mapPartition: number, reducePartition: number) => `shuffle_${shuffleId}_${mapPartition}_${reducePartition}`,
};
