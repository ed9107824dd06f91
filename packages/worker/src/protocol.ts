/**
 * The driver ↔ worker boundary: what the driver asks an executor to run and what comes back.
 * In local mode these objects pass in-process; in cluster mode they travel as msgpackr frames.
 * Everything is plain data; functions are inside `stage` as encoded FnRefs.
 */

/** Where a block lives: the executor that holds it. */
export type ExecutorId = string;

export type TaskInput =
  /** Bytes the driver sends with the task (parallelized slices). */
  | { readonly kind: 'bytes'; readonly key: string; readonly bytes: Uint8Array }
  /** A cached partition, `rdd_<id>_<split>`, held by `executor`. */
  | { readonly kind: 'cached'; readonly key: string; readonly executor: ExecutorId }
  /** A reduce partition's buckets, one per map task, in map-partition order. */
  | { readonly kind: 'shuffle'; readonly key: string; readonly buckets: readonly ShuffleBucketRef[] };

export interface ShuffleBucketRef {
  readonly shuffleId: number;
  readonly mapPartition: number;
  readonly reducePartition: number;
  readonly executor: ExecutorId;
  /** Encoded size, from the map task's report; bounds the bytes a reducer has in flight. */
  readonly size: number;
}

export interface TaskRequest {
  /**
   * The driver application. Executors keep every block and broadcast under it, so drivers that use
   * the same workers one after another (or at once) never see each other's ids.
   */
  readonly appId: string;
  readonly taskId: number;
  readonly jobId: number;
  readonly stageId: number;
  readonly stageAttempt: number;
  readonly partition: number;
  readonly attempt: number;
  /** Set for shuffle map tasks: the shuffle whose buckets the task writes. */
  readonly shuffleId?: number;
  /** Mapreduce mode: shuffle buckets go to local disk and are read from it, as Hadoop does. */
  readonly shuffleOnDisk?: boolean;
  /** Where a second copy of partitions cached at a `_2` storage level goes, if there is another executor. */
  readonly replicateTo?: ExecutorId;
  /**
   * Set for the tasks of a barrier stage: how many tasks meet at each barrier() call, and (once
   * launched) the address of each task's executor, by partition (BarrierTaskContext.getTaskInfos).
   */
  readonly barrier?: { readonly numTasks: number; readonly addresses?: readonly string[] };
  /** Executor slots the task takes: its stage's ResourceProfile task cpus (TaskContext.cpus()); 1 when absent. */
  readonly cpus?: number;
  /** The encoded StageSpec, shared by every task of the stage attempt. */
  readonly stage: Uint8Array;
  readonly inputs: readonly TaskInput[];
  /** Broadcasts the task's functions use; bytes are included the first time an executor needs one. */
  readonly broadcasts: readonly { readonly id: number; readonly bytes?: Uint8Array }[];
  /** Files added with fc.addFile that this executor has not been sent yet. */
  readonly files?: readonly AddedFile[];
  /** The job's local properties (fc.setLocalProperty, job group, tags), for TaskContext.getLocalProperty. */
  readonly localProperties?: Readonly<Record<string, string>>;
  /** Take a V8 CPU profile of the task on its thread (the context's `profile` option). */
  readonly profile?: boolean;
  /** Environment variables the task runs with (the context's `executorEnv`). */
  readonly executorEnv?: Readonly<Record<string, string>>;
  /** The runtime namespaces registered on the driver besides core (`sql`), which the task thread loads first. */
  readonly runtimes?: readonly string[];
}

/**
 * A file added with fc.addFile: its path under the SparkFiles directory (a name, or `dir/...` for a
 * directory) and its bytes; or an archive added with fc.addArchive, unpacked into the directory `name`.
 */
export interface AddedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly archive?: ArchiveFormat;
}

/** How an added archive is unpacked: `.zip`/`.jar` files are zip, `.tar`/`.tar.gz`/`.tgz` tar. */
export type ArchiveFormat = 'zip' | 'tar';

