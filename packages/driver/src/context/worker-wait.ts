/**
 * What a cluster driver does when jobs wait and no executor is left (every worker died, or none is
 * there yet): it says so on stderr, keeps the process alive while it waits for a worker to
 * register (the driver's own timers do not hold the process, so without this a job file would just
 * end, silently, with Node's exit code 13 for an unsettled top-level await), and after `waitMs`
 * fails the waiting jobs with one clear line. A worker that registers in time resumes the jobs.
 */
import type { ExecutorId } from '@flint/worker';

export const DEFAULT_WORKER_WAIT_MS = 30_000;

export interface WorkerWaitOptions {
  /** The namenode workers register with (for the message), undefined in local mode. */
  readonly namenode: string | undefined;
  readonly waitMs: number;
  readonly hasJobs: () => boolean;
  readonly failJobs: (error: Error) => void;
  readonly log: (line: string) => void;
}

/** The error the waiting jobs fail with; its message is the one line to show. */
export class NoWorkersError extends Error {
  override name = 'NoWorkersError';
}

export class WorkerWait {
  private readonly live = new Set<ExecutorId>();
  private readonly lost: ExecutorId[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WorkerWaitOptions) {}

  executorAdded(id: ExecutorId): void {
    this.live.add(id);
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.options.log(`flint: executor ${id} registered; the waiting jobs continue`);
  }

  executorLost(id: ExecutorId): void {
    if (this.live.delete(id)) this.lost.push(id);
    this.check();
  }

  /** Called when a job starts: a job started with no executor waits too. */
  jobStarted(): void {
    this.check();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    if (this.live.size > 0 || this.timer !== undefined || !this.options.hasJobs()) return;
    const { namenode, waitMs } = this.options;
    const lost = this.lost.length > 0 ? `all executors were lost (${this.lost.join(', ')})` : 'no executor has registered';
    const where = namenode === undefined ? '' : ` with the namenode at ${namenode}`;
    this.options.log(`flint: ${lost} and no worker is left; waiting up to ${Math.round(waitMs / 1000)} s for a worker to register${where}`);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.live.size > 0 || !this.options.hasJobs()) return;
      const start = namenode === undefined ? 'start workers' : `start workers (flint worker --namenode ${namenode})`;
      this.options.failJobs(new NoWorkersError(`Job aborted: ${lost} and no worker registered${where} within ${Math.round(waitMs / 1000)} s; ${start} and resubmit the job`));
    }, waitMs);
  }
}
