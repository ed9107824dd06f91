/**
 * The DAG scheduler's contract with the rest of the driver: the events its loop takes, the options
 * it is made with, and the task scheduler as it sees it (somewhere to send tasks).
 */
import type { ExecutorId, TaskRequest } from '@flint/worker';
import type { Locality, PendingTask, TaskEnd } from './task-scheduler.js';
import type { ActiveJob } from './job.js';
import type { EventSink } from './event-bus.js';

/** The task scheduler as the DAG scheduler sees it: somewhere to send tasks. */
export interface TaskSink {
  submit(tasks: readonly PendingTask[]): void;
  cancelJob(jobId: number): void;
  /** Forgets the queued tasks of one partition of a stage. */
  dropQueued(stageId: number, partition: number): void;
  /** Stops the running tasks of these stages (their jobs were cancelled). */
  killTasks?(stageIds: readonly number[]): void;
}

/** Which jobs to cancel, and the message each one's action rejects with. */
export interface JobCancellation {
  readonly select: (job: ActiveJob) => boolean;
  readonly reason: (jobId: number) => string;
}

export type DagEvent =
  | { readonly type: 'jobSubmitted'; readonly job: ActiveJob }
  | { readonly type: 'taskEnded'; readonly request: TaskRequest; readonly executor: ExecutorId; readonly end: TaskEnd; readonly locality: Locality }
  | { readonly type: 'executorLost'; readonly executor: ExecutorId; readonly reason: string }
  | { readonly type: 'jobsCancelled'; readonly cancellation: JobCancellation }
  /** Fails every active job with `error` (no worker is left to run them). */
  | { readonly type: 'jobsAborted'; readonly error: Error };

export interface DagSchedulerOptions {
  /** The driver application's id, carried by every task. */
  readonly appId: string;
  readonly maxFailures: number;
  /** Bytes of task results one job may bring back (Spark's spark.driver.maxResultSize); 0: no limit. */
  readonly maxResultSize?: number;
  /** False in tests: events then wait for an explicit drain(). */
  readonly autoDrain: boolean;
  /** A task's accumulator totals: numbers, and custom accumulators' values encoded `[id, value][]`. */
  readonly applyAccumulators: (updates: readonly (readonly [number, number])[], custom?: Uint8Array) => void;
  /** Where the scheduler's events go (the context's listener bus). */
  readonly events?: EventSink;
  /** Mapreduce mode: map tasks write their buckets to local disk. */
  readonly shuffleOnDisk?: boolean;
  /** The task slots of each executor now: a barrier stage needs one per task at once, a task with cpus > 1 that many on one executor. */
  readonly executorSlots?: () => readonly number[];
  /** Set when profiling (the context's `profile` option): tasks send a CPU profile, given here with the stage's RDD. */
  readonly taskProfiled?: (rddId: number, profile: Uint8Array) => void;
  /** Environment variables every task runs with (the context's `executorEnv`). */
  readonly executorEnv?: Readonly<Record<string, string>>;
}
