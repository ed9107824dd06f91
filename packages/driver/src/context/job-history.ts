/**
 * A record of every job the context ran: its stages, which of them ran and which were skipped
 * (their shuffle outputs already existed), task counts, locality and timings. `fc.jobHistory`.
 */
import type { ExecutorId, TaskMetrics, TaskRequest } from '@flint/worker';
import type { ActiveJob, SchedulerListener } from '../scheduler/job.js';
import type { Stage } from '../scheduler/stage.js';
import type { Locality, TaskEnd } from '../scheduler/task-scheduler.js';

export interface StageSummary {
  readonly stageId: number;
  readonly name: string;
  readonly numTasks: number;
  readonly skipped: boolean;
  readonly durationMs: number;
}

export interface JobSummary {
  readonly jobId: number;
  readonly description: string;
  readonly durationMs: number;
  readonly succeeded: boolean;
  readonly stages: StageSummary[];
  /** Tasks that ran, by locality level. */
  readonly locality: Record<Locality, number>;
  readonly failedTasks: number;
  /** Where the successful tasks' time went, summed over tasks (see TaskMetrics). */
  readonly taskTime: TaskMetrics;
}

interface RunningJob {
  startedAt: number;
  stageStarts: Map<number, number>;
  stageRuns: Map<number, { numTasks: number; durationMs: number }>;
  locality: Record<Locality, number>;
  failedTasks: number;
  taskTime: Record<keyof TaskMetrics, number>;
}

export class JobHistory implements SchedulerListener {
  readonly jobs: JobSummary[] = [];
  private readonly running = new Map<number, RunningJob>();

  jobStarted(job: ActiveJob): void {
    this.running.set(job.id, { startedAt: performance.now(), stageStarts: new Map(), stageRuns: new Map(), locality: { PROCESS_LOCAL: 0, NODE_LOCAL: 0, ANY: 0 }, failedTasks: 0, taskTime: { fetchMs: 0, readMs: 0, parseMs: 0, decodeMs: 0, threadMs: 0, memoryBytesSpilled: 0, diskBytesSpilled: 0 } });
  }

  stageSubmitted(stage: Stage, numTasks: number): void {
    for (const jobId of stage.jobIds) {
      const job = this.running.get(jobId);
      if (!job) continue;
      job.stageStarts.set(stage.id, performance.now());
      const previous = job.stageRuns.get(stage.id);
      job.stageRuns.set(stage.id, { numTasks: (previous?.numTasks ?? 0) + numTasks, durationMs: previous?.durationMs ?? 0 });
    }
  }

  stageCompleted(stage: Stage): void {
    for (const jobId of stage.jobIds) {
      const job = this.running.get(jobId);
      const started = job?.stageStarts.get(stage.id);
      const run = job?.stageRuns.get(stage.id);
      if (started !== undefined && run) run.durationMs += performance.now() - started;
    }
  }

  taskEnded(request: TaskRequest, _executor: ExecutorId, end: TaskEnd, locality: Locality): void {
    const job = this.running.get(request.jobId);
    if (!job) return;
    if (end.kind !== 'success') {
      job.failedTasks++;
      return;
    }
    job.locality[locality]++;
    for (const key of Object.keys(job.taskTime) as (keyof TaskMetrics)[]) job.taskTime[key] += end.metrics[key];
  }

  jobEnded(job: ActiveJob, error: Error | undefined): void {
    const run = this.running.get(job.id);
    this.running.delete(job.id);
    if (!run || !job.finalStage) return;
    this.jobs.push({
      jobId: job.id,
      description: job.description,
      durationMs: performance.now() - run.startedAt,
      succeeded: error === undefined,
      stages: stagesOf(job.finalStage).map((stage) => {
        const stageRun = run.stageRuns.get(stage.id);
        return {
          stageId: stage.id,
          name: stageName(stage),
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

/** A job's stages, parents first. */
export function stagesOf(root: Stage): Stage[] {
  const stages = new Map<number, Stage>();
  const visit = (stage: Stage): void => {
    if (stages.has(stage.id)) return;
    for (const parent of stage.parents) visit(parent);
    stages.set(stage.id, stage);
  };
  visit(root);
  return [...stages.values()];
}

function stageName(stage: Stage): string {
  const what = stage.kind === 'result' ? 'result' : `shuffle ${stage.shuffleId} map`;
  return `${what} over ${stage.rdd.name() ?? `RDD ${stage.rdd.id()}`}`;
}
