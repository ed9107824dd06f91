/**
 * The final phase of a hash aggregation within the task's memory budget (Spark's fallback from
 * hash to spilled aggregation, small): partial buffers are merged into a hash table by group key;
 * when its estimated size passes the budget, the table is split by a hash of the key into
 * SPILL_PARTITIONS files and emptied. At the end, if anything was spilled, the rest is spilled
 * too and each hash partition is read back and merged on its own, so only about 1/SPILL_PARTITIONS
 * of the groups are in memory at once. Without a spill the table is used as it is.
 *
 * The generated merge loop (aggregate.ts) looks groups up in `table` itself: one Map level per
 * key value (a Map compares numbers and strings by value, NaN equal to NaN and -0 to 0, as Spark
 * groups them), so a record costs a Map lookup per key column and no key text; it tells the table
 * of each group it puts in (`added`). Spill files, rarer, key each group by `spillKey(buffer)`.
 */
import { SampledSize, TaskContext, registerRuntime, type SpillFile, type TaskMemory } from '@flint/rdd';
import { spillBucket } from './spilled-buckets.js';
import { keyText } from '../../expr/key-text.js';

const SPILL_PARTITIONS = 8;

type Buffer = unknown[];
type Merge = (into: Buffer, from: Buffer) => void;
type SpillKey = (buffer: Buffer) => unknown;

export class SpillableGroups {
  /** The groups by key values, a Map level per value; the last level's values are the buffers. */
  table = new Map<unknown, unknown>();
  /** The buffers in the order their groups came (the table's leaves). */
  private groups: Buffer[] = [];
  private readonly size = new SampledSize();
  /** Spilled files per hash partition of the keys; undefined until the first spill. */
  private spilled: SpillFile[][] | undefined;

  constructor(
    private readonly merge: Merge,
    private readonly spillKey: SpillKey,
    private readonly memory: TaskMemory | undefined,
  ) {}

  /** Counts a group's buffer the generated code has just put in the table (and spills past the budget). */
  added(buffer: Buffer): void {
    this.groups.push(buffer);
    if (this.memory !== undefined && this.size.add(buffer) > this.memory.budgetBytes) this.spill(this.memory);
  }

  /** Whether no group was added. */
  get empty(): boolean {
    return this.groups.length === 0 && this.spilled === undefined;
  }

  /** Every group's merged buffer, once. */
  *buffers(): Generator<Buffer> {
    if (this.spilled === undefined || this.memory === undefined) {
      yield* this.groups;
      return;
    }
    if (this.groups.length > 0) this.spill(this.memory);
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
    for (const buffer of this.groups) {
      const key = this.spillKey(buffer);
      byPartition[spillBucket(key, SPILL_PARTITIONS)].push([key, buffer]);
    }
    const spilled = (this.spilled ??= byPartition.map(() => []));
    const share = this.size.bytes / Math.max(this.groups.length, 1);
    byPartition.forEach((entries, p) => {
      if (entries.length > 0) spilled[p].push(memory.spill.write(entries, share * entries.length));
    });
    this.table = new Map();
    this.groups = [];
    this.size.reset();
  }
}

/** Generated final-aggregation code gets its table from here (`env.newGroups(merge, spillKey)`), with the running task's memory. */
export const SPILL_RUNTIME = registerRuntime('sql', {
  newGroups: (merge: Merge, spillKey: SpillKey) => new SpillableGroups(merge, spillKey, TaskContext.get()?.taskMemory()),
  spillText: keyText,
});
