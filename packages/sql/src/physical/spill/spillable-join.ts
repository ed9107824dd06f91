/**
 * The hash tables of a shuffled join's reduce task within the task's memory budget (a grace hash
 * join, where Spark would fall back to a sort-merge join): while the table's estimated size fits
 * the budget the join runs in memory; past it, the table and every record still to come are
 * written to the spill store in hash buckets of their key (spilled-buckets.ts), and each bucket is
 * then joined on its own, so only about 1/SPILL_BUCKETS of the rows are in memory at once.
 *
 * Records are `[key, [side, row]]` (side 0 left, 1 right), as runtime/join-batches.ts reads them from the shuffle.
 */
import { SampledSize, TaskContext, registerRuntime, type TaskMemory } from '@flint/rdd';
import { SPILL_BUCKETS, SpilledBuckets } from './spilled-buckets.js';

type JoinRecord = [unknown, [0 | 1, unknown]];

/**
 * The build side of a join that streams its other side: the reduce input has each reduce
 * partition's build rows before the rows that probe them (join.ts), so those probe the table as
 * they come. A read of coalesced partitions has several such runs: a build row after probing rows
 * starts the next partition, whose keys are all new, so the table starts afresh. With `keysOnly`
 * the table keeps only keys (a semi or anti join without a residual condition).
 */
export class SpillableHashJoin {
  /** Key → the build rows with that key (or true when keys only). */
  table = new Map<unknown, unknown>();
  private probing = false;
  private readonly size = new SampledSize();
  private build: SpilledBuckets | undefined;
  private probes: SpilledBuckets | undefined;

  constructor(
    private readonly memory: TaskMemory | undefined,
    private readonly keysOnly: boolean,
  ) {}

  /** Whether the join spilled: streamed rows then wait in their buckets (deferProbe). */
  get spilling(): boolean {
    return this.build !== undefined;
  }

  addBuild(record: JoinRecord): void {
    if (this.build !== undefined) return this.build.add(record[0], record);
    if (this.probing) {
      this.table = new Map();
      this.size.reset();
      this.probing = false;
    }
    addToTable(this.table, record, this.keysOnly);
    if (this.memory !== undefined && this.size.add(record) > this.memory.budgetBytes) this.startSpilling(this.memory);
  }

  /** A streamed row is about to probe the in-memory table. */
  probed(): void {
    this.probing = true;
  }

  deferProbe(record: JoinRecord): void {
    this.probes!.add(record[0], record);
  }

  /** After the input: each spilled bucket's table and its streamed rows to probe it (nothing if the join did not spill). */
  *spilledTables(): Generator<[Map<unknown, unknown>, Iterable<unknown>]> {
    const { build, probes } = this;
    if (build === undefined || probes === undefined) return;
    try {
      for (let bucket = 0; bucket < SPILL_BUCKETS; bucket++) {
        const table = new Map<unknown, unknown>();
        for (const record of build.read(bucket)) addToTable(table, record as JoinRecord, this.keysOnly);
        yield [table, probes.read(bucket)];
      }
    } finally {
      build.deleteAll();
      probes.deleteAll();
    }
  }

  private startSpilling(memory: TaskMemory): void {
    const build = (this.build = new SpilledBuckets(memory));
    this.probes = new SpilledBuckets(memory);
    for (const [key, rows] of this.table) {
      if (this.keysOnly) build.add(key, [key, [1, []]]);
      else for (const row of rows as unknown[]) build.add(key, [key, [1, row]]);
    }
    this.table = new Map();
  }
}

function addToTable(table: Map<unknown, unknown>, record: JoinRecord, keysOnly: boolean): void {
  if (keysOnly) {
    table.set(record[0], true);
    return;
  }
  const rows = table.get(record[0]) as unknown[] | undefined;
  if (rows === undefined) table.set(record[0], [record[1][1]]);
  else rows.push(record[1][1]);
}

/**
 * Both sides' rows grouped by key (a join that also emits unmatched right rows, so neither side
 * can stream). The reduce input has each reduce partition's left rows before its right rows, so
 * a left row after right rows starts the next partition of a coalesced read: the table of the
 * partitions before it is complete and is handed out before that row is added.
 */
export class SpillableJoinGroups {
  private table = new Map<unknown, [unknown[], unknown[]]>();
  private readonly size = new SampledSize();
  private buckets: SpilledBuckets | undefined;

  constructor(private readonly memory: TaskMemory | undefined) {}

  /** Key → [left rows, right rows] tables that together hold every key of the input once. */
  *tables(input: Iterable<unknown>): Generator<Map<unknown, [unknown[], unknown[]]>> {
    let sawRight = false;
    for (const record of input as Iterable<JoinRecord>) {
      if (record[1][0] === 1) sawRight = true;
      else if (sawRight) {
        yield* this.drain();
        sawRight = false;
      }
      this.add(record);
    }
    yield* this.drain();
  }

  private add(record: JoinRecord): void {
    if (this.buckets !== undefined) return this.buckets.add(record[0], record);
    addToGroups(this.table, record);
    if (this.memory !== undefined && this.size.add(record) > this.memory.budgetBytes) this.startSpilling(this.memory);
  }

  /** The table so far (or one per spilled bucket); then starts afresh. */
  private *drain(): Generator<Map<unknown, [unknown[], unknown[]]>> {
    const { table, buckets } = this;
    this.table = new Map();
    this.size.reset();
    this.buckets = undefined;
    if (buckets === undefined) {
      yield table;
      return;
    }
    try {
      for (let bucket = 0; bucket < SPILL_BUCKETS; bucket++) {
        const spilled = new Map<unknown, [unknown[], unknown[]]>();
        for (const record of buckets.read(bucket)) addToGroups(spilled, record as JoinRecord);
        yield spilled;
      }
    } finally {
      buckets.deleteAll();
    }
  }

  private startSpilling(memory: TaskMemory): void {
    const buckets = (this.buckets = new SpilledBuckets(memory));
    for (const [key, [lefts, rights]] of this.table) {
      for (const row of lefts) buckets.add(key, [key, [0, row]]);
      for (const row of rights) buckets.add(key, [key, [1, row]]);
    }
    this.table = new Map();
  }
}

function addToGroups(table: Map<unknown, [unknown[], unknown[]]>, record: JoinRecord): void {
  let group = table.get(record[0]);
  if (group === undefined) table.set(record[0], (group = [[], []]));
  group[record[1][0]].push(record[1][1]);
}

/** Generated join code gets its tables from here (`env.newHashJoin(keysOnly)`, `env.newJoinGroups()`), with the running task's memory. */
export const JOIN_SPILL_RUNTIME = registerRuntime('sql', {
  newHashJoin: (keysOnly: boolean) => new SpillableHashJoin(TaskContext.get()?.taskMemory(), keysOnly),
  newJoinGroups: () => new SpillableJoinGroups(TaskContext.get()?.taskMemory()),
});
