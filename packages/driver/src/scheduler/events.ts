/**
 * What the scheduler reports as it goes, as plain data: every event is JSON-serialisable (no live
 * jobs or stages, no functions, no Maps), so one stream feeds fc.jobHistory, the console
 * progress, the event log (one event per JSON line) and the driver UI, and an event log replays
 * into the same views. Every event has a `type` and a `time` (epoch milliseconds).
 * Listeners subscribe with `fc.addListener(event => ...)`; delivery is asynchronous (listener-bus.ts).
 */
import type { TaskMetrics } from '@flint/worker';
import type { SqlPlanNode } from '@flint/rdd';

/** Where an effective configuration value came from. */
export type ConfSource = 'default' | 'FlintContext option' | 'system property' | 'flint submit --conf' | 'flint submit flag' | 'properties file' | 'environment';

export interface ConfEntry {
  readonly key: string;
  readonly value: string;
  readonly source: ConfSource;
}

/** One RDD of a stage's lineage (for the DAG drawing); `parentIds` are the RDDs it reads within the stage or across a shuffle. */
export interface RddInfo {
  readonly id: number;
  readonly name: string;
  /** The transformation that made it (parallelize, map, reduceByKey, ...). */
  readonly kind: string;
  readonly numPartitions: number;
  readonly parentIds: readonly number[];
  /** Present when persisted: the storage level's description (e.g. "Memory Deserialized 1x Replicated"). */
  readonly storageLevel?: string;
}

export interface StageInfo {
  readonly stageId: number;
  readonly name: string;
  /** Partitions of the stage (the tasks of a full attempt). */
  readonly numTasks: number;
  readonly parentStageIds: readonly number[];
  readonly kind: 'shuffleMap' | 'result';
  /** Only for a shuffle map stage: the shuffle its tasks write. */
  readonly shuffleId?: number;
  /** The stage's lineage, its last RDD first. */
  readonly rdds: readonly RddInfo[];
}

/**
 * How a task attempt ended. `missingCachedBlock`: its cached input was gone (evicted, or its
 * executor died) and the partition is recomputed from lineage; not counted as a failure.
 * `killed`: stopped by cancellation, a barrier stage's failure, a timeout, or because another
 * (speculative) attempt of the partition succeeded first.
 */
export type TaskStatus = 'success' | 'failed' | 'killed' | 'executorLost' | 'fetchFailed' | 'missingCachedBlock';

export type TaskLocality = 'PROCESS_LOCAL' | 'NODE_LOCAL' | 'ANY';

/** A task's metrics: where its time went (TaskMetrics) and the data it moved, where known. */
export interface TaskEndMetrics extends TaskMetrics {
  /** The task's time on its executor, as the executor measured it (durationMs is the driver's, launch to end). */
  readonly executorMs: number;
  readonly recordsIn: number;
  /** Records the task wrote: brought back to the driver, into its shuffle buckets, or to files (Spark's recordsWritten). */
  readonly recordsOut: number;
  /** Bytes of what it wrote, encoded (Spark's bytesWritten). */
  readonly bytesOut: number;
  /** Bytes of result records a result task sent to the driver. */
  readonly resultBytes?: number;
  readonly shuffleReadBytes?: number;
  readonly shuffleWriteBytes?: number;
  /** What the task added to accumulators, as [accumulator id, amount]: user accumulators and SQL operators' row counts. */
  readonly accumulatorUpdates?: readonly (readonly [number, number])[];
}

interface Timed {
  /** When it happened, in milliseconds since the epoch. */
  readonly time: number;
}

export interface ApplicationStart extends Timed {
  readonly type: 'applicationStart';
  readonly appId: string;
  readonly appName: string;
  readonly master: string;
  readonly mode: 'memory' | 'mapreduce';
  readonly user: string;
  readonly startTime: number;
  readonly flintVersion: string;
  /** The effective configuration, sorted by key. */
  readonly conf: readonly ConfEntry[];
}

export interface ApplicationEnd extends Timed {
  readonly type: 'applicationEnd';
  readonly appId: string;
}

export interface JobStart extends Timed {
  readonly type: 'jobStart';
  readonly jobId: number;
  readonly description: string;
  /** Where the user's program called the action (`file:line`), when known. */
  readonly callSite?: string;
  /** The SQL text, for a job a SQL query started. */
  readonly sqlText?: string;
  /** For a SQL job: its physical plan, each counted operator with the accumulator id of its output rows. */
  readonly sqlPlan?: SqlPlanNode;
  readonly jobGroup?: string;
  readonly jobTags?: readonly string[];
  /** Every stage of the job, parents first; ones whose outputs already exist are later skipped. */
  readonly stageIds: readonly number[];
  readonly stages: readonly StageInfo[];
}

