/**
 * The DAG scheduler: turns jobs into stages and stages into tasks, as one event loop.
 *
 * Anything may `post` an event (a job submitted, a task ended, an executor lost); only the loop
 * mutates scheduler state, one event at a time, so there are no races to reason about. Tests run
 * the loop synchronously (`autoDrain: false` + `drain()`) against a fake task scheduler.
 *
 * Stages: a job's final RDD becomes a ResultStage; every shuffle dependency on the way up becomes
 * a ShuffleMapStage (see stage-planner.ts). A stage is submitted once all its parents' map outputs
 * are available; parents are submitted first, recursively. A ShuffleMapStage whose outputs are all
 * still registered is skipped: that is how a second action over the same shuffled RDD reuses work.
 *
 * Attempts and failures, and where each is handled:
 *  - a task that throws is retried, up to `maxFailures` attempts per partition; then the job fails
 *    with the user's error, the stage, the partition and the attempt (taskFailed);
 *  - a task that cannot read a parent's shuffle bucket (fetch failure) marks every map output of
 *    that executor lost, and both the parent stage and this stage are resubmitted; only the lost
 *    map partitions rerun
 *    (fetchFailed); after MAX_STAGE_ATTEMPTS consecutive fetch failures the job fails;
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
 * Cancellation (job groups, tags, all): the selected jobs end with Spark's message and the running
 * tasks of the stages only they needed are killed (jobsCancelled).
 */
import { decode } from '@flint/rdd';
import type { ExecutorId, StageOutput, TaskOutcome, TaskRequest } from '@flint/worker';
import { StagePlanner } from './stage-planner.js';
import { forgetMapOutputs } from './block-locations.js';
import { CachedBlocks } from './cached-blocks.js';
import { buildTask, encodeStage } from './task-builder.js';
import { isActive, isAvailable, missingMapPartitions, moveTo, taskCountsOf, type ResultStage, type ShuffleMapStage, type EncodedStage, type Stage, type StageAttempt } from './stage.js';
import type { PendingTask, TaskEnd } from './task-scheduler.js';
import type { ActiveJob } from './job.js';
import type { EventSink } from './event-bus.js';
import { jobStartEvent, stageName } from './event-data.js';
import { ResultSizeLimit } from './result-size-limit.js';
import { stageRefusal } from './stage-refusals.js';
import { JobCancelledError, JobFailedError, executorLostFailure } from './job.js';
import type { DagEvent, DagSchedulerOptions, JobCancellation, TaskSink } from './dag-contract.js';

export const MAX_STAGE_ATTEMPTS = 4;

export type { DagEvent, DagSchedulerOptions, JobCancellation, TaskSink } from './dag-contract.js';

export class DagScheduler {
  readonly planner = new StagePlanner();
  /** Where cached partitions are, and the blockUpdated events of their changes. */
  readonly blocks: CachedBlocks;
  private readonly events: DagEvent[] = [];
  private draining = false;
  private nextTaskId = 0;
  private readonly jobs = new Map<number, ActiveJob>();
  /** The stages jobs are waiting for or running, by id (see the lifecycle in stage.ts). */
  private readonly active = new Map<number, Stage>();
  private readonly resultSizes: ResultSizeLimit;

  constructor(
    private readonly tasks: TaskSink,
    private readonly options: DagSchedulerOptions,
  ) {
    this.resultSizes = new ResultSizeLimit(options.maxResultSize ?? 0);
    this.blocks = new CachedBlocks((event) => this.emit(event));
  }

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

  /** Unregisters every map output (mapreduce mode keeps nothing between jobs); returns the shuffle ids. */
  /** Forgets one shuffle's map outputs (cleanShuffleDependencies): its map stage runs again when next needed. */
  forgetMapOutputs(shuffleId: number): void {
    this.planner.shuffleStages.get(shuffleId)?.outputs.fill(undefined);
  }

