/** The executor ↔ task-thread boundary: everything crosses it as bytes, as it would the network. */
import type { MessagePort } from 'node:worker_threads';
import type { TaskError, TaskMetrics } from '../protocol.js';

/** What every task thread of an executor is started with (its workerData). */
export interface ThreadData {
  /** msgpackr's native string extractor as the executor's process loaded it (executor/native-strings.ts). */
  readonly nativeStringsBinary?: string;
  /** For the thread's entry (task-thread-entry.cts): whether the thread's bundle is current, and @flint/sql/cached-script's file. */
  readonly entry?: { readonly bundleIsFresh: boolean; readonly cachedScript: string };
}

export interface ThreadTask {
  /** The driver application: decoded blocks and broadcasts on the thread are kept under it. */
  readonly appId: string;
  readonly taskId: number;
  readonly stageId: number;
  readonly stageAttempt: number;
  readonly partition: number;
  readonly attempt: number;
  /** A barrier task's line to the executor, which relays its barrier() calls to the driver. */
  readonly barrierPort?: MessagePort;
  readonly stage: Uint8Array;
  /**
   * Input blocks by key; a shuffle input has one chunk per map bucket, in map order. A cached
   * partition this thread holds as objects (held-blocks.ts) comes with no chunks and `held`.
   */
  readonly inputs: readonly ThreadInput[];
  /** Whether a MEMORY_ONLY partition the task computes may stay on this thread as objects only. */
  readonly holdPartitions: boolean;
  readonly broadcasts: readonly { readonly id: number; readonly bytes: Uint8Array }[];
  /** The application's broadcasts the executor has dropped, in order: the thread drops its copies too. */
  readonly droppedBroadcasts: readonly number[];
  /** Where this executor keeps the application's added files (SparkFiles.getRootDirectory()). */
  readonly filesRoot: string;
  /** A barrier task's: the address of each task's executor, by partition (BarrierTaskContext.getTaskInfos). */
  readonly barrierAddresses?: readonly string[];
  /** The executor slots the task takes (its stage's ResourceProfile task cpus), when more than 1. */
  readonly cpus?: number;
  /** The job's local properties (TaskContext.getLocalProperty). */
  readonly localProperties?: Readonly<Record<string, string>>;
  /** Take a CPU profile of the task (the context's `profile` option). */
  readonly profile?: boolean;
  /** Set in this thread's process.env before the task runs (the context's `executorEnv`). */
  readonly executorEnv?: Readonly<Record<string, string>>;
  /** Runtime namespaces the task's functions may use, loaded on the thread before its stage is decoded. */
  readonly runtimes?: readonly string[];
  /** Execution memory of this task (its share of the executor's) and the directory it spills to. */
  readonly memory: { readonly budgetBytes: number; readonly spillDirectory: string };
}

export interface ThreadInput {
  readonly key: string;
  readonly chunks: readonly Uint8Array[];
  readonly held?: boolean;
}

/** The executor asks the thread for the bytes of a partition it holds (another executor reads it). */
export interface HeldBlockRequest {
  readonly kind: 'heldBlockBytes';
  readonly appId: string;
  readonly block: string;
}

/** The executor asks the thread to load runtime namespaces now, before a task needs them (Executor.prepareRuntimes). */
export interface RuntimesRequest {
  readonly kind: 'loadRuntimes';
  readonly namespaces: readonly string[];
}

export type ThreadResult =
  | {
      readonly kind: 'success';
      readonly result?: Uint8Array;
      readonly buckets?: Uint8Array[];
      readonly blocks: ProducedBlock[];
      /** Held partitions this thread evicted (keys with their application): lost, the executor forgets them. */
      readonly droppedHeld: string[];
      readonly accumulators: [number, number][];
      /** Custom accumulators' task totals, encoded `[id, value][]`. */
      readonly customAccumulators?: Uint8Array;
      readonly recordsRead: number;
      readonly recordsWritten: number;
      readonly bytesWritten: number;
      /** The task's CPU profile (`.cpuprofile` JSON), when asked for. */
      readonly profile?: Uint8Array;
      readonly metrics: Omit<TaskMetrics, 'fetchMs'>;
    }
  | { readonly kind: 'failure'; readonly error: TaskError };

/** A partition of a persisted RDD computed by the task: its bytes for the executor's block manager, or the size of the records the thread holds. */
export type ProducedBlock = { readonly rddId: number; readonly split: number; readonly storageLevel: string } & (
  | { readonly bytes: Uint8Array; readonly heldSize?: undefined }
  | { readonly heldSize: number; readonly bytes?: undefined }
);
