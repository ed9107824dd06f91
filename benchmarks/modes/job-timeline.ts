/**
 * When each job of a context started and ended (driver clock, the clock the example jobs time
 * their iterations with), so that the jobs of the later iterations can be picked out of
 * `fc.jobHistory` by time.
 */
import type { ActiveJob, FlintContext, JobSummary, SchedulerListener } from '@flint/driver';

export interface TimedJob {
  readonly summary: JobSummary;
  readonly startedAt: number;
  readonly endedAt: number;
}

export class JobTimeline implements SchedulerListener {
  private readonly started = new Map<number, number>();
  private readonly ended = new Map<number, number>();

  constructor(private readonly fc: FlintContext) {
    fc.addListener(this);
  }

  jobStarted(job: ActiveJob): void {
    this.started.set(job.id, performance.now());
  }

  jobEnded(job: ActiveJob): void {
    this.ended.set(job.id, performance.now());
  }

  /** Every finished job with its times, in the order they started. */
  jobs(): TimedJob[] {
    return this.fc.jobHistory
      .filter((summary) => this.started.has(summary.jobId) && this.ended.has(summary.jobId))
      .map((summary) => ({ summary, startedAt: this.started.get(summary.jobId)!, endedAt: this.ended.get(summary.jobId)! }))
      .sort((a, b) => a.startedAt - b.startedAt);
  }
}