  forgetAllMapOutputs(): number[] {
    for (const stage of this.planner.shuffleStages.values()) stage.outputs.fill(undefined);
    return [...this.planner.shuffleStages.keys()];
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

  /** Ends the selected jobs with Spark's message and kills the running tasks that only they needed. */
  private jobsCancelled(cancellation: JobCancellation): void {
    for (const job of [...this.jobs.values()]) {
      if (!cancellation.select(job)) continue;
      const onlyThisJob = [...this.active.values()].filter((stage) => stage.jobIds.size === 1 && stage.jobIds.has(job.id));
      this.endJob(job, new JobCancelledError(cancellation.reason(job.id)));
      this.tasks.killTasks?.(onlyThisJob.map((stage) => stage.id));
    }
  }

  private jobSubmitted(job: ActiveJob): void {
    this.jobs.set(job.id, job);
    if (job.partitions.length === 0) return this.finishJob(job);
    job.finalStage = this.planner.createResultStage(job.rdd, job.id);
    this.emit(jobStartEvent(job, job.finalStage));
    this.submitStage(job.finalStage);
  }

  /** Hands a scheduler event to the listener bus (not to be confused with post(), the loop's own queue). */
  private emit(event: Parameters<EventSink>[0]): void {
    this.options.events?.(event);
  }

  private submitStage(stage: Stage): void {
    if (isActive(stage)) return;
    this.runOrWait(stage);
  }

  /** Runs the stage's missing tasks if its parents' outputs are all available, else waits for the missing parents. */
  private runOrWait(stage: Stage): void {
    const missing = stage.parents.filter((parent) => !isAvailable(parent));
    if (missing.length === 0) {
      this.submitMissingTasks(stage);
      return;
    }
    this.setState(stage, 'waiting');
    for (const parent of missing) {
      // A parent that ran before and is not running now lost outputs: its lineage is recomputed.
      if (parent.attempts > 0 && !isActive(parent)) this.resubmitting(parent, `map outputs of partitions ${missingMapPartitions(parent).join(', ')} were lost`);
      this.submitStage(parent);
    }
  }

  private resubmitting(stage: Stage, reason: string): void {
    this.emit({ type: 'stageResubmitted', stageId: stage.id, reason });
  }

  /**
   * Every change of a stage's state goes through here: the active map follows the lifecycle, and
   * an attempt that stops running is reported completed (with why, when it did not finish).
   */
  private setState(stage: Stage, state: Stage['state']): void {
    if (stage.state === 'running') {
      const failureReason = state === 'finished' ? undefined : state === 'abandoned' ? 'no job needs the stage any more' : 'the attempt was aborted; the stage runs again';
      this.emit({ type: 'stageCompleted', stageId: stage.id, attempt: stage.currentAttempt?.encoded.attempt ?? stage.attempts, ...(failureReason ? { failureReason } : {}) });
    }
    moveTo(stage, state);
    if (state !== 'running') stage.currentAttempt = undefined;
    if (isActive(stage)) this.active.set(stage.id, stage);
    else this.active.delete(stage.id);
  }

  private submitMissingTasks(stage: Stage): void {
    let partitions = stage.kind === 'result' ? this.unfinishedResultPartitions(stage) : missingMapPartitions(stage);
    if (partitions.length === 0) {
      this.stageFinished(stage);
      return;
    }
    stage.attempts++;
    let encoded: EncodedStage;
    try {
      encoded = encodeStage(stage, this.stageOutput(stage));
    } catch (error) {
      // A value the stage's functions capture cannot be sent (a destroyed broadcast, say).
      this.failJobsOf(stage, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const refusal = stageRefusal(encoded, this.options.executorSlots?.(), stage.kind === 'result' ? this.jobs.get(stage.jobId) : undefined);
    if (refusal) return this.failJobsOf(stage, new Error(refusal));
    if (encoded.barrier) {
      // A barrier stage always runs all its tasks together, never just the missing ones.
      partitions = Array.from({ length: stage.numPartitions }, (_, i) => i);
    }
    this.setState(stage, 'running');
    stage.currentAttempt = { encoded, pending: new Set(partitions) };
    this.blocks.stageStarted(encoded.rdds.values());
    this.emit({
      type: 'stageSubmitted',
      stageId: stage.id,
      attempt: stage.attempts,
      name: stageName(stage),
      numTasks: partitions.length,
      jobIds: [...stage.jobIds],
      reason: stage.attempts === 1 ? 'first' : 'resubmitted',
    });
    this.tasks.submit(partitions.map((partition) => this.task(encoded, partition)));
  }

  private task(encoded: EncodedStage, partition: number): PendingTask {
    const attempt = taskCountsOf(encoded.stage, partition).launched++;
    const jobId = encoded.stage.kind === 'result' ? encoded.stage.jobId : Math.min(...encoded.stage.jobIds);
    const task = buildTask(encoded, { appId: this.options.appId, taskId: this.nextTaskId++, jobId, attempt }, partition, this.blocks.tracker, this.planner.shuffleStages);
    // As Spark's TaskSet, a stage's tasks carry the local properties of the job that submitted it.
    const properties = this.jobs.get(jobId)?.properties;
    const localProperties = properties && properties.size > 0 ? Object.fromEntries(properties) : undefined;
    const { shuffleOnDisk, taskProfiled, executorEnv } = this.options;
    const flags = { ...(shuffleOnDisk && { shuffleOnDisk: true }), ...(taskProfiled && { profile: true }), ...(executorEnv && { executorEnv }) };
    return { ...task, request: { ...task.request, ...(localProperties && { localProperties }), ...flags } };
  }

  private stageOutput(stage: Stage): StageOutput {
    if (stage.kind === 'shuffleMap') return { kind: 'shuffle', shuffleId: stage.shuffleId, partitioner: stage.partitioner };
    return this.jobs.get(stage.jobId)!.output;
  }

  private unfinishedResultPartitions(stage: ResultStage): number[] {
    const job = this.jobs.get(stage.jobId)!;
    return job.partitions.filter((_, index) => job.results[index] === undefined);
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

  /** Listeners hear of a stage's completion only when an attempt of it ran (setState). */
  private markFinished(stage: Stage): void {
    this.setState(stage, 'finished');
  }

  private stageFinished(stage: Stage): void {
    this.markFinished(stage);
    // Every waiting stage is looked at again: one whose parents are all available runs now; for
    // the others, a parent that finished earlier but lost outputs since is resubmitted.
    for (const waiting of [...this.active.values()]) if (waiting.state === 'waiting') this.runOrWait(waiting);
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
    if (failures < this.options.maxFailures) {
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

  private failJobsOf(stage: Stage, error: Error): void {
    for (const job of [...this.jobs.values()]) {
      if (stage.jobIds.has(job.id)) this.endJob(job, error);
    }
  }

  private finishJob(job: ActiveJob): void {
    this.endJob(job, undefined);
  }

  private endJob(job: ActiveJob, error: Error | undefined): void {
    this.jobs.delete(job.id);
    this.resultSizes.jobEnded(job.id);
    this.tasks.cancelJob(job.id);
    for (const stage of [...this.active.values()]) {
      stage.jobIds.delete(job.id);
      if (stage.jobIds.size === 0) this.setState(stage, 'abandoned');
    }
    // Attempt numbers and failure counts last while some job needs the stage.
    for (const stage of [...this.planner.shuffleStages.values(), job.finalStage]) {
      if (stage && !isActive(stage)) stage.taskCounts.clear();
    }
    if (job.finalStage) {
      const result = error === undefined ? 'succeeded' : error instanceof JobCancelledError ? 'cancelled' : 'failed';
      this.emit({ type: 'jobEnd', jobId: job.id, result, ...(error ? { error: error.message } : {}) });
    }
    if (error) job.reject(error);
    else job.resolve(job.results as unknown[][]);
  }
}
