/**
 * When each job of a context started and ended (driver clock, the clock the example jobs time
 * their iterations with), so that the jobs of the later iterations can be picked out of
 * `fc.jobHistory` by time; and how long its successful tasks spent in their executors outside
 * the task thread and the input gathering (dispatch to the thread, storing outputs, replying).
 */
import type { ActiveJob, ExecutorId, FlintContext, JobSummary, SchedulerListener, TaskEnd } from '@flint/driver';

export interface TimedJob {
  readonly summary: JobSummary;
  readonly startedAt: number;
  readonly endedAt: number;
  /** Summed over the job's successful tasks: executor time minus thread and input-gathering time. */
  readonly executorOutsideThreadMs: number;
}

export class JobTimeline implements SchedulerListener {
  private readonly started = new Map<number, number>();
  private readonly ended = new Map<number, number>();
  private readonly outsideThread = new Map<number, number>();

  constructor(private readonly fc: FlintContext) {
    fc.addListener(this);
  }

  jobStarted(job: ActiveJob): void {
    this.started.set(job.id, performance.now());
  }

  jobEnded(job: ActiveJob): void {
    this.ended.set(job.id, performance.now());
  }

  taskEnded(request: { readonly jobId: number }, _executor: ExecutorId, end: TaskEnd): void {
    if (end.kind !== 'success') return;
    const outside = end.durationMs - end.metrics.threadMs - end.metrics.fetchMs;
    this.outsideThread.set(request.jobId, (this.outsideThread.get(request.jobId) ?? 0) + outside);
  }

  /** Every finished job with its times, in the order they started. */
  jobs(): TimedJob[] {
    return this.fc.jobHistory
      .filter((summary) => this.started.has(summary.jobId) && this.ended.has(summary.jobId))
      .map((summary) => ({
        summary,
        startedAt: this.started.get(summary.jobId)!,
        endedAt: this.ended.get(summary.jobId)!,
        executorOutsideThreadMs: this.outsideThread.get(summary.jobId) ?? 0,
      }))
      .sort((a, b) => a.startedAt - b.startedAt);
  }
}
