/**
 * When each job of a context started and ended (driver clock, the clock the example jobs time
 * their iterations with), so that the jobs of the later iterations can be picked out of
 * `fc.jobHistory` by time; and how long its successful tasks spent in their executors outside
 * the task thread and the input gathering (dispatch to the thread, storing outputs, replying).
 */
import type { FlintContext, JobSummary, SchedulerEvent } from '@flint/driver';

export interface TimedJob {
  readonly summary: JobSummary;
  readonly startedAt: number;
  readonly endedAt: number;
  /** Summed over the job's successful tasks: executor time minus thread and input-gathering time. */
  readonly executorOutsideThreadMs: number;
}

export class JobTimeline {
  private readonly started = new Map<number, number>();
  private readonly ended = new Map<number, number>();
  private readonly outsideThread = new Map<number, number>();

  constructor(private readonly fc: FlintContext) {
    fc.addListener((event) => this.onEvent(event));
  }

  private onEvent(event: SchedulerEvent): void {
    if (event.type === 'jobStart') this.started.set(event.jobId, performance.now());
    if (event.type === 'jobEnd') this.ended.set(event.jobId, performance.now());
    if (event.type === 'taskEnd' && event.metrics) {
      const outside = event.metrics.executorMs - event.metrics.threadMs - event.metrics.fetchMs;
      this.outsideThread.set(event.jobId, (this.outsideThread.get(event.jobId) ?? 0) + outside);
    }
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
