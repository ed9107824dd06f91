/** A job as the scheduler tracks it, and the errors a failed or cancelled job rejects with. */
import { isUserFacingError, placeShippedFrames, type RDD, type SqlPlanNode } from '@flint/rdd';
import type { ExecutorId, StageOutput, TaskError, TaskOutcome } from '@flint/worker';
import type { ResultStage } from './stage.js';

export interface ActiveJob {
  readonly id: number;
  readonly description: string;
  /** Where the user's program called the action (`file:line:column`), when known. */
  readonly callSite?: string;
  /** The action and where (`collect at job.ts:12:5`): its result stage's name, as Spark's CallSite.shortForm. */
  readonly shortCallSite?: string;
  /** The SQL text of the query a job runs for, if any. */
  readonly sqlText?: string;
  /** Its physical plan with the operators' row-count metric ids. */
  readonly sqlPlan?: SqlPlanNode;
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

/** The error the action of a cancelled job rejects with (cancelJobGroup, cancelJobsWithTag, cancelAllJobs). */
export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
}

/**
 * A job that failed because one task failed `maxFailures` times: the user's error, and where.
 * An error with a Spark error class is the message as it is, without stack (Spark's DAGScheduler
 * does not wrap a user-facing SparkThrowable in "Job aborted due to stage failure").
 */
export class JobFailedError extends Error {
  constructor(
    readonly stageId: number,
    readonly partition: number,
    readonly attempt: number,
    readonly failures: number,
    readonly taskError: TaskError,
  ) {
    super(
      isUserFacingError(taskError.message)
        ? taskError.message
        : `Job aborted: task for partition ${partition} in stage ${stageId} failed ${failures} times; ` +
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

/** Spark's ExecutorLostFailure, as the failure of a task whose executor died under it. */
export function executorLostFailure(executor: ExecutorId, reason: string): Extract<TaskOutcome, { kind: 'failure' }> {
  const message = `executor ${executor} exited caused by one of the running tasks. Reason: ${reason}`;
  return { kind: 'failure', error: { name: 'ExecutorLostFailure', message, stack: '' } };
}
