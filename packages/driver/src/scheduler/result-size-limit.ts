/**
 * Spark's spark.driver.maxResultSize: the serialized results one job's tasks send to the driver
 * are summed as they arrive, and the job fails once the sum passes the limit (0: no limit) instead
 * of the driver running out of memory collecting them.
 */
export class ResultSizeLimit {
  private readonly received = new Map<number, { tasks: number; bytes: number }>();

  constructor(private readonly maxBytes: number) {}

  /** Counts one task's result of `job`; the error the job fails with if the total is now too large. */
  add(job: number, bytes: number): Error | undefined {
    const total = this.received.get(job) ?? { tasks: 0, bytes: 0 };
    total.tasks++;
    total.bytes += bytes;
    this.received.set(job, total);
    if (this.maxBytes === 0 || total.bytes <= this.maxBytes) return undefined;
    return new Error(
      `Total size of serialized results of ${total.tasks} tasks (${bytesToString(total.bytes)}) is bigger than spark.driver.maxResultSize ` +
        `(${bytesToString(this.maxBytes)}); raise the maxResultSize option (0 for no limit) or bring back less (take, saveAsTextFile)`,
    );
  }

  jobEnded(job: number): void {
    this.received.delete(job);
  }
}

/** Spark's Utils.bytesToString: the largest binary unit the size is at least twice of, one decimal. */
export function bytesToString(bytes: number): string {
  const units: [string, number][] = [
    ['TiB', 2 ** 40],
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ];
  const [unit, size] = units.find(([, size]) => bytes >= 2 * size) ?? ['B', 1];
  return `${(bytes / size).toFixed(1)} ${unit}`;
}
