/**
 * The DAG scheduler: turns jobs into stages and stages into tasks, as one event loop. The stages'
 * lifecycle (jobs into stages, attempts submitted, stages finished, jobs ended) is the class it
 * extends, in stage-lifecycle.ts; this file is the loop and what each task end and lost executor does.
 *
 * Anything may `post` an event (a job submitted, a task ended, an executor lost); only the loop
 * mutates scheduler state, one event at a time, so there are no races to reason about. Tests run
 * the loop synchronously (`autoDrain: false` + `drain()`) against a fake task scheduler.
 *
 * Attempts and failures, and where each is handled:
 *  - a task that throws is retried, up to `maxFailures` attempts per partition; then the job fails
 *    (at once for an error marked deterministic, which another attempt would only repeat)
 *    with the user's error, the stage, the partition and the attempt (taskFailed);
 *  - a task that cannot read a parent's shuffle bucket (fetch failure) marks every map output of
 *    that executor lost, and both the parent stage and this stage are resubmitted; only the lost
 *    map partitions rerun (fetchFailed); after MAX_STAGE_ATTEMPTS consecutive fetch failures the
 *    job fails;
 *  - a task whose cached input partition has gone (evicted, or its executor died) is rerun at
 *    once, computing the partition from lineage instead (missingCachedBlock); not a failure;
 *  - a lost executor takes its running tasks (rerun elsewhere), its map outputs and its cached
 *    partitions with it (executorLost); stages that need the lost outputs rerun just the missing
 *    map partitions. As in Spark, the loss counts as a failure of the tasks running on it when
 *    the executor process died under them while its worker lived (exitCausedByApp: one of them
 *    aborted it), and not when the whole worker went away.
 * Accumulator updates from a ResultStage task are applied once per partition, from its first
 * successful attempt only, so retries never count twice.
 *
 * Barrier stages (RDDBarrier): all tasks of an attempt are launched together (the task scheduler
 * waits for a slot per task); a task that does not succeed kills the others and reruns the whole
 * stage, up to MAX_STAGE_ATTEMPTS consecutive failed attempts (barrierTaskEnded).
 */
import { decode } from '@flint/rdd';
import type { ExecutorId, TaskOutcome, TaskRequest } from '@flint/worker';
import { forgetMapOutputs } from './block-locations.js';
import { isAvailable, missingMapPartitions, taskCountsOf, type ResultStage, type ShuffleMapStage, type Stage, type StageAttempt } from './stage.js';
import type { TaskEnd } from './task-scheduler.js';
import type { ActiveJob } from './job.js';
import { JobFailedError, executorLostFailure } from './job.js';
import type { DagEvent } from './dag-contract.js';
import { StageLifecycle } from './stage-lifecycle.js';

export const MAX_STAGE_ATTEMPTS = 4;

export type { DagEvent, DagSchedulerOptions, JobCancellation, TaskSink } from './dag-contract.js';

export class DagScheduler extends StageLifecycle {
  private readonly events: DagEvent[] = [];
  private draining = false;

  post(event: DagEvent): void {
    this.events.push(event);
    if (this.options.autoDrain && !this.draining) queueMicrotask(() => this.drain());
  }

  /** Processes events until none is left. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let event = this.events.shift(); event; event = this.events.shift()) this.handle(event);
    } finally {
      this.draining = false;
    }
  }

  /**
   * For tests and the UI: what the loop is holding right now. With no job running, everything but
   * the registered map outputs is let go: no active stage, attempt or per-task count is left.
   */
  state(): { jobs: number; waitingStages: number; runningStages: number; stageAttempts: number; taskCounts: number; queuedEvents: number } {
    const known = [...this.planner.shuffleStages.values(), ...this.active.values()];
    const stages = [...new Set(known)];
    return {
      jobs: this.jobs.size,
      waitingStages: stages.filter((stage) => stage.state === 'waiting').length,
      runningStages: stages.filter((stage) => stage.state === 'running').length,
      stageAttempts: stages.filter((stage) => stage.currentAttempt !== undefined).length,
      taskCounts: stages.reduce((sum, stage) => sum + stage.taskCounts.size, 0),
      queuedEvents: this.events.length,
    };
  }

  private handle(event: DagEvent): void {
    switch (event.type) {
      case 'jobSubmitted':
        return this.jobSubmitted(event.job);
      case 'taskEnded':
        return this.taskEnded(event);
      case 'executorLost':
        return this.executorLost(event.executor, event.reason);
      case 'jobsCancelled':
        return this.jobsCancelled(event.cancellation);
      case 'jobsAborted':
        for (const job of [...this.jobs.values()]) this.endJob(job, event.error);
        return;
    }
  }

