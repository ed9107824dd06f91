/**
 * Records spread over hash buckets of their key and written to the task's spill store a batch at a
 * time (what a grace hash join partitions its inputs into): every record of a key lands in the
 * same bucket, so each bucket can be joined on its own. Pending records are written once their
 * estimated size passes half the task's budget, and at the end.
 */
import { SampledSize, type SpillFile, type TaskMemory } from '@flint/rdd';

export const SPILL_BUCKETS = 16;

export class SpilledBuckets {
  private pending: unknown[][] = Array.from({ length: SPILL_BUCKETS }, () => []);
  private readonly files: SpillFile[][] = Array.from({ length: SPILL_BUCKETS }, () => []);
  private readonly size = new SampledSize();

  constructor(private readonly memory: TaskMemory) {}

  add(key: unknown, record: unknown): void {
    this.pending[spillBucket(key)].push(record);
    if (this.size.add(record) > this.memory.budgetBytes / 2) this.flush();
  }

  /** Writes the pending records, a file per non-empty bucket. */
  flush(): void {
    const share = this.size.bytes / Math.max(1, this.pending.reduce((n, records) => n + records.length, 0));
    this.pending.forEach((records, bucket) => {
      if (records.length > 0) this.files[bucket].push(this.memory.spill.write(records, share * records.length));
    });
    this.pending = this.pending.map(() => []);
    this.size.reset();
  }

  /** The records of one bucket in the order they were added (call after the last add); its files are deleted once read. */
  *read(bucket: number): Generator<unknown> {
    this.flush();
    for (const file of this.files[bucket]) {
      yield* file.read();
      file.delete();
    }
    this.files[bucket] = [];
  }

  deleteAll(): void {
    for (const files of this.files) for (const file of files) file.delete();
  }
}

/**
 * A hash of a key that is independent of the shuffle's (all keys of a reduce partition share
 * their shuffle hash modulo the partition count, so that hash would not spread them).
 */
export function spillBucket(key: unknown, buckets = SPILL_BUCKETS): number {
  const text = typeof key === 'string' ? key : String(key);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}