export interface CachedBlockReport {
  readonly rddId: number;
  readonly split: number;
  readonly bytes: number;
  /** The executor holding the second copy of a `_2` level partition, once it has it. */
  readonly replica?: ExecutorId;
  /** A copy kept by an executor that read the partition from the executor holding it. */
  readonly copy?: boolean;
}

export interface TaskError {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
  /**
   * The task's input alone caused it (an Error thrown with `deterministic: true`, or one with a
   * Spark error class such as SQL's [ARITHMETIC_OVERFLOW]: isUserFacingError): another attempt
   * would fail the same way, so the job fails at once.
   */
  readonly deterministic?: true;
}

export type TaskOutcome =
  | {
      readonly kind: 'success';
      /** Encoded records for a result task; absent for shuffle map tasks. */
      readonly result?: Uint8Array;
      /** Bytes written per reduce partition by a shuffle map task. */
      readonly bucketSizes?: readonly number[];
      readonly cachedBlocks: readonly CachedBlockReport[];
      /** Cached partitions this executor dropped from memory (MEMORY_ONLY, over budget) since its last report. */
      readonly droppedBlocks?: readonly { readonly rddId: number; readonly split: number }[];
      readonly accumulators: readonly (readonly [number, number])[];
      /** Custom accumulators' (AccumulatorParam) task totals, encoded `[id, value][]`. */
      readonly customAccumulators?: Uint8Array;
      readonly recordsRead: number;
      /** Records the task wrote: returned to the driver, into shuffle buckets, or to files. */
      readonly recordsWritten: number;
      /** Bytes of those records as written (encoded result, buckets, file data). */
      readonly bytesWritten: number;
      readonly durationMs: number;
      readonly metrics: TaskMetrics;
      /** The task's V8 CPU profile as `.cpuprofile` JSON (UTF-8), when the request asked for one. */
      readonly profile?: Uint8Array;
    }
  | { readonly kind: 'failure'; readonly error: TaskError }
  | { readonly kind: 'fetchFailed'; readonly shuffleId: number; readonly mapPartition: number; readonly executor: ExecutorId; readonly message: string }
  /** A cached input was found neither on the executor that ran the task nor on `executor`, the holder it was told of. */
  | { readonly kind: 'missingCachedBlock'; readonly rddId: number; readonly split: number; readonly executor: ExecutorId };

/** Where a task's time went, for the batch-versus-memory report, and what it spilled. */
export interface TaskMetrics {
  /** Gathering inputs on the executor: shuffle buckets and cached blocks, local or fetched. */
  readonly fetchMs: number;
  /** Reading input files (text, stored partitions) on the task thread. */
  readonly readMs: number;
  /** Parsing stored text back into records (mapreduce mode's re-parse). */
  readonly parseMs: number;
  /** Decoding shuffle and cached blocks into records. */
  readonly decodeMs: number;
  /** The whole task on its thread. */
  readonly threadMs: number;
  /** Estimated in-memory bytes of the records a sort or aggregation spilled (Spark's memoryBytesSpilled). */
  readonly memoryBytesSpilled: number;
  /** Bytes of spill files written (Spark's diskBytesSpilled). */
  readonly diskBytesSpilled: number;
}

/** A barrier task's call, sent to the driver's coordinator: its partition and message at the `epoch`-th barrier. */
export interface BarrierRequest {
  readonly stageId: number;
  readonly stageAttempt: number;
  readonly numTasks: number;
  readonly partition: number;
  readonly epoch: number;
  readonly message: string;
}

/** Reaches the driver's barrier coordinator; resolves with every task's message once all have called. */
export type BarrierSync = (request: BarrierRequest) => Promise<string[]>;

/** How a task stopped by the driver (a cancelled job, a failed barrier stage) ends. */
export function killedOutcome(taskId: number): TaskOutcome {
  return { kind: 'failure', error: { name: 'TaskKilled', message: `task ${taskId} was killed by the driver`, stack: '' } };
}
