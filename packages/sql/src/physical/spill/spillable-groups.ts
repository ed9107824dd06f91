/**
 * The final phase of a hash aggregation within the task's memory budget (Spark's fallback from
 * hash to spilled aggregation, small): partial buffers are merged into a hash table by group key;
 * when its estimated size passes the budget, the table is split by a hash of the key into
 * SPILL_PARTITIONS files and emptied. At the end, if anything was spilled, the rest is spilled
 * too and each hash partition is read back and merged on its own, so only about 1/SPILL_PARTITIONS
 * of the groups are in memory at once. Without a spill the table is used as it is.
 */
import { SampledSize, TaskContext, registerRuntime, type SpillFile, type TaskMemory } from '@flint/rdd';
import { spillBucket } from './spilled-buckets.js';

const SPILL_PARTITIONS = 8;

type Buffer = unknown[];
type Merge = (into: Buffer, from: Buffer) => void;

export class SpillableGroups {
  private table = new Map<unknown, Buffer>();
  private readonly size = new SampledSize();
  /** Spilled files per hash partition of the keys; undefined until the first spill. */
  private spilled: SpillFile[][] | undefined;

  constructor(
    private readonly merge: Merge,
    private readonly memory: TaskMemory | undefined,
  ) {}

  /** Merges a partial buffer into its group's (the first one for a group becomes the group's). */
  add(key: unknown, buffer: Buffer): void {
    const existing = this.table.get(key);
    if (existing !== undefined) {
      this.merge(existing, buffer);
      return;
    }
    this.table.set(key, buffer);
    if (this.memory !== undefined && this.size.add(buffer) > this.memory.budgetBytes) this.spill(this.memory);
  }

  /** Whether no group was added. */
  get empty(): boolean {
    return this.table.size === 0 && this.spilled === undefined;
  }

  /** Every group's merged buffer, once. */
  *buffers(): Generator<Buffer> {
    if (this.spilled === undefined || this.memory === undefined) {
      yield* this.table.values();
      return;
    }
    if (this.table.size > 0) this.spill(this.memory);
    const partitions = this.spilled;
    try {
      for (const files of partitions) {
        const merged = new Map<unknown, Buffer>();
        for (const file of files) {
          for (const entry of file.read() as Iterable<[unknown, Buffer]>) {
            const existing = merged.get(entry[0]);
            if (existing === undefined) merged.set(entry[0], entry[1]);
            else this.merge(existing, entry[1]);
          }
          file.delete();
        }
        yield* merged.values();
      }
    } finally {
      for (const files of partitions) for (const file of files) file.delete();
    }
  }

  private spill(memory: TaskMemory): void {
    const byPartition: [unknown, Buffer][][] = Array.from({ length: SPILL_PARTITIONS }, () => []);
    for (const entry of this.table) byPartition[spillBucket(entry[0], SPILL_PARTITIONS)].push(entry);
    const spilled = (this.spilled ??= byPartition.map(() => []));
    const share = this.size.bytes / Math.max(this.table.size, 1);
    byPartition.forEach((entries, p) => {
      if (entries.length > 0) spilled[p].push(memory.spill.write(entries, share * entries.length));
    });
    this.table = new Map();
    this.size.reset();
  }
}

/** Generated final-aggregation code gets its table from here (`env.newGroups(merge)`), with the running task's memory. */
export const SPILL_RUNTIME = registerRuntime('sql', {
  newGroups: (merge: Merge) => new SpillableGroups(merge, TaskContext.get()?.taskMemory()),
});
