/**
 * The application's status as the UI shows it, folded from the scheduler's event stream (Spark's
 * AppStatusStore and its listener in one). The driver feeds it live; the history server feeds it
 * by replaying an event log, so both show the same thing from the same events.
 *
 * One handler per event type (`HANDLERS`, exhaustive over SchedulerEvent); only `apply` mutates.
 * Listeners registered with `onChange` hear that something changed (the UI's live updates).
 */
import type { SchedulerEvent, EventOf, StageInfo } from '../../scheduler/events.js';
import { sparkDate, type ApplicationInfo, type CachedBlock, type ExecutorData, type JobData, type StageData, type TaskData } from './status-model.js';
import { newExecutor, newJob, newStageAttempt, taskMetricsOf } from './status-records.js';
import { numberToRemove, oldestFinished, SPARK_RETENTION, type RetentionLimits } from './status-retention.js';

type Handlers = { [T in SchedulerEvent['type']]: (store: AppStatusStore, event: EventOf<T>) => void };

export class AppStatusStore {
  application: ApplicationInfo | undefined;
  conf: { key: string; value: string; source: string }[] = [];
  readonly jobs = new Map<number, JobData>();
  /** Stage attempts by `stageId/attemptId` (attempt 0: submitted by no attempt yet). */
  readonly stages = new Map<string, StageData>();
  /** The same attempts by stage id then attempt id, so a stage's attempts are found without a scan. */
  private readonly attemptsByStage = new Map<number, Map<number, StageData>>();
  readonly stageInfos = new Map<number, StageInfo>();
  readonly tasks = new Map<number, TaskData>();
  readonly executors = new Map<string, ExecutorData>();
  /** Cached blocks: rdd id → partition → executor → block. */
  readonly blocks = new Map<number, Map<number, Map<string, CachedBlock>>>();
  readonly rddNames = new Map<number, { name: string; storageLevel?: string }>();
  /** Per job, the `stageId:partition`s with a successful task (JobData.numCompletedIndices). */
  readonly completedIndices = new Map<number, Set<string>>();
  /** Stages whose next attempt recomputes lost outputs, and why. */
  readonly pendingResubmits = new Map<number, string>();
  /**
   * SQL operators' output rows by metric id, summed over successful tasks. The SQL layer's metric
   * ids are negative (user accumulators' are not); their tasks may run before the query's job
   * starts (adaptive execution measures shuffle map stages in jobs of their own).
   */
  readonly sqlRowCounts = new Map<number, number>();
  private readonly changeListeners = new Set<() => void>();

  /** Past these, the oldest finished jobs, stages and tasks are forgotten (their counts stay in jobs, stages and executors). */
  constructor(readonly limits: RetentionLimits = SPARK_RETENTION) {}

