/**
 * What an RDD needs from the driver: ids, defaults, and a way to run jobs. `@flint/driver`'s
 * FlintContext implements it; the RDD package itself does no I/O.
 */
import type { RDD } from './rdd.js';

/** What the tasks of a job do with the records of their partition. */
export type JobOutput =
  | { readonly kind: 'collect' }
  | { readonly kind: 'saveText'; readonly dir: string }
  | { readonly kind: 'checkpoint'; readonly dir: string };

export interface RddContext {
  readonly defaultParallelism: number;
  readonly checkpointDir: string | undefined;
  newRddId(): number;
  newShuffleId(): number;
  /** Runs one job over `partitions` (all by default); resolves with each partition's records. */
  runJob<R>(rdd: RDD<unknown>, options?: { partitions?: number[]; output?: JobOutput; description?: string }): Promise<R[][]>;
  /** Forgets the cached blocks of an RDD on every worker. */
  unpersist(rdd: RDD<unknown>): void;
}
