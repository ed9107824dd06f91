/**
 * How much finished history the status store keeps: Spark's spark.ui.retainedJobs,
 * spark.ui.retainedStages and spark.ui.retainedTasks, with Spark's defaults. The driver takes them
 * from its context's options; the history server keeps the defaults. Running jobs, active or
 * pending stages and running tasks are never dropped.
 */
export interface RetentionLimits {
  readonly jobs: number;
  readonly stages: number;
  /** Over the whole application (Spark counts spark.ui.retainedTasks per stage). */
  readonly tasks: number;
}

export const SPARK_RETENTION: RetentionLimits = { jobs: 1000, stages: 1000, tasks: 100_000 };

/**
 * Spark's calculateNumberToRemove: once past the limit, at least a tenth of it goes at once, so the
 * sort below is paid once per limit/10 additions rather than on every event.
 */
export function numberToRemove(size: number, retained: number): number {
  return size > retained ? Math.max(Math.floor(retained / 10), size - retained) : 0;
}

/** The `count` records that finished first (a record with an empty completion key, such as a skipped stage, before all). */
export function oldestFinished<T>(records: Iterable<T>, count: number, finished: (record: T) => boolean, completion: (record: T) => string | number): T[] {
  if (count <= 0) return [];
  const candidates = [...records].filter(finished);
  return candidates.sort((a, b) => compareKeys(completion(a), completion(b))).slice(0, count);
}

function compareKeys(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
