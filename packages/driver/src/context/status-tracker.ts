/**
 * PySpark's StatusTracker (`fc.statusTracker()`): which jobs and stages are active, the jobs of a
 * group or tag, and a snapshot of one job or stage. It listens to the scheduler's events and
 * keeps the last RETAINED_JOBS jobs, as Spark's UI store keeps `spark.ui.retainedJobs`.
 */
import type { EventOf, SchedulerEvent, StageInfo } from '../scheduler/events.js';

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

export class StatusTracker {
  private readonly jobs = new Map<number, TrackedJob>();
  private readonly stages = new Map<number, SparkStageInfo>();
  private readonly activeStages = new Set<number>();
  /** Stage names, from their jobs' start events. */
  private readonly stageNames = new Map<number, string>();

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

  /** Takes one event of the scheduler's stream (the context subscribes it). */
  readonly onEvent = (event: SchedulerEvent): void => {
    switch (event.type) {
      case 'jobStart':
        return this.jobStarted(event);
      case 'jobEnd':
        return this.jobEnded(event);
      case 'stageSubmitted':
        return this.stageSubmitted(event);
      case 'stageCompleted':
        this.activeStages.delete(event.stageId);
        return;
      case 'taskEnd':
        return this.taskEnded(event);
    }
  };

  private jobStarted(start: EventOf<'jobStart'>): void {
    for (const stage of start.stages) this.stageNames.set(stage.stageId, stageName(stage));
    this.jobs.set(start.jobId, { info: { jobId: start.jobId, stageIds: [...start.stageIds], status: 'RUNNING' }, group: start.jobGroup ?? null, tags: start.jobTags ?? [] });
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - RETAINED_JOBS))) this.jobs.delete(id);
  }

  private jobEnded(end: EventOf<'jobEnd'>): void {
    const tracked = this.jobs.get(end.jobId);
    if (tracked) tracked.info = { ...tracked.info, status: end.result === 'succeeded' ? 'SUCCEEDED' : 'FAILED' };
    // Stages that no running job needs any more are no longer active (a cancelled or failed job's).
    const needed = new Set([...this.jobs.values()].filter((j) => j.info.status === 'RUNNING').flatMap((j) => j.info.stageIds));
    for (const stageId of this.activeStages) if (!needed.has(stageId)) this.activeStages.delete(stageId);
  }

  private stageSubmitted(event: EventOf<'stageSubmitted'>): void {
    this.activeStages.add(event.stageId);
    this.stages.set(event.stageId, {
      stageId: event.stageId,
      currentAttemptId: event.attempt - 1,
      submissionTime: event.time,
      name: this.stageNames.get(event.stageId) ?? event.name,
      numTasks: event.numTasks,
      numActiveTasks: event.numTasks,
      numCompletedTasks: 0,
      numFailedTasks: 0,
    });
  }

  private taskEnded(end: EventOf<'taskEnd'>): void {
    const stage = this.stages.get(end.stageId);
    if (!stage || stage.currentAttemptId !== end.stageAttempt - 1) return;
    const succeeded = end.status === 'success';
    this.stages.set(end.stageId, {
      ...stage,
      numActiveTasks: Math.max(0, stage.numActiveTasks - (succeeded ? 1 : 0)),
      numCompletedTasks: stage.numCompletedTasks + (succeeded ? 1 : 0),
      numFailedTasks: stage.numFailedTasks + (succeeded ? 0 : 1),
    });
  }
}

/** PySpark's stage names: the stage's kind and its last RDD. */
function stageName(stage: StageInfo): string {
  const rddId = stage.rdds[0]?.id;
  return stage.kind === 'result' ? `result stage over RDD ${rddId}` : `shuffle ${stage.shuffleId} map stage over RDD ${rddId}`;
}
