/**
 * A synchronous stand-in for the task scheduler and executors, for scheduler unit tests: it records
 * the tasks the DAG scheduler submits, and tests finish them with outcomes of their choosing.
 */
import { encode, RDD, type RddContext } from '@flint/rdd';
import type { ExecutorId, TaskOutcome, TaskRequest } from '@flint/worker';
import { DagScheduler, type TaskSink } from '../src/scheduler/dag-scheduler.js';
import type { PendingTask } from '../src/scheduler/task-scheduler.js';
import type { ActiveJob } from '../src/scheduler/job.js';
import { taskSuccess } from './task-fixtures.js';

/** Builds RDDs without running anything: the scheduler under test runs the jobs. */
export function planningContext(): RddContext {
  let rddIds = 0;
  let shuffleIds = 0;
  return {
    defaultParallelism: 2,
    mode: 'memory',
    log: () => undefined,
    checkpointDir: undefined,
    newRddId: () => rddIds++,
    newShuffleId: () => shuffleIds++,
    submitJob: () => Promise.reject(new Error('planning context cannot run jobs')),
    unpersist: () => undefined,
    cleanShuffle: () => undefined,
  };
}

export class FakeCluster implements TaskSink {
  readonly submitted: PendingTask[] = [];
  readonly accumulatorUpdates: (readonly [number, number])[] = [];
  readonly dag: DagScheduler;
  private nextJobId = 0;

  /** `executorSlots`: the slots of each executor the DAG scheduler is told of (none: not known). */
  constructor(maxFailures = 4, executorSlots?: () => readonly number[]) {
    this.dag = new DagScheduler(this, {
      appId: 'test-app',
      maxFailures,
      autoDrain: false,
      executorSlots,
      applyAccumulators: (updates) => this.accumulatorUpdates.push(...updates),
    });
  }

  submit(tasks: readonly PendingTask[]): void {
    this.submitted.push(...tasks);
  }

  cancelJob(jobId: number): void {
    for (let i = this.submitted.length - 1; i >= 0; i--) if (this.submitted[i].request.jobId === jobId) this.submitted.splice(i, 1);
  }

  dropQueued(stageId: number, partition: number): void {
    for (let i = this.submitted.length - 1; i >= 0; i--) {
      const { request } = this.submitted[i];
      if (request.stageId === stageId && request.partition === partition) this.submitted.splice(i, 1);
    }
  }

  /** Submits a job and returns a handle on its outcome. */
  runJob(rdd: RDD<unknown>, partitions?: number[]): { result: Promise<unknown[][]>; settled: () => 'pending' | 'resolved' | 'rejected' } {
    let state: 'pending' | 'resolved' | 'rejected' = 'pending';
    const parts = partitions ?? Array.from({ length: rdd.getNumPartitions() }, (_, i) => i);
    const result = new Promise<unknown[][]>((resolve, reject) => {
      const job: ActiveJob = {
        id: this.nextJobId++,
        description: 'test job',
        rdd,
        partitions: parts,
        output: { kind: 'collect' },
        results: new Array(parts.length).fill(undefined),
        remaining: parts.length,
        resolve: (r) => {
          state = 'resolved';
          resolve(r);
        },
        reject: (e) => {
          state = 'rejected';
          reject(e);
        },
      };
      this.dag.post({ type: 'jobSubmitted', job });
    });
    result.catch(() => undefined);
    this.dag.drain();
    return { result, settled: () => state };
  }

  /** Removes and returns the submitted tasks of one stage. */
  take(stageId: number): TaskRequest[] {
    const taken = this.submitted.filter((t) => t.request.stageId === stageId).map((t) => t.request);
    for (let i = this.submitted.length - 1; i >= 0; i--) if (this.submitted[i].request.stageId === stageId) this.submitted.splice(i, 1);
    return taken;
  }

  finish(request: TaskRequest, outcome: TaskOutcome, executor: ExecutorId = 'exec-a'): void {
    this.dag.post({ type: 'taskEnded', request, executor, end: outcome, locality: 'ANY' });
    this.dag.drain();
  }

  loseExecutor(executor: ExecutorId): void {
    this.dag.post({ type: 'executorLost', executor, reason: 'lost in the test' });
    this.dag.drain();
  }
}

export function mapSuccess(numReducers: number): TaskOutcome {
  return taskSuccess({ bucketSizes: new Array(numReducers).fill(10) });
}

export function resultSuccess(records: unknown[], accumulators: [number, number][] = []): TaskOutcome {
  return taskSuccess({ result: encode(records), accumulators });
}

export function userFailure(message: string, deterministic?: true): TaskOutcome {
  return { kind: 'failure', error: { name: 'Error', message, stack: `Error: ${message}\n    at eval (flint-fn:map_at_job.ts:3:10)`, ...(deterministic ? { deterministic } : {}) } };
}

export function emptyState(): ReturnType<DagScheduler['state']> {
  return { jobs: 0, waitingStages: 0, runningStages: 0, stageAttempts: 0, taskCounts: 0, queuedEvents: 0 };
}

export { RDD };