  private taskEnded(event: Extract<DagEvent, { type: 'taskEnded' }>): void {
    const { request, executor, end } = event;
    const stage = this.active.get(request.stageId);
    const attempt = stage?.currentAttempt;
    // A task of an attempt that was since resubmitted or finished: its stage no longer waits for it,
    // but its work is still good — a map output is registered, a missing result partition is kept.
    if (!stage || !attempt || attempt.encoded.attempt !== request.stageAttempt) {
      // A barrier stage's work counts only when the whole attempt succeeds together.
      if (end.kind === 'success' && !request.barrier) this.lateSuccess(request, executor, end);
      return;
    }
    if (attempt.encoded.barrier && end.kind !== 'success') return this.barrierTaskEnded(stage, request, end);
    switch (end.kind) {
      case 'success':
        return this.taskSucceeded(stage, attempt, request, executor, end);
      case 'failure':
        return this.taskFailed(stage, attempt, request, end);
      case 'fetchFailed':
        return this.fetchFailed(stage, end);
      case 'missingCachedBlock':
        // Neither the executor that ran the task nor the holder it read from has the partition any more.
        this.blocks.drop(end.rddId, end.split, executor);
        this.blocks.drop(end.rddId, end.split, end.executor);
        return this.retry(stage, attempt, request.partition);
      case 'executorLost':
        if (end.exitCausedByApp) return this.taskFailed(stage, attempt, request, executorLostFailure(end.executor, end.reason ?? 'unknown'));
        return this.retry(stage, attempt, request.partition);
    }
  }

  private taskSucceeded(
    stage: Stage,
    attempt: StageAttempt,
    request: TaskRequest,
    executor: ExecutorId,
    outcome: Extract<TaskOutcome, { kind: 'success' }>,
  ): void {
    this.blocks.taskSucceeded(executor, outcome);
    if (outcome.profile) this.options.taskProfiled?.(stage.rdd.id(), outcome.profile);
    attempt.pending.delete(request.partition);
    if (stage.kind === 'shuffleMap') {
      this.options.applyAccumulators(outcome.accumulators, outcome.customAccumulators);
      this.registerMapOutput(stage, request.partition, executor, outcome);
      if (attempt.pending.size === 0) this.mapStageAttemptDone(stage);
      return;
    }
    const job = this.jobs.get(stage.jobId);
    if (job) this.recordResult(job, stage, request.partition, outcome);
  }

  /** Keeps a result partition the first time it arrives (and its accumulator updates, only then). */
  private recordResult(job: ActiveJob, stage: ResultStage, partition: number, outcome: Extract<TaskOutcome, { kind: 'success' }>): void {
    const index = job.partitions.indexOf(partition);
    if (index < 0 || job.results[index] !== undefined) return;
    const tooLarge = this.resultSizes.add(job.id, outcome.result!.length);
    if (tooLarge) return this.endJob(job, tooLarge);
    this.options.applyAccumulators(outcome.accumulators, outcome.customAccumulators);
    job.results[index] = decode<unknown[]>(outcome.result!);
    job.remaining--;
    if (job.remaining === 0) {
      this.markFinished(stage);
      this.finishJob(job);
    }
  }

  private lateSuccess(request: TaskRequest, executor: ExecutorId, outcome: Extract<TaskOutcome, { kind: 'success' }>): void {
    this.blocks.taskSucceeded(executor, outcome);
    if (request.shuffleId !== undefined) {
      const mapStage = this.planner.shuffleStages.get(request.shuffleId);
      if (mapStage) this.registerMapOutput(mapStage, request.partition, executor, outcome);
      return;
    }
    const job = this.jobs.get(request.jobId);
    if (job?.finalStage?.id !== request.stageId) return;
    this.recordResult(job, job.finalStage, request.partition, outcome);
    // The resubmitted attempt's queued copy of this partition has nothing left to do.
    this.tasks.dropQueued(request.stageId, request.partition);
  }

  private registerMapOutput(stage: ShuffleMapStage, partition: number, executor: ExecutorId, outcome: Extract<TaskOutcome, { kind: 'success' }>): void {
    stage.outputs[partition] = { executor, bucketSizes: outcome.bucketSizes ?? [] };
  }

