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
  /**
   * What one worker must hold for its share of the working set: per cached RDD, its largest
   * partitions, as many as a worker gets when they are spread evenly (the 100 % budget).
   */
  readonly workerShareBytes: number;
  readonly runs: DegradationRun[];
}

export async function memoryOnlyDegradation(job: IterativeJob, input: string, iterations: number): Promise<DegradationResult> {
  const full = await runWithin(job, input, iterations, AMPLE_MEMORY);
  const runs: DegradationRun[] = [];
  for (const fraction of FRACTIONS) {
    const executorMemory = Math.floor(full.workerShareBytes * fraction);
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
  return { job: job.name, input, workingSetBytes: full.cachedBytes, workerShareBytes: full.workerShareBytes, runs };
}

async function runWithin(job: IterativeJob, input: string, iterations: number, executorMemory: number): Promise<IterationTimes & CachedSizes> {
  const cluster = await MemoryLimitedCluster.start(executorMemory);
  let timer: NodeJS.Timeout | undefined;
  try {
    const dfsPath = await putInto(cluster.namenode, input);
    const run = onCluster(cluster.namenode, 'memory', `bench-degradation-${job.name}-${executorMemory}`, async (fc) => {
      const cached = watchCachedSizes(fc);
      const iterationMs = await job.run(fc, dfsPath, iterations);
      return { ...iterationTimes(iterationMs), ...cached() };
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

interface CachedSizes {
  /** The most bytes cached at once (each partition counted once). */
  readonly cachedBytes: number;
  /** The most bytes one worker needs for an even share of what was cached at once. */
  readonly workerShareBytes: number;
}

/** The largest cached sizes seen at the end of any job so far. */
function watchCachedSizes(fc: FlintContext): () => CachedSizes {
  let cachedBytes = 0;
  let workerShareBytes = 0;
  fc.addListener((event) => {
    if (event.type !== 'jobEnd') return;
    const cached = fc.getPersistentRDDs();
    cachedBytes = Math.max(cachedBytes, cached.reduce((total, entry) => total + entry.bytes, 0));
    workerShareBytes = Math.max(workerShareBytes, cached.reduce((total, entry) => total + largestShare(entry.partitions.map((p) => p.bytes)), 0));
  });
  return () => ({ cachedBytes, workerShareBytes });
}

/** The bytes of the ceil(n / WORKERS) largest of n partitions. */
function largestShare(partitionBytes: number[]): number {
  const perWorker = Math.ceil(partitionBytes.length / WORKERS);
  return [...partitionBytes].sort((a, b) => b - a).slice(0, perWorker).reduce((total, bytes) => total + bytes, 0);
}
