/**
 * MEMORY_ONLY with too little memory (the RDD paper's figure 12): an iterative job in memory
 * mode with each worker's memory budget at a fraction of what the job caches. Partitions that do
 * not fit are dropped (LRU) and recomputed from the input (in DFS) when read. The cluster is a
 * local-cluster[2,1] whose workers get the budget (see MemoryLimitedCluster). A run the engine
 * fails is recorded with its error.
 */
import type { FlintContext } from '@flint/driver';
import { onCluster, putInto, WORKERS } from './bench-cluster.js';
import type { IterativeJob, IterativeJobName } from './iterative-jobs.js';
import { iterationTimes, type IterationTimes } from './iterative.js';
import { MemoryLimitedCluster } from './memory-limited-cluster.js';

export const DEGRADATION_MASTER = 'local-cluster[2,1] with --executor-memory';
export const FRACTIONS = [0.25, 0.5, 0.75, 1] as const;
/** A run without a result by then is recorded as failed (one was seen to make no progress). */
const RUN_TIMEOUT_MS = 180_000;
/** Room enough to cache everything, for the measuring run. */
const AMPLE_MEMORY = 2 * 1024 * 1024 * 1024;

interface Budget {
  readonly fraction: number;
  /** Each worker's budget. */
  readonly executorMemory: number;
}

export type DegradationRun = Budget & (({ readonly ok: true; readonly cachedBytes: number } & IterationTimes) | { readonly ok: false; readonly error: string });

export interface DegradationResult {
  readonly job: IterativeJobName;
  readonly input: string;
  /** The cached working set: the most bytes cached at once with memory to spare. */
  readonly workingSetBytes: number;
  readonly runs: DegradationRun[];
}

export async function memoryOnlyDegradation(job: IterativeJob, input: string, iterations: number): Promise<DegradationResult> {
  const full = await runWithin(job, input, iterations, AMPLE_MEMORY);
  const workingSetBytes = full.cachedBytes;
  const runs: DegradationRun[] = [];
  for (const fraction of FRACTIONS) {
    // The partitions, and so the working set, are spread evenly over the workers.
    const executorMemory = Math.floor((workingSetBytes * fraction) / WORKERS);
    const budget = { fraction, executorMemory };
    try {
      const run = await runWithin(job, input, iterations, executorMemory);
      runs.push({ ...budget, ok: true, ...run });
      console.log(`  ${job.name} at ${fraction * 100}% (${executorMemory} bytes per worker): first ${Math.round(run.firstMs)} ms, later ${Math.round(run.laterMs)} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      runs.push({ ...budget, ok: false, error: message });
      console.log(`  ${job.name} at ${fraction * 100}%: failed: ${message}`);
    }
  }
  return { job: job.name, input, workingSetBytes, runs };
}

async function runWithin(job: IterativeJob, input: string, iterations: number, executorMemory: number): Promise<IterationTimes & { cachedBytes: number }> {
  const cluster = await MemoryLimitedCluster.start(executorMemory);
  let timer: NodeJS.Timeout | undefined;
  try {
    const dfsPath = await putInto(cluster.namenode, input);
    const run = onCluster(cluster.namenode, 'memory', `bench-degradation-${job.name}-${executorMemory}`, async (fc) => {
      const cached = watchCachedBytes(fc);
      const iterationMs = await job.run(fc, dfsPath, iterations);
      return { ...iterationTimes(iterationMs), cachedBytes: cached() };
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result within ${RUN_TIMEOUT_MS / 1000} s (stopped)`)), RUN_TIMEOUT_MS);
    });
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
    // Stopping the workers also ends a run that timed out: its job fails when its executors are lost.
    await cluster.stop();
  }
}

/** The most bytes cached at the end of any job so far. */
function watchCachedBytes(fc: FlintContext): () => number {
  let most = 0;
  fc.addListener({
    jobEnded: () => {
      most = Math.max(most, fc.getPersistentRDDs().reduce((total, entry) => total + entry.bytes, 0));
    },
  });
  return () => most;
}