export interface JobEnd extends Timed {
  readonly type: 'jobEnd';
  readonly jobId: number;
  readonly result: 'succeeded' | 'failed' | 'cancelled';
  /** The message the action rejected with. */
  readonly error?: string;
}

export interface StageSubmitted extends Timed {
  readonly type: 'stageSubmitted';
  readonly stageId: number;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly name: string;
  /** Tasks of this attempt (only the missing partitions run again). */
  readonly numTasks: number;
  readonly jobIds: readonly number[];
  readonly reason: 'first' | 'resubmitted';
}

export interface StageCompleted extends Timed {
  readonly type: 'stageCompleted';
  readonly stageId: number;
  readonly attempt: number;
  /** Present when the attempt ended without all its outputs (its job failed or was cancelled). */
  readonly failureReason?: string;
}

/** A stage runs again: its outputs were lost (fetch failure, lost executor) or a barrier task ended. */
export interface StageResubmitted extends Timed {
  readonly type: 'stageResubmitted';
  readonly stageId: number;
  readonly reason: string;
}

/** Which task attempt an event is about, and where it runs. */
export interface TaskAttempt {
  readonly taskId: number;
  /** The job the task runs for (of the jobs sharing its stage, the first). */
  readonly jobId: number;
  readonly stageId: number;
  readonly stageAttempt: number;
  readonly partition: number;
  /** 0 for the first attempt of the partition; a retry or a speculative copy takes the next. */
  readonly attempt: number;
  readonly executorId: string;
}

export interface TaskStart extends Timed, TaskAttempt {
  readonly type: 'taskStart';
  readonly host: string;
  readonly locality: TaskLocality;
  readonly speculative: boolean;
}

export interface TaskEndEvent extends Timed, TaskAttempt {
  readonly type: 'taskEnd';
  readonly status: TaskStatus;
  /** Why it did not succeed (the error's name and message). */
  readonly reason?: string;
  readonly durationMs: number;
  /** Present for successful tasks. */
  readonly metrics?: TaskEndMetrics;
}

export interface ExecutorAdded extends Timed {
  readonly type: 'executorAdded';
  readonly executorId: string;
  readonly host: string;
  readonly slots: number;
  /** The executor's memory budget (cached blocks, shuffle buffers): Spark's "Storage Memory" total. */
  readonly memoryBytes?: number;
}

export interface ExecutorLost extends Timed {
  readonly type: 'executorLost';
  readonly executorId: string;
  readonly reason: string;
  /** The map outputs it held, as [shuffleId, mapPartition]. */
  readonly lostMapOutputs: readonly (readonly [number, number])[];
  readonly lostCachedPartitions: number;
}

/** A cached partition stored (or, with 0 and 0 bytes, dropped) on an executor. */
export interface BlockUpdated extends Timed {
  readonly type: 'blockUpdated';
  readonly rddId: number;
  readonly partition: number;
  readonly executorId: string;
  readonly storageLevel: string;
  readonly memBytes: number;
  readonly diskBytes: number;
}

export interface FetchFailed extends Timed {
  readonly type: 'fetchFailed';
  /** The stage whose task could not read its input. */
  readonly stageId: number;
  readonly shuffleId: number;
  readonly mapPartition: number;
  /** The executor that could not serve the bucket. */
  readonly executorId: string;
  readonly message: string;
}

export type SchedulerEvent =
  | ApplicationStart
  | ApplicationEnd
  | JobStart
  | JobEnd
  | StageSubmitted
  | StageCompleted
  | StageResubmitted
  | TaskStart
  | TaskEndEvent
  | ExecutorAdded
  | ExecutorLost
  | BlockUpdated
  | FetchFailed;

export type SchedulerEventType = SchedulerEvent['type'];

/** One event of a given type, e.g. `EventOf<'taskEnd'>`. */
export type EventOf<T extends SchedulerEventType> = Extract<SchedulerEvent, { type: T }>;

export type SchedulerEventListener = (event: SchedulerEvent) => void;

/** The event-log and JSON API form of an event with its `type` and `time` yet to be stamped. */
export type EventBody<T extends SchedulerEventType = SchedulerEventType> = T extends SchedulerEventType ? Omit<EventOf<T>, 'time'> : never;