  apply(event: SchedulerEvent): void {
    (HANDLERS[event.type] as (store: AppStatusStore, event: SchedulerEvent) => void)(this, event);
    this.forgetOldJobs();
    this.forgetOldStages();
    this.forgetOldTasks();
    if (this.application) this.application.lastUpdated = event.time;
    for (const listener of this.changeListeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  stageAttempt(stageId: number, attemptId: number): StageData | undefined {
    return this.stages.get(`${stageId}/${attemptId}`);
  }

  /** The attempts of a stage, first to last. */
  attemptsOf(stageId: number): StageData[] {
    return [...(this.attemptsByStage.get(stageId)?.values() ?? [])].sort((a, b) => a.attemptId - b.attemptId);
  }

  putStageAttempt(stage: StageData): void {
    this.stages.set(`${stage.stageId}/${stage.attemptId}`, stage);
    let attempts = this.attemptsByStage.get(stage.stageId);
    if (!attempts) this.attemptsByStage.set(stage.stageId, (attempts = new Map()));
    attempts.set(stage.attemptId, stage);
  }

  deleteStageAttempt(stageId: number, attemptId: number): void {
    this.stages.delete(`${stageId}/${attemptId}`);
    const attempts = this.attemptsByStage.get(stageId);
    attempts?.delete(attemptId);
    if (attempts?.size === 0) this.attemptsByStage.delete(stageId);
  }

  executor(id: string, host = id, time = Date.now()): ExecutorData {
    let executor = this.executors.get(id);
    if (!executor) {
      executor = newExecutor(id, host, 0, 0, time);
      this.executors.set(id, executor);
    }
    return executor;
  }

  private forgetOldJobs(): void {
    const count = numberToRemove(this.jobs.size, this.limits.jobs);
    for (const job of oldestFinished(this.jobs.values(), count, (j) => j.status !== 'RUNNING', (j) => j.completionTime ?? '')) this.jobs.delete(job.jobId);
  }

  /** A forgotten stage attempt takes its tasks with it, and its lineage once no attempt or running job needs it. */
  private forgetOldStages(): void {
    const count = numberToRemove(this.stages.size, this.limits.stages);
    const forgotten = oldestFinished(this.stages.values(), count, (s) => s.status !== 'ACTIVE' && s.status !== 'PENDING', (s) => s.completionTime ?? '');
    if (forgotten.length === 0) return;
    for (const stage of forgotten) this.deleteStageAttempt(stage.stageId, stage.attemptId);
    const keys = new Set(forgotten.map((s) => `${s.stageId}/${s.attemptId}`));
    for (const [taskId, task] of this.tasks) if (keys.has(`${task.stageId}/${task.stageAttemptId}`)) this.tasks.delete(taskId);
    const running = new Set([...this.jobs.values()].flatMap((j) => (j.status === 'RUNNING' ? j.stageIds : [])));
    for (const { stageId } of forgotten) if (!this.attemptsByStage.has(stageId) && !running.has(stageId)) this.stageInfos.delete(stageId);
  }

  private forgetOldTasks(): void {
    const count = numberToRemove(this.tasks.size, this.limits.tasks);
    for (const task of oldestFinished(this.tasks.values(), count, (t) => t.status !== 'RUNNING', (t) => t.launchTime + (t.duration ?? 0))) this.tasks.delete(task.taskId);
  }
}

const SQL_PLAN_MARKER = '\n== Physical Plan ==\n';

/** Spark's task states; a task whose cached input was gone is not a failure (its partition is recomputed), so it counts as killed. */
const TASK_STATUS: Record<EventOf<'taskEnd'>['status'], TaskData['status']> = {
  success: 'SUCCESS',
  failed: 'FAILED',
  executorLost: 'FAILED',
  fetchFailed: 'FAILED',
  killed: 'KILLED',
  missingCachedBlock: 'KILLED',
};

const HANDLERS: Handlers = {
  applicationStart(store, e) {
    store.application = { id: e.appId, name: e.appName, master: e.master, mode: e.mode, sparkUser: e.user, flintVersion: e.flintVersion, startTime: e.startTime, endTime: undefined, lastUpdated: e.time };
    store.conf = e.conf.map((entry) => ({ ...entry }));
  },
  applicationEnd(store, e) {
    if (store.application) store.application.endTime = e.time;
  },
  jobStart(store, e) {
    const planAt = e.description.indexOf(SQL_PLAN_MARKER);
    // As Spark's listener does, a job is named after its last stage, the result stage: `collect at job.ts:12:5`.
    const callSite = e.callSite ?? e.description.split('\n')[0];
    const job = newJob(e.jobId, e.stages.at(-1)?.name ?? callSite, callSite, e.time);
    job.description = planAt < 0 ? e.description : e.description.slice(0, planAt);
    if (planAt >= 0) job.physicalPlan = e.description.slice(planAt + SQL_PLAN_MARKER.length);
    if (e.sqlText !== undefined) job.sqlText = e.sqlText;
    if (e.sqlPlan !== undefined) job.sqlPlan = e.sqlPlan;
    if (e.jobGroup !== undefined) job.jobGroup = e.jobGroup;
    job.stageIds = [...e.stageIds];
    job.numTasks = e.stages.reduce((sum, stage) => sum + stage.numTasks, 0);
    store.jobs.set(e.jobId, job);
    store.completedIndices.set(e.jobId, new Set());
    for (const info of e.stages) {
      store.stageInfos.set(info.stageId, info);
      for (const rdd of info.rdds) store.rddNames.set(rdd.id, { name: rdd.name, storageLevel: rdd.storageLevel });
      const attempts = store.attemptsOf(info.stageId);
      const pending = attempts.find((s) => s.attemptId === 0);
      if (pending) Object.assign(pending, { status: 'PENDING', jobIds: [...new Set([...pending.jobIds, e.jobId])] });
      else if (!attempts.some((s) => s.status === 'ACTIVE')) store.putStageAttempt(newStageAttempt(info, 0, [e.jobId]));
    }
  },
  jobEnd(store, e) {
    const job = store.jobs.get(e.jobId);
    if (!job) return;
    job.status = e.result === 'succeeded' ? 'SUCCEEDED' : e.result === 'failed' ? 'FAILED' : 'CANCELLED';
    job.completionTime = sparkDate(e.time);
    if (e.error !== undefined) job.errorMessage = e.error;
    for (const stageId of job.stageIds) {
      const pending = store.stageAttempt(stageId, 0);
      if (!pending?.jobIds.includes(e.jobId)) continue;
      pending.jobIds = pending.jobIds.filter((id) => id !== e.jobId);
      // Not run for a job that succeeded: its outputs were there already (Spark's "skipped").
      if (e.result === 'succeeded') {
        job.numSkippedStages++;
        job.numSkippedTasks += pending.numTasks;
      }
      if (pending.jobIds.length > 0) continue;
      const neverRan = store.attemptsOf(stageId).length === 1;
      if (neverRan && e.result === 'succeeded') Object.assign(pending, { status: 'SKIPPED', jobIds: [e.jobId] });
      else store.deleteStageAttempt(stageId, 0);
    }
    job.numActiveStages = 0;
    job.numActiveTasks = 0;
    store.completedIndices.delete(e.jobId);
  },
  stageSubmitted(store, e) {
    store.deleteStageAttempt(e.stageId, 0);
    const info = store.stageInfos.get(e.stageId) ?? { stageId: e.stageId, name: e.name, numTasks: e.numTasks, parentStageIds: [], kind: 'result' as const, rdds: [] };
    const stage = newStageAttempt({ ...info, name: e.name }, e.attempt, [...e.jobIds]);
    stage.status = 'ACTIVE';
    stage.numTasks = e.numTasks;
    stage.submissionTime = sparkDate(e.time);
    const resubmit = store.pendingResubmits.get(e.stageId);
    if (resubmit !== undefined || e.reason === 'resubmitted') stage.resubmitReason = resubmit ?? 'resubmitted';
    store.pendingResubmits.delete(e.stageId);
    store.putStageAttempt(stage);
    for (const jobId of e.jobIds) {
      const job = store.jobs.get(jobId);
      if (!job) continue;
      job.numActiveStages++;
    }
  },
  stageCompleted(store, e) {
    const stage = store.stageAttempt(e.stageId, e.attempt);
    if (!stage) return;
    stage.status = e.failureReason === undefined ? 'COMPLETE' : 'FAILED';
    stage.completionTime = sparkDate(e.time);
    if (e.failureReason !== undefined) stage.failureReason = e.failureReason;
    for (const jobId of stage.jobIds) {
      const job = store.jobs.get(jobId);
      if (!job) continue;
      job.numActiveStages = Math.max(0, job.numActiveStages - 1);
      if (e.failureReason === undefined) job.numCompletedStages++;
      else job.numFailedStages++;
    }
  },
  stageResubmitted(store, e) {
    store.pendingResubmits.set(e.stageId, e.reason);
  },
  taskStart(store, e) {
    const task: TaskData = { taskId: e.taskId, stageId: e.stageId, stageAttemptId: e.stageAttempt, index: e.partition, attempt: e.attempt, launchTime: e.time, executorId: e.executorId, host: e.host, status: 'RUNNING', taskLocality: e.locality, speculative: e.speculative };
    store.tasks.set(e.taskId, task);
    const stage = store.stageAttempt(e.stageId, e.stageAttempt);
    if (stage) {
      stage.numActiveTasks++;
      stage.firstTaskLaunchedTime ??= sparkDate(e.time);
    }
    for (const job of jobsOf(store, stage)) job.numActiveTasks++;
    const executor = store.executor(e.executorId, e.host, e.time);
    executor.activeTasks++;
    executor.totalTasks++;
  },
  taskEnd(store, e) {
    const started = store.tasks.get(e.taskId);
    const wasRunning = started?.status === 'RUNNING';
    const task: TaskData = started ?? { taskId: e.taskId, stageId: e.stageId, stageAttemptId: e.stageAttempt, index: e.partition, attempt: e.attempt, launchTime: e.time - e.durationMs, executorId: e.executorId, host: e.executorId, status: 'RUNNING', taskLocality: 'ANY', speculative: false };
    task.status = TASK_STATUS[e.status];
    task.duration = e.durationMs;
    if (e.status !== 'success') task.endReason = e.status;
    if (e.reason !== undefined) task.errorMessage = e.reason;
    if (e.metrics) task.taskMetrics = taskMetricsOf(e.metrics, e.durationMs);
    store.tasks.set(e.taskId, task);
    const stage = store.stageAttempt(e.stageId, e.stageAttempt);
    const executor = store.executor(e.executorId, task.host, e.time);
    if (wasRunning) executor.activeTasks = Math.max(0, executor.activeTasks - 1);
    else executor.totalTasks++;
    executor.totalDuration += e.durationMs;
    if (stage && wasRunning) stage.numActiveTasks = Math.max(0, stage.numActiveTasks - 1);
    for (const job of jobsOf(store, stage)) {
      if (wasRunning) job.numActiveTasks = Math.max(0, job.numActiveTasks - 1);
      if (task.status === 'SUCCESS') {
        job.numCompletedTasks++;
        const done = store.completedIndices.get(job.jobId);
        done?.add(`${task.stageId}:${task.index}`);
        job.numCompletedIndices = done?.size ?? job.numCompletedIndices;
      }
      else if (task.status === 'KILLED') job.numKilledTasks++;
      else job.numFailedTasks++;
    }
    if (task.status === 'SUCCESS') executor.completedTasks++;
    else executor.failedTasks++;
    if (task.status === 'SUCCESS') addSqlRowCounts(store, e.metrics?.accumulatorUpdates);
    if (!stage) return;
    if (task.status === 'KILLED') stage.numKilledTasks++;
    else if (task.status === 'FAILED') stage.numFailedTasks++;
    else {
      stage.numCompleteTasks++;
      stage.locality[task.taskLocality as keyof StageData['locality']] = (stage.locality[task.taskLocality as keyof StageData['locality']] ?? 0) + 1;
    }
    const metrics = task.taskMetrics;
    if (!metrics || task.status !== 'SUCCESS') return;
    stage.executorRunTime += metrics.executorRunTime;
    stage.inputRecords += metrics.recordsIn;
    stage.outputRecords += metrics.recordsOut;
    stage.outputBytes += metrics.bytesOut;
    stage.shuffleReadBytes += metrics.shuffleReadBytes;
    stage.shuffleWriteBytes += metrics.shuffleWriteBytes;
    stage.memoryBytesSpilled += metrics.memoryBytesSpilled;
    stage.diskBytesSpilled += metrics.diskBytesSpilled;
    executor.totalShuffleRead += metrics.shuffleReadBytes;
    executor.totalShuffleWrite += metrics.shuffleWriteBytes;
  },
  executorAdded(store, e) {
    const previous = store.executors.get(e.executorId);
    const executor = newExecutor(e.executorId, e.host, e.slots, e.memoryBytes ?? 0, e.time);
    if (previous) Object.assign(executor, { activeTasks: previous.activeTasks, totalTasks: previous.totalTasks, completedTasks: previous.completedTasks, failedTasks: previous.failedTasks, totalDuration: previous.totalDuration });
    store.executors.set(e.executorId, executor);
  },
  executorLost(store, e) {
    const executor = store.executor(e.executorId, e.executorId, e.time);
    executor.isActive = false;
    executor.removeTime = sparkDate(e.time);
    executor.removeReason = e.reason;
    for (const partitions of store.blocks.values()) for (const holders of partitions.values()) holders.delete(e.executorId);
    refreshCachedBytes(store);
  },
  blockUpdated(store, e) {
    let partitions = store.blocks.get(e.rddId);
    if (!partitions) store.blocks.set(e.rddId, (partitions = new Map()));
    let holders = partitions.get(e.partition);
    if (!holders) partitions.set(e.partition, (holders = new Map()));
    if (e.memBytes === 0 && e.diskBytes === 0) holders.delete(e.executorId);
    else holders.set(e.executorId, { storageLevel: e.storageLevel, memBytes: e.memBytes, diskBytes: e.diskBytes });
    refreshCachedBytes(store);
  },
  fetchFailed() {
    // The failed fetch reaches the UI as its task's end (status fetchFailed) and the stage's resubmission.
  },
};

function addSqlRowCounts(store: AppStatusStore, updates: readonly (readonly [number, number])[] | undefined): void {
  for (const [id, amount] of updates ?? []) if (id < 0) store.sqlRowCounts.set(id, (store.sqlRowCounts.get(id) ?? 0) + amount);
}

function jobsOf(store: AppStatusStore, stage: StageData | undefined): JobData[] {
  return (stage?.jobIds ?? []).flatMap((id) => store.jobs.get(id) ?? []);
}

/** Executors' cached bytes and block counts, recounted from the block table. */
function refreshCachedBytes(store: AppStatusStore): void {
  for (const executor of store.executors.values()) Object.assign(executor, { rddBlocks: 0, memoryUsed: 0, diskUsed: 0 });
  for (const partitions of store.blocks.values())
    for (const holders of partitions.values())
      for (const [executorId, block] of holders) {
        const executor = store.executor(executorId);
        executor.rddBlocks++;
        executor.memoryUsed += block.memBytes;
        executor.diskUsed += block.diskBytes;
      }
}
