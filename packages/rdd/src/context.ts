/**
 * What an RDD needs from the driver: ids, defaults, and a way to run jobs. `@flint/driver`'s
 * FlintContext implements it; the RDD package itself does no I/O.
 */
import type { RDD } from './rdd.js';

/** How saved partitions are encoded: Flint's binary codec, or one JSON value per line of text. */
export type StoredFormat = 'binary' | 'json';

/** The Writable classes TextOutputFormat's [key, value] lines print numbers as (a DoubleWritable 1 is `1.0`). */
export interface KeyValueClasses {
  readonly keyClass?: string;
  readonly valueClass?: string;
}

/** What the tasks of a job do with the records of their partition. */
export type JobOutput =
  | { readonly kind: 'collect' }
  /** `keyValue`: [key, value] records as Hadoop's TextOutputFormat writes them, `key<TAB>value`. */
  | { readonly kind: 'saveText'; readonly dir: string; readonly codec?: TextCodec; readonly keyValue?: KeyValueClasses }
  /** Hadoop SequenceFiles of [key, value] records; classes are Writable class names (absent: from the values). */
  | { readonly kind: 'saveSequence'; readonly dir: string; readonly compression: 'NONE' | 'RECORD' | 'BLOCK'; readonly codec?: string; readonly keyClass?: string; readonly valueClass?: string }
  /** saveAsPickleFile: part files of msgpack batches of `batchSize` records (Flint's object files). */
  | { readonly kind: 'saveObjects'; readonly dir: string; readonly batchSize: number }
  | { readonly kind: 'store'; readonly dir: string; readonly format: StoredFormat };

/**
 * Partitions saved as part files in a directory (local or dfs://): a checkpoint, or in mapreduce
 * mode the output of a job that a later job reads back.
 */
export interface StoredPartitions {
  readonly dir: string;
  readonly format: StoredFormat;
  readonly reason: 'checkpoint' | 'jobOutput';
}

export type ExecutionMode = 'memory' | 'mapreduce';

/** Compression of saved text part files: Hadoop's GzipCodec (`.gz`) and DefaultCodec (`.deflate`). */
export type TextCodec = 'gzip' | 'deflate';

export interface RddContext {
  readonly defaultParallelism: number;
  readonly mode: ExecutionMode;
  /** A notice for the user, said once per distinct message. */
  log(message: string): void;
  readonly checkpointDir: string | undefined;
  newRddId(): number;
  newShuffleId(): number;
  /** Runs one job over `partitions` (all by default); resolves with each partition's records. */
  submitJob<R>(rdd: RDD<unknown>, options?: JobOptions): Promise<R[][]>;
  /**
   * The bytes each map task of a shuffle wrote for each reduce partition (`[map][reduce]`), once
   * every map output is registered; undefined while any is missing. Adaptive planning reads it.
   */
  mapOutputSizes?(shuffleId: number): number[][] | undefined;
  /** Forgets the cached blocks of an RDD on every worker. */
  unpersist(rdd: RDD<unknown>): void;
  /** Forgets a shuffle's map outputs, on the driver and every worker: a later job computes them again. */
  cleanShuffle(shuffleId: number): void;
}

export interface JobOptions {
  readonly partitions?: number[];
  readonly output?: JobOutput;
  readonly description?: string;
  /** Where the user's program called the action (`path:line:column`); taken from the stack when not given. */
  readonly callSite?: string;
  /** Spark's short call site, the action and where (`collect at job.ts:12:5`): names the job's result stage; taken from the stack when not given. */
  readonly shortCallSite?: string;
  /** The SQL text of the query the job runs for (event logs and the UI show it). */
  readonly sqlText?: string;
  /** The physical plan of the SQL query the job runs for, with the metric ids of its operators' row counts. */
  readonly sqlPlan?: SqlPlanNode;
  /** The RDD the user called the action on (the job's RDD may wrap it). */
  readonly source?: RDD<unknown>;
  /** Runs the job in this job group, whatever group the context has set (collectWithJobGroup). */
  readonly jobGroup?: JobGroup;
}

/** One operator of a SQL query's physical plan, as plain data: its name, its arguments, and (when counted) the accumulator id of its "number of output rows". */
export interface SqlPlanNode {
  readonly name: string;
  readonly args: string;
  readonly rowsMetric?: number;
  readonly children: readonly SqlPlanNode[];
}

export interface JobGroup {
  readonly id: string;
  readonly description: string;
  readonly interruptOnCancel: boolean;
}
