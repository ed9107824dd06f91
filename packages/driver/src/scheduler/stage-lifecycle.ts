/**
 * The lifecycle half of the DAG scheduler, which dag-scheduler.ts extends with its event loop and
 * what each task end does: jobs become stages, stages wait for their parents and run as attempts,
 * then finish or are abandoned, and jobs end. Each change goes through `setState` (the lifecycle
 * itself is in stage.ts). Only the event loop calls these methods, one event at a time.
 *
 * Stages: a job's final RDD becomes a ResultStage; every shuffle dependency on the way up becomes
 * a ShuffleMapStage (see stage-planner.ts). A stage is submitted once all its parents' map outputs
 * are available; parents are submitted first, recursively. A ShuffleMapStage whose outputs are all
 * still registered is skipped: that is how a second action over the same shuffled RDD reuses work.
 * Cancellation (job groups, tags, all): the selected jobs end with Spark's message and the running
 * tasks of the stages only they needed are killed (jobsCancelled).
 */
import { runtimeNamespaces } from '@flint/rdd';
import type { StageOutput, TaskRequest } from '@flint/worker';
import { StagePlanner } from './stage-planner.js';
import { CachedBlocks } from './cached-blocks.js';
import { buildTask, encodeStage } from './task-builder.js';
import { isActive, isAvailable, missingMapPartitions, moveTo, taskCountsOf, type ResultStage, type EncodedStage, type Stage } from './stage.js';
import type { PendingTask } from './task-scheduler.js';
import type { ActiveJob } from './job.js';
import type { EventSink } from './event-bus.js';
import { jobStartEvent } from './event-data.js';
import { ResultSizeLimit } from './result-size-limit.js';
import { stageRefusal } from './stage-refusals.js';
import { JobCancelledError } from './job.js';
import type { DagSchedulerOptions, JobCancellation, TaskSink } from './dag-contract.js';

export abstract class StageLifecycle {
  readonly planner = new StagePlanner();
  /** Where cached partitions are, and the blockUpdated events of their changes. */
  readonly blocks: CachedBlocks;
  protected readonly jobs = new Map<number, ActiveJob>();
  /** The stages jobs are waiting for or running, by id (see the lifecycle in stage.ts). */
  protected readonly active = new Map<number, Stage>();
  protected readonly resultSizes: ResultSizeLimit;
  private nextTaskId = 0;

  constructor(
    protected readonly tasks: TaskSink,
    protected readonly options: DagSchedulerOptions,
  ) {
    this.resultSizes = new ResultSizeLimit(options.maxResultSize ?? 0);
    this.blocks = new CachedBlocks((event) => this.emit(event));
  }

  /** Forgets one shuffle's map outputs (cleanShuffleDependencies): its map stage runs again when next needed. */
  forgetMapOutputs(shuffleId: number): void {
    this.planner.shuffleStages.get(shuffleId)?.outputs.fill(undefined);
  }

  /** Unregisters every map output (mapreduce mode keeps nothing between jobs); returns the shuffle ids. */
  forgetAllMapOutputs(): number[] {
    for (const stage of this.planner.shuffleStages.values()) stage.outputs.fill(undefined);
    return [...this.planner.shuffleStages.keys()];
  }

  /** Ends the selected jobs with Spark's message and kills the running tasks that only they needed. */
  protected jobsCancelled(cancellation: JobCancellation): void {
    for (const job of [...this.jobs.values()]) {
      if (!cancellation.select(job)) continue;
      const onlyThisJob = [...this.active.values()].filter((stage) => stage.jobIds.size === 1 && stage.jobIds.has(job.id));
      this.endJob(job, new JobCancelledError(cancellation.reason(job.id)));
      this.tasks.killTasks?.(onlyThisJob.map((stage) => stage.id));
    }
  }

  protected jobSubmitted(job: ActiveJob): void {
    this.jobs.set(job.id, job);
    if (job.partitions.length === 0) return this.finishJob(job);
    job.finalStage = this.planner.createResultStage(job.rdd, job.id, job.shortCallSite);
    this.emit(jobStartEvent(job, job.finalStage));
    this.submitStage(job.finalStage);
  }

  /** Hands a scheduler event to the listener bus (not to be confused with post(), the loop's own queue). */
  protected emit(event: Parameters<EventSink>[0]): void {
    this.options.events?.(event);
  }

  private submitStage(stage: Stage): void {
    if (isActive(stage)) return;
    this.runOrWait(stage);
  }

  /** Runs the stage's missing tasks if its parents' outputs are all available, else waits for the missing parents. */
  protected runOrWait(stage: Stage): void {
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

  protected resubmitting(stage: Stage, reason: string): void {
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
      name: stage.name,
      numTasks: partitions.length,
      jobIds: [...stage.jobIds],
      reason: stage.attempts === 1 ? 'first' : 'resubmitted',
    });
    this.tasks.submit(partitions.map((partition) => this.task(encoded, partition)));
  }

  /**
   * A copy of a straggling task, as Spark's TaskSetManager makes one: its own task id and the
   * partition's next attempt number (its TaskContext.attemptNumber() is 1 beside an attempt 0);
   * none once the task's stage attempt no longer runs. The task scheduler asks from its speculation
   * timer, outside the event loop: this only counts, it changes no stage.
   */
  speculativeCopy(original: TaskRequest): TaskRequest | undefined {
    const stage = this.active.get(original.stageId);
    if (!stage || stage.currentAttempt?.encoded.attempt !== original.stageAttempt) return undefined;
    return { ...original, taskId: this.nextTaskId++, attempt: taskCountsOf(stage, original.partition).launched++ };
  }

  protected task(encoded: EncodedStage, partition: number): PendingTask {
    const attempt = taskCountsOf(encoded.stage, partition).launched++;
    const jobId = encoded.stage.kind === 'result' ? encoded.stage.jobId : Math.min(...encoded.stage.jobIds);
    const task = buildTask(encoded, { appId: this.options.appId, taskId: this.nextTaskId++, jobId, attempt }, partition, this.blocks.tracker, this.planner.shuffleStages);
    // As Spark's TaskSet, a stage's tasks carry the local properties of the job that submitted it.
    const properties = this.jobs.get(jobId)?.properties;
    const localProperties = properties && properties.size > 0 ? Object.fromEntries(properties) : undefined;
    const { shuffleOnDisk, taskProfiled, executorEnv } = this.options;
    const runtimes = runtimeNamespaces();
    const flags = {
      ...(shuffleOnDisk && { shuffleOnDisk: true }),
      ...(taskProfiled && { profile: true }),
      ...(executorEnv && { executorEnv }),
      ...(runtimes.length > 0 && { runtimes }),
    };
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

  /** Listeners hear of a stage's completion only when an attempt of it ran (setState). */
  protected markFinished(stage: Stage): void {
    this.setState(stage, 'finished');
  }

  protected stageFinished(stage: Stage): void {
    this.markFinished(stage);
    // Every waiting stage is looked at again: one whose parents are all available runs now; for
    // the others, a parent that finished earlier but lost outputs since is resubmitted.
    for (const waiting of [...this.active.values()]) if (waiting.state === 'waiting') this.runOrWait(waiting);
  }

  protected failJobsOf(stage: Stage, error: Error): void {
    for (const job of [...this.jobs.values()]) {
      if (stage.jobIds.has(job.id)) this.endJob(job, error);
    }
  }

  protected finishJob(job: ActiveJob): void {
    this.endJob(job, undefined);
  }

  protected endJob(job: ActiveJob, error: Error | undefined): void {
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
