/**
 * The reduce-side tables of a shuffled join (spill/spillable-join.ts) against a nested-loop
 * reference: a read of coalesced reduce partitions (several runs of right-then-left or
 * left-then-right rows), in memory and with a budget so small that every table spills.
 */
import { describe, expect, it } from 'vitest';
import type { SpillFile, TaskMemory } from '@flint/rdd';
import { SpillableHashJoin, SpillableJoinGroups } from '../../src/physical/spill/spillable-join.js';

type JoinRecord = [unknown, [0 | 1, unknown]];

/** A spill store in memory that counts the files written and deleted. */
function memoryOf(budgetBytes: number) {
  const files = { written: 0, deleted: 0 };
  const memory: TaskMemory = {
    budgetBytes,
    spill: {
      write(records: Iterable<unknown>): SpillFile {
        const kept = [...records];
        files.written++;
        return { read: () => kept, delete: () => void files.deleted++ };
      },
    },
  };
  return { memory, files };
}

/** Reduce partition p holds keys k with k % 3 === p; right rows are `r<k>.<i>`, left rows `l<k>.<i>`. */
function partition(p: number, side: 0 | 1): JoinRecord[] {
  const records: JoinRecord[] = [];
  for (let k = p; k < 600; k += 3) {
    const count = side === 1 ? k % 4 : (k % 5) + 1;
    for (let i = 0; i < count; i++) records.push([k, [side, `${side === 1 ? 'r' : 'l'}${k}.${i}`]]);
  }
  return records;
}

const referencePairs = (input: JoinRecord[]) => {
  const pairs: string[] = [];
  for (const [lk, [ls, l]] of input) if (ls === 0) for (const [rk, [rs, r]] of input) if (rs === 1 && rk === lk) pairs.push(`${l}|${r}`);
  return pairs.sort();
};

function innerJoin(input: JoinRecord[], join: SpillableHashJoin): string[] {
  const pairs: string[] = [];
  const probe = (record: JoinRecord, table: Map<unknown, unknown>) => {
    for (const r of (table.get(record[0]) as unknown[] | undefined) ?? []) pairs.push(`${record[1][1]}|${r}`);
  };
  for (const record of input) {
    if (record[1][0] === 1) join.addBuild(record);
    else if (join.spilling) join.deferProbe(record);
    else {
      join.probed();
      probe(record, join.table);
    }
  }
  for (const [table, probes] of join.spilledTables()) for (const record of probes) probe(record as JoinRecord, table);
  return pairs.sort();
}

describe('shuffled join tables within a memory budget', () => {
  const rightFirst = [0, 1, 2].flatMap((p) => [...partition(p, 1), ...partition(p, 0)]);
  const leftFirst = [0, 1, 2].flatMap((p) => [...partition(p, 0), ...partition(p, 1)]);

  it('streams left rows through the right rows of their own partition, in memory and spilled', () => {
    expect(innerJoin(rightFirst, new SpillableHashJoin(undefined, false))).toEqual(referencePairs(rightFirst));
    const { memory, files } = memoryOf(2_000);
    expect(innerJoin(rightFirst, new SpillableHashJoin(memory, false))).toEqual(referencePairs(rightFirst));
    expect(files.written).toBeGreaterThan(0);
    expect(files.deleted).toBe(files.written);
  });

  it('groups both sides by key once per key, in memory and spilled', () => {
    const grouped = (join: SpillableJoinGroups) => {
      const seen = new Map<unknown, [unknown[], unknown[]]>();
      for (const table of join.tables(leftFirst)) {
        for (const [key, group] of table) {
          expect(seen.has(key)).toBe(false);
          seen.set(key, group);
        }
      }
      return [...seen].sort((a, b) => (a[0] as number) - (b[0] as number));
    };
    const expected = [...new Set(leftFirst.map((r) => r[0] as number))]
      .sort((a, b) => a - b)
      .map((k) => [k, [0, 1].map((side) => leftFirst.filter((r) => r[0] === k && r[1][0] === side).map((r) => r[1][1]))]);
    expect(grouped(new SpillableJoinGroups(undefined))).toEqual(expected);
    const { memory, files } = memoryOf(2_000);
    expect(grouped(new SpillableJoinGroups(memory))).toEqual(expected);
    expect(files.written).toBeGreaterThan(0);
    expect(files.deleted).toBe(files.written);
  });
});