  /** All tasks of the attempt are done; outputs may still be missing if an executor died meanwhile. */
  private mapStageAttemptDone(stage: ShuffleMapStage): void {
    if (!isAvailable(stage)) {
      // An executor died during the attempt and took outputs with it: run again what is missing.
      this.resubmitting(stage, `map outputs of partitions ${missingMapPartitions(stage).join(', ')} were lost while the stage ran`);
      this.runOrWait(stage);
      return;
    }
    stage.fetchFailures = 0;
    stage.barrierFailures = 0;
    this.stageFinished(stage);
  }

  /** Reruns one task; its inputs are looked up afresh, so lost cached partitions are recomputed. */
  private retry(stage: Stage, attempt: StageAttempt, partition: number): void {
    if (!stage.parents.every(isAvailable)) {
      // A parent's map outputs were lost meanwhile: rerun those first, then this stage.
      this.runOrWait(stage);
      return;
    }
    if (stage.kind === 'result' || stage.outputs[partition] === undefined) this.tasks.submit([this.task(attempt.encoded, partition)]);
  }

  private taskFailed(stage: Stage, attempt: StageAttempt, request: TaskRequest, outcome: Extract<TaskOutcome, { kind: 'failure' }>): void {
    const failures = ++taskCountsOf(stage, request.partition).failures;
    if (failures < this.options.maxFailures && !outcome.error.deterministic) {
      this.retry(stage, attempt, request.partition);
      return;
    }
    const error = new JobFailedError(stage.id, request.partition, request.attempt, failures, outcome.error);
    this.failJobsOf(stage, error);
  }

  /**
   * A barrier task did not succeed: the other tasks of the attempt are killed and the whole stage
   * runs again (its map outputs or results so far are dropped). A task's own failure counts
   * toward MAX_STAGE_ATTEMPTS consecutive failed attempts; a lost executor or input does not.
   */
  private barrierTaskEnded(stage: Stage, request: TaskRequest, end: Exclude<TaskEnd, { kind: 'success' }>): void {
    this.tasks.killTasks?.([stage.id]);
    if (end.kind === 'fetchFailed') return this.fetchFailed(stage, end);
    if (end.kind === 'missingCachedBlock') this.blocks.drop(end.rddId, end.split, end.executor);
    if (stage.kind === 'shuffleMap') stage.outputs.fill(undefined);
    else this.forgetResults(stage);
    if (end.kind === 'failure') {
      const failures = ++stage.barrierFailures;
      if (failures >= MAX_STAGE_ATTEMPTS) {
        const error = new JobFailedError(stage.id, request.partition, request.attempt, failures, end.error);
        error.message = `Barrier stage ${stage.id} failed ${failures} times (a failed barrier task reruns the whole stage); ${error.message}`;
        return this.failJobsOf(stage, error);
      }
    }
    this.resubmitting(stage, `barrier task for partition ${request.partition} ended: ${end.kind}`);
    this.runOrWait(stage);
  }

  private forgetResults(stage: ResultStage): void {
    const job = this.jobs.get(stage.jobId);
    if (!job) return;
    job.results.fill(undefined);
    job.remaining = job.partitions.length;
  }

  private fetchFailed(stage: Stage, failure: Extract<TaskOutcome, { kind: 'fetchFailed' }>): void {
    // As Spark does without an external shuffle service: the executor that could not serve one
    // bucket is taken to have lost all its map outputs, so one resubmission reruns them all.
    forgetMapOutputs(this.planner.shuffleStages.values(), failure.executor);
    const { shuffleId, mapPartition, executor: executorId, message } = failure;
    this.emit({ type: 'fetchFailed', stageId: stage.id, shuffleId, mapPartition, executorId, message });
    if (stage.state !== 'running') return;
    const attempts = ++stage.fetchFailures;
    if (attempts >= MAX_STAGE_ATTEMPTS) {
      const error = new Error(`Stage ${stage.id} failed ${attempts} times because shuffle output was lost: ${failure.message}`);
      this.failJobsOf(stage, error);
      return;
    }
    this.resubmitting(stage, `fetch failure: ${failure.message}`);
    this.runOrWait(stage);
  }

  private executorLost(executorId: ExecutorId, reason: string): void {
    const lostMapOutputs = forgetMapOutputs(this.planner.shuffleStages.values(), executorId);
    const lostCachedPartitions = this.blocks.tracker.forgetExecutor(executorId);
    this.emit({ type: 'executorLost', executorId, reason, lostMapOutputs, lostCachedPartitions });
  }

}
