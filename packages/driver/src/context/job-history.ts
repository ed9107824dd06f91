/**
 * A record of every job the context ran: its stages, which of them ran and which were skipped
 * (their shuffle outputs already existed), task counts, locality and timings. `fc.jobHistory`.
 * It reads the scheduler's event stream, so an event log replays into the same history.
 */
import type { TaskMetrics } from '@flint/worker';
import type { EventOf, SchedulerEvent, TaskLocality } from '../scheduler/events.js';

export interface StageSummary {
  readonly stageId: number;
  readonly name: string;
  readonly numTasks: number;
  readonly skipped: boolean;
  readonly durationMs: number;
}

export interface JobSummary {
  readonly jobId: number;
  /** The action and where the user called it, `collect at job.ts:12:5`: its result stage's name, as Spark names a job. */
  readonly name: string;
  readonly description: string;
  readonly durationMs: number;
  readonly succeeded: boolean;
  readonly stages: StageSummary[];
  /** Tasks that ran, by locality level. */
  readonly locality: Record<TaskLocality, number>;
  readonly failedTasks: number;
  /** Where the successful tasks' time went, summed over tasks (see TaskMetrics). */
  readonly taskTime: TaskMetrics;
}

interface RunningJob {
  readonly start: EventOf<'jobStart'>;
  stageRuns: Map<number, { numTasks: number; durationMs: number; startedAt: number }>;
  locality: Record<TaskLocality, number>;
  failedTasks: number;
  taskTime: Record<keyof TaskMetrics, number>;
}

export class JobHistory {
  readonly jobs: JobSummary[] = [];
  private readonly running = new Map<number, RunningJob>();
  /** Where each running task attempt was placed, from its start, by task id. */
  private readonly placements = new Map<number, TaskLocality>();
  /** The jobs each running stage serves, from its submission (jobs share stages). */
  private readonly stageJobs = new Map<number, readonly number[]>();

  /** Takes one event of the stream (the context subscribes it; a replayed log feeds it the same). */
  readonly onEvent = (event: SchedulerEvent): void => {
    switch (event.type) {
      case 'jobStart':
        return this.jobStarted(event);
      case 'stageSubmitted':
        return this.stageSubmitted(event);
      case 'stageCompleted':
        return this.stageCompleted(event);
      case 'taskStart':
        this.placements.set(event.taskId, event.locality);
        return;
      case 'taskEnd':
        return this.taskEnded(event);
      case 'jobEnd':
        return this.jobEnded(event);
    }
  };

  private jobStarted(start: EventOf<'jobStart'>): void {
    const taskTime = { fetchMs: 0, readMs: 0, parseMs: 0, decodeMs: 0, threadMs: 0, memoryBytesSpilled: 0, diskBytesSpilled: 0 };
    this.running.set(start.jobId, { start, stageRuns: new Map(), locality: { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 }, failedTasks: 0, taskTime });
  }

  private stageSubmitted(event: EventOf<'stageSubmitted'>): void {
    this.stageJobs.set(event.stageId, event.jobIds);
    for (const jobId of event.jobIds) {
      const job = this.running.get(jobId);
      if (!job) continue;
      const previous = job.stageRuns.get(event.stageId);
      job.stageRuns.set(event.stageId, { numTasks: (previous?.numTasks ?? 0) + event.numTasks, durationMs: previous?.durationMs ?? 0, startedAt: event.time });
    }
  }

  /** A stage's duration sums its attempts that finished. */
  private stageCompleted(event: EventOf<'stageCompleted'>): void {
    const jobIds = this.stageJobs.get(event.stageId) ?? [];
    this.stageJobs.delete(event.stageId);
    if (event.failureReason !== undefined) return;
    for (const jobId of jobIds) {
      const run = this.running.get(jobId)?.stageRuns.get(event.stageId);
      if (run) run.durationMs += event.time - run.startedAt;
    }
  }

  private taskEnded(event: EventOf<'taskEnd'>): void {
    const locality = this.placements.get(event.taskId) ?? 'ANY';
    this.placements.delete(event.taskId);
    const job = this.running.get(event.jobId);
    if (!job) return;
    if (event.status !== 'success') {
      // A copy stopped because another attempt won counts for nothing, as before events existed.
      if (event.status !== 'killed') job.failedTasks++;
      return;
    }
    job.locality[locality]++;
    for (const key of Object.keys(job.taskTime) as (keyof TaskMetrics)[]) job.taskTime[key] += event.metrics?.[key] ?? 0;
  }

  private jobEnded(event: EventOf<'jobEnd'>): void {
    const run = this.running.get(event.jobId);
    if (!run) return;
    this.running.delete(event.jobId);
    this.jobs.push({
      jobId: event.jobId,
      name: run.start.stages.at(-1)?.name ?? run.start.description,
      description: run.start.description,
      durationMs: event.time - run.start.time,
      succeeded: event.result === 'succeeded',
      stages: run.start.stages.map((stage) => {
        const stageRun = run.stageRuns.get(stage.stageId);
        return {
          stageId: stage.stageId,
          name: stage.name,
          numTasks: stageRun?.numTasks ?? 0,
          skipped: stageRun === undefined,
          durationMs: stageRun?.durationMs ?? 0,
        };
      }),
      locality: run.locality,
      failedTasks: run.failedTasks,
      taskTime: run.taskTime,
    });
  }
}
