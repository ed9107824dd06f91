/** What every task of one stage does: the narrow plan to compute and where its output goes. */
import type { KeyValueClasses, Partitioner, StoredFormat, TaskPlan, TextCodec } from '@flint/rdd';

export type StageOutput =
  | { readonly kind: 'collect' }
  | { readonly kind: 'saveText'; readonly dir: string; readonly codec?: TextCodec; readonly keyValue?: KeyValueClasses }
  | { readonly kind: 'saveSequence'; readonly dir: string; readonly compression: 'NONE' | 'RECORD' | 'BLOCK'; readonly codec?: string; readonly keyClass?: string; readonly valueClass?: string }
  | { readonly kind: 'saveObjects'; readonly dir: string; readonly batchSize: number }
  /** Saves each partition as a part file (checkpoints, and job outputs in mapreduce mode). */
  | { readonly kind: 'store'; readonly dir: string; readonly format: StoredFormat; readonly replication: number }
  | { readonly kind: 'shuffle'; readonly shuffleId: number; readonly partitioner: Partitioner };

export interface StageSpec {
  readonly plan: TaskPlan;
  readonly output: StageOutput;
}
