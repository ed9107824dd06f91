/**
 * The iterative part: each iterative job at each size, in both modes (each run on a fresh
 * local-cluster[2,1]) and by hand in this process. The two modes run back to back on the same input, memory mode first at
 * one size and mapreduce mode first at the other, so that neither always meets a warmer machine.
 */
import type { FlintContext, RDD } from '@flint/driver';
import { MODES, onFreshCluster, PARTITIONS, TASK_SLOTS, type Mode } from './bench-cluster.js';
import { iterationBreakdown, laterIterationJobs, type IterationBreakdown } from './breakdown.js';
import type { IterativeJob, IterativeJobName } from './iterative-jobs.js';
import { JobTimeline } from './job-timeline.js';
import { median, sum } from './stats.js';

export interface IterationTimes {
  readonly iterationMs: number[];
  readonly firstMs: number;
  /** The median of iterations 2..n. */
  readonly laterMs: number;
}

export interface ModeRun extends IterationTimes {
  readonly mode: Mode;
  /** The mean later iteration, split by where its time went. */
  readonly breakdown: IterationBreakdown;
  /**
   * Mapreduce mode, jobs that re-read text: how long the job's own parse of its input takes per
   * pass (part of compute), from a count over the parsed input minus a count over the raw lines.
   */
  readonly textParseMs?: number;
}

export interface IterativeResult {
  readonly job: IterativeJobName;
  readonly size: number;
  readonly unit: string;
  readonly inputBytes: number;
  readonly runs: ModeRun[];
  readonly byHand: IterationTimes;
}

export interface IterativeInput {
  readonly path: string;
  readonly bytes: number;
}

export async function runIterative(
  job: IterativeJob,
  size: number,
  input: IterativeInput,
  iterations: number,
  memoryFirst: boolean,
): Promise<IterativeResult> {
  const runs: ModeRun[] = [];
  for (const mode of memoryFirst ? MODES : [...MODES].reverse()) {
    const run = await onFreshCluster(mode, `bench-${job.name}-${mode}`, [input.path], async (fc, [dfsPath]) => {
      const timeline = new JobTimeline(fc);
      const iterationMs = await job.run(fc, dfsPath, iterations);
      const jobs = timeline.jobs();
      const loopJobs = job.iterationEndsWith === undefined ? jobs : jobs.filter((each) => each.summary.description === job.iterationEndsWith);
      const loopEnd = loopJobs[loopJobs.length - 1].endedAt;
      const later = laterIterationJobs(jobs, loopEnd, sum(iterationMs.slice(1)));
      const times = iterationTimes(iterationMs);
      const breakdown = iterationBreakdown(later, iterationMs.length - 1, sum(iterationMs.slice(1)) / (iterationMs.length - 1), TASK_SLOTS);
      const textParseMs = mode === 'mapreduce' && job.parsedInput ? await textParseTime(fc, dfsPath, job.parsedInput) : undefined;
      return { mode, ...times, breakdown, textParseMs };
    });
    console.log(`  ${job.name}, ${size} ${job.unit}, ${mode}: first ${ms(run.firstMs)}, later ${ms(run.laterMs)} [${run.iterationMs.map(ms).join(' ')}]`);
    runs.push(run);
  }
  runs.sort((a, b) => MODES.indexOf(a.mode) - MODES.indexOf(b.mode));
  const byHand = iterationTimes(job.byHand(input.path, runs[0].iterationMs.length));
  console.log(`  ${job.name}, ${size} ${job.unit}, by hand: first ${ms(byHand.firstMs)}, later ${ms(byHand.laterMs)}`);
  return { job: job.name, size, unit: job.unit, inputBytes: input.bytes, runs, byHand };
}

const PARSE_TIMING_ROUNDS = 3;

/** The median over a few rounds of (count of the parsed input − count of the raw lines), both re-read from DFS. */
async function textParseTime(fc: FlintContext, input: string, parsedInput: (fc: FlintContext, input: string) => RDD<unknown>): Promise<number> {
  const differences: number[] = [];
  for (let round = 0; round < PARSE_TIMING_ROUNDS; round++) {
    const linesMs = await timed(() => fc.textFile(input, PARTITIONS).count());
    const parsedMs = await timed(() => parsedInput(fc, input).count());
    differences.push(Math.max(0, parsedMs - linesMs));
  }
  return median(differences);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export function iterationTimes(iterationMs: number[]): IterationTimes {
  return { iterationMs, firstMs: iterationMs[0], laterMs: median(iterationMs.slice(1)) };
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
