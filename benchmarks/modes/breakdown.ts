/**
 * Where the time of an iteration goes, from the task time breakdown of its jobs (as the RDD
 * paper's figure 9 splits Hadoop's iteration time). Task times are sums over tasks; divided by
 * the cluster's task slots they become wall-clock shares. Executor time outside the task thread
 * (handing the task to the thread, storing its outputs, replying) is its own share; what the
 * tasks do not account for at all is job start: planning each job, sending tasks and receiving
 * results, and slots left idle.
 */
import type { TimedJob } from './job-timeline.js';

export interface IterationBreakdown {
  readonly jobs: number;
  readonly tasks: number;
  readonly wallMs: number;
  /** Job start and scheduling: wall time minus executor time per slot. */
  readonly jobStartMs: number;
  /** In the executor but outside the task thread and input gathering. */
  readonly executorOutsideThreadMs: number;
  /** Reading input files and stored job outputs, and gathering shuffle or cached inputs (disk in mapreduce mode). */
  readonly diskMs: number;
  /** Re-parsing stored job outputs (JSON lines). */
  readonly parseMs: number;
  /** Decoding msgpack shuffle and cached blocks. */
  readonly deserializeMs: number;
  /** The rest of the task: the job's own functions, encoding and writing outputs. */
  readonly computeMs: number;
}

/** The mean breakdown of the iterations whose jobs are `jobs`, `iterations` of them, on `slots` task slots. */
export function iterationBreakdown(jobs: readonly TimedJob[], iterations: number, wallMs: number, slots: number): IterationBreakdown {
  const sum = (pick: (job: TimedJob) => number): number => jobs.reduce((total, job) => total + pick(job), 0) / iterations;
  const perSlot = (pick: (job: TimedJob) => number): number => sum(pick) / slots;
  const fetch = perSlot(({ summary }) => summary.taskTime.fetchMs);
  const read = perSlot(({ summary }) => summary.taskTime.readMs);
  const parse = perSlot(({ summary }) => summary.taskTime.parseMs);
  const decode = perSlot(({ summary }) => summary.taskTime.decodeMs);
  const thread = perSlot(({ summary }) => summary.taskTime.threadMs);
  const outside = perSlot((job) => job.executorOutsideThreadMs);
  return {
    jobs: jobs.length / iterations,
    tasks: sum(({ summary }) => summary.stages.reduce((total, stage) => total + (stage.skipped ? 0 : stage.numTasks), 0)),
    wallMs,
    jobStartMs: Math.max(0, wallMs - fetch - thread - outside),
    executorOutsideThreadMs: outside,
    diskMs: fetch + read,
    parseMs: parse,
    deserializeMs: decode,
    computeMs: Math.max(0, thread - read - parse - decode),
  };
}

/**
 * The jobs of iterations 2..n: those that started inside the window that ends when the loop's last
 * job ended and is as long as those iterations took.
 */
export function laterIterationJobs(jobs: readonly TimedJob[], loopEnd: number, laterIterationsMs: number): TimedJob[] {
  const windowStart = loopEnd - laterIterationsMs;
  return jobs.filter((job) => job.startedAt >= windowStart && job.endedAt <= loopEnd + 1);
}
