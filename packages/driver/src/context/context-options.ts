/**
 * What FlintContext.create() accepts (each option can also come from `flint submit`, see
 * submitted-options.ts), the defaults of those that have one, and how a few are read.
 */
import { WORKER_EXECUTOR_MEMORY } from '@flint/worker';
import type { ExecutionMode } from '@flint/rdd';
import { SPECULATION_DEFAULTS, type SpeculationOptions } from '../scheduler/speculation.js';
import { parseMaster } from './master-url.js';

export interface FlintContextOptions {
  /** `local[*]` by default, or the FLINT_MASTER environment variable (all options: or `flint submit`'s). */
  readonly master?: string;
  readonly appName?: string;
  /** Attempts per task before its job fails; default 4 (or F from `local[N,F]`). */
  readonly maxFailures?: number;
  /** Bytes of cached partitions and shuffle buckets each executor keeps in memory; default 512 MiB. */
  readonly executorMemory?: number;
  /** Speculative execution of stragglers (Spark's rule); off by default. */
  readonly speculation?: boolean | Partial<SpeculationOptions>;
  /**
   * Ends a task attempt that runs longer than this (its thread is terminated; the attempt fails
   * and is retried per maxFailures). Off by default, as in Spark.
   */
  readonly taskTimeoutMs?: number;
  /** Spark's spark.driver.maxResultSize: the bytes of task results one action may bring back; default 1 GiB, 0 for no limit. */
  readonly maxResultSize?: number;
  /** Heap limit of each task thread, in bytes (local and local-cluster); default: executorMemory / threads, within 256-768 MiB. */
  readonly threadHeap?: number;
  /** How long jobs wait for a worker to register when no executor is left before they fail; default 30 s. */
  readonly workerWaitMs?: number;
  /**
   * `memory` (Spark, the default, or FLINT_MODE): shuffle data in memory, cache() keeps partitions.
   * `mapreduce` (Hadoop MapReduce): shuffles go through local disk, every job's output is written
   * to storage and read back by the next job, and cache()/persist() have no effect.
   */
  readonly mode?: ExecutionMode;
  /** The driver's web UI (jobs, stages, tasks, executors; Spark's :4040); on by default. `flint.ui.enabled=false` with flint submit. */
  readonly ui?: boolean;
  /** The UI's port: 4040 by default, else the next free one; 0 for any free port. */
  readonly uiPort?: number;
  /**
   * How many finished jobs, stage attempts and tasks the UI keeps before it forgets those that
   * finished first (Spark's spark.ui.retainedJobs, retainedStages, retainedTasks): 1000, 1000 and
   * 100000 by default. Running ones are always kept.
   */
  readonly uiRetainedJobs?: number;
  readonly uiRetainedStages?: number;
  readonly uiRetainedTasks?: number;
  /**
   * The console progress bar on stderr while stages run (only when stderr is a terminal); default
   * true. `flint submit --quiet` turns it off. Notices of lost executors, fetch failures and
   * resubmitted stages are written either way (as WARN lines: setLogLevel('ERROR') silences them).
   */
  readonly progress?: boolean;
  /**
   * A directory (local, or dfs://) to write the application's event log in, as Spark's
   * spark.eventLog.dir: every scheduler event as JSON lines, in `APP_ID.inprogress`, renamed to
   * `APP_ID` when the context stops (`flint history DIR` serves them). Off by default.
   */
  readonly eventLog?: string;
  /**
   * PySpark's spark.python.profile: a V8 CPU profile of every task, kept per RDD for
   * fc.showProfiles() and fc.dumpProfiles(dir). Off by default (profiling slows tasks).
   */
  readonly profile?: boolean;
  /** PySpark's spark.python.profile.dump: with `profile`, stop() writes the profiles into this directory instead of printing them. */
  readonly profileDump?: string;
  /**
   * Environment variables of the tasks (PySpark's SparkContext `environment`, Spark's
   * spark.executorEnv.NAME): set in `process.env` on every task thread, not in the driver's.
   */
  readonly executorEnv?: Readonly<Record<string, string>>;
}

export const DEFAULT_MAX_FAILURES = 4;
export const DEFAULT_EXECUTOR_MEMORY = 512 * 1024 * 1024;
export const DEFAULT_MAX_RESULT_SIZE = 1024 * 1024 * 1024;

export function executionMode(mode: string | undefined): ExecutionMode {
  if (mode === undefined || mode === 'memory' || mode === 'mapreduce') return mode ?? 'memory';
  throw new Error(`Unknown execution mode '${mode}': expected 'memory' or 'mapreduce'`);
}

export function speculationOptions(setting: FlintContextOptions['speculation']): SpeculationOptions {
  if (setting === undefined || setting === false) return SPECULATION_DEFAULTS;
  return { ...SPECULATION_DEFAULTS, enabled: true, ...(setting === true ? {} : setting) };
}

/**
 * The executors' memory budget as the Environment page shows it: the option, else the default of
 * whoever starts the executors (local-cluster's workers have their own); none for flint://, where
 * each worker was started with its own --executor-memory (the Executors page shows it).
 */
export function executorMemoryInEffect(executorMemory: number | undefined, master: string): number | undefined {
  if (executorMemory !== undefined) return executorMemory;
  const kind = parseMaster(master).kind;
  return kind === 'local' ? DEFAULT_EXECUTOR_MEMORY : kind === 'local-cluster' ? WORKER_EXECUTOR_MEMORY : undefined;
}
