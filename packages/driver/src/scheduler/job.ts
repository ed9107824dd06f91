/** A job as the scheduler tracks it, the error a failed job rejects with, and scheduler events for listeners. */
import { placeShippedFrames, type RDD } from '@flint/rdd';
import type { ExecutorId, StageOutput, TaskError, TaskRequest } from '@flint/worker';
import type { ResultStage, Stage } from './stage.js';
import type { Locality, TaskEnd } from './task-scheduler.js';

export interface ActiveJob {
  readonly id: number;
  readonly description: string;
  readonly rdd: RDD<unknown>;
  readonly partitions: readonly number[];
  readonly output: StageOutput;
  /** The local properties when the job was submitted: job group, description, tags (Spark's). */
  readonly properties?: ReadonlyMap<string, string>;
  /** Records per requested partition, in the order of `partitions`. */
  readonly results: (unknown[] | undefined)[];
  remaining: number;
  finalStage?: ResultStage;
  readonly resolve: (results: unknown[][]) => void;
  readonly reject: (error: Error) => void;
}

/** Everything the scheduler reports as it goes; the job history and the fault-tolerance demo listen. */
export interface SchedulerListener {
  jobStarted?(job: ActiveJob): void;
  jobEnded?(job: ActiveJob, error: Error | undefined): void;
  stageSubmitted?(stage: Stage, numTasks: number): void;
  stageCompleted?(stage: Stage): void;
  stageResubmitted?(stage: Stage, reason: string): void;
  taskEnded?(request: TaskRequest, executor: ExecutorId, end: TaskEnd, locality: Locality): void;
  executorLost?(executor: ExecutorId, lostMapOutputs: [number, number][], lostCachedPartitions: number): void;
}

/** The error the action of a cancelled job rejects with (cancelJobGroup, cancelJobsWithTag, cancelAllJobs). */
export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
}

/** A job that failed because one task failed `maxFailures` times: the user's error, and where. */
export class JobFailedError extends Error {
  constructor(
    readonly stageId: number,
    readonly partition: number,
    readonly attempt: number,
    readonly failures: number,
    readonly taskError: TaskError,
  ) {
    super(
      `Job aborted: task for partition ${partition} in stage ${stageId} failed ${failures} times; ` +
        `most recent failure (attempt ${attempt}): ${taskError.name}: ${taskError.message}` +
        (taskError.stack ? `\n${indent(placeShippedFrames(taskError.stack))}` : ''),
    );
    this.name = 'JobFailedError';
  }
}

function indent(stack: string): string {
  return stack
    .split('\n')
    .map((line) => `    ${line.trim()}`)
    .join('\n');
}
