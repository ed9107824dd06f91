/**
 * PySpark's StatusTracker (`fc.statusTracker()`): which jobs and stages are active, the jobs of a
 * group or tag, and a snapshot of one job or stage. It listens to the scheduler's events and
 * keeps the last RETAINED_JOBS jobs, as Spark's UI store keeps `spark.ui.retainedJobs`.
 */
import type { ExecutorId, TaskRequest } from '@flint/worker';
import type { ActiveJob, SchedulerListener } from '../scheduler/job.js';
import type { Stage } from '../scheduler/stage.js';
import type { TaskEnd } from '../scheduler/task-scheduler.js';
import { JOB_GROUP_ID, tagsOf } from './local-properties.js';
import { stagesOf } from './job-history.js';

export type JobExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'UNKNOWN';

export interface SparkJobInfo {
  readonly jobId: number;
  readonly stageIds: readonly number[];
  readonly status: JobExecutionStatus;
}

export interface SparkStageInfo {
  readonly stageId: number;
  readonly currentAttemptId: number;
  readonly submissionTime: number;
  readonly name: string;
  readonly numTasks: number;
  readonly numActiveTasks: number;
  readonly numCompletedTasks: number;
  readonly numFailedTasks: number;
}

interface TrackedJob {
  info: SparkJobInfo;
  readonly group: string | null;
  readonly tags: readonly string[];
}

const RETAINED_JOBS = 1000;

export class StatusTracker implements SchedulerListener {
  private readonly jobs = new Map<number, TrackedJob>();
  private readonly stages = new Map<number, SparkStageInfo>();
  private readonly activeStages = new Set<number>();

  /** Ids of the jobs (running or ended) of a job group; without a group, of the jobs submitted outside any group. */
  getJobIdsForGroup(jobGroup: string | null = null): number[] {
    return [...this.jobs.values()].filter((job) => job.group === jobGroup).map((job) => job.info.jobId);
  }

  getJobIdsForTag(jobTag: string): number[] {
    return [...this.jobs.values()].filter((job) => job.tags.includes(jobTag)).map((job) => job.info.jobId);
  }

  getActiveJobsIds(): number[] {
    return [...this.jobs.values()].filter((job) => job.info.status === 'RUNNING').map((job) => job.info.jobId);
  }

  getActiveStageIds(): number[] {
    return [...this.activeStages];
  }

  /** A snapshot of a job, or null if it is unknown (never run, or no longer retained). */
  getJobInfo(jobId: number): SparkJobInfo | null {
    return this.jobs.get(jobId)?.info ?? null;
  }

  getStageInfo(stageId: number): SparkStageInfo | null {
    return this.stages.get(stageId) ?? null;
  }

  jobStarted(job: ActiveJob): void {
    const properties = job.properties ?? new Map<string, string>();
    const stageIds = job.finalStage ? stagesOf(job.finalStage).map((stage) => stage.id) : [];
    this.jobs.set(job.id, { info: { jobId: job.id, stageIds, status: 'RUNNING' }, group: properties.get(JOB_GROUP_ID) ?? null, tags: tagsOf(properties) });
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - RETAINED_JOBS))) this.jobs.delete(id);
  }

  jobEnded(job: ActiveJob, error: Error | undefined): void {
    const tracked = this.jobs.get(job.id);
    if (tracked) tracked.info = { ...tracked.info, status: error ? 'FAILED' : 'SUCCEEDED' };
    // Stages that no running job needs any more are no longer active (a cancelled or failed job's).
    const needed = new Set([...this.jobs.values()].filter((j) => j.info.status === 'RUNNING').flatMap((j) => j.info.stageIds));
    for (const stageId of this.activeStages) if (!needed.has(stageId)) this.activeStages.delete(stageId);
  }

  stageSubmitted(stage: Stage, numTasks: number): void {
    this.activeStages.add(stage.id);
    this.stages.set(stage.id, {
      stageId: stage.id,
      currentAttemptId: stage.attempts - 1,
      submissionTime: Date.now(),
      name: stageName(stage),
      numTasks,
      numActiveTasks: numTasks,
      numCompletedTasks: 0,
      numFailedTasks: 0,
    });
  }

  stageCompleted(stage: Stage): void {
    this.activeStages.delete(stage.id);
  }

  taskEnded(request: TaskRequest, _executor: ExecutorId, end: TaskEnd): void {
    const stage = this.stages.get(request.stageId);
    if (!stage || stage.currentAttemptId !== request.stageAttempt - 1) return;
    const succeeded = end.kind === 'success';
    this.stages.set(request.stageId, {
      ...stage,
      numActiveTasks: Math.max(0, stage.numActiveTasks - (succeeded ? 1 : 0)),
      numCompletedTasks: stage.numCompletedTasks + (succeeded ? 1 : 0),
      numFailedTasks: stage.numFailedTasks + (succeeded ? 0 : 1),
    });
  }
}

function stageName(stage: Stage): string {
  return stage.kind === 'result' ? `result stage over RDD ${stage.rdd.id()}` : `shuffle ${stage.shuffleId} map stage over RDD ${stage.rdd.id()}`;
}
