// Pre-job steps (plan/prepare.ts): before a job, a node that needs data (a sort's range bounds,
// zipWithIndex's start indices, a node's own beforeJob step) gets a new node from its kind's hook;
// the old node is left as it was, and a later job does not run the step again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { FnRef, type PlanNode, type RDD } from '@flint/rdd';

let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-pre-job-steps' });
});

afterAll(async () => {
  await fc.stop();
});

const jobsNamed = (description: string): number => fc.jobHistory.filter((job) => job.description === description).length;
const parentOf = (rdd: RDD<unknown>): RDD<unknown> => (rdd.node as Extract<PlanNode, { parent: RDD<unknown> }>).parent;

describe('pre-job steps', () => {
  it('gives a sort’s shuffle a new node with sampled bounds, once', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => 99 - i);
    const sorted = fc.parallelize(keys.map((k) => [k, null] as [number, null]), 3).sortByKey(true, 4);
    const shuffled = parentOf(sorted);
    const before = shuffled.node;
    expect(before.kind === 'shuffled' && before.partitioner.kind === 'range' && before.partitioner.bounds).toBeUndefined();

    expect((await sorted.keys().collect())).toEqual([...keys].sort((a, b) => a - b));
    const after = shuffled.node;
    expect(after).not.toBe(before);
    // Fewer keys than samples wanted: every key is sampled, and the bounds split 0..99 in four.
    expect(after.kind === 'shuffled' && after.partitioner.kind === 'range' && after.partitioner.bounds).toEqual([25, 50, 75]);
    expect(before.kind === 'shuffled' && before.partitioner.kind === 'range' && before.partitioner.bounds).toBeUndefined();

    await sorted.count();
    expect(jobsNamed('sortByKey (sample range bounds)')).toBe(1);
    expect(shuffled.node).toBe(after);
  });

  it('gives zipWithIndex a new node with the start indices, once', async () => {
    const indexed = fc.parallelize(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3).zipWithIndex();
    const before = indexed.node;
    expect(await indexed.collect()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x, i) => [x, i]));
    const after = indexed.node;
    expect(after).not.toBe(before);
    // Spark's slicing of 7 elements into 3: sizes 2, 2, 3.
    expect(after.kind === 'mapPartitions' && after.fn.env).toEqual({ startIndices: [0, 2, 4] });
    expect(after.kind === 'mapPartitions' && after.beforeJob).toBeUndefined();
    expect(before.kind === 'mapPartitions' && before.fn.env).toBeUndefined();
    await indexed.count();
    expect(jobsNamed('zipWithIndex (count partitions)')).toBe(1);
  });

  it('runs a node’s own beforeJob step (as the SQL layer re-plans) and computes the node it returns', async () => {
    const numbers = fc.parallelize([2, 4, 6, 8], 2);
    let runs = 0;
    const shares = numbers.derive<number>({
      kind: 'mapPartitions',
      parent: numbers,
      fn: FnRef.fromSource('(rows) => { throw new Error("computed before its pre-job step"); }'),
      withIndex: false,
      preservesPartitioning: false,
      beforeJob: async (node) => {
        runs++;
        const total = ((await node.parent.collect()) as number[]).reduce((a, b) => a + b, 0);
        return { ...node, fn: FnRef.fromSource('(rows, env) => [...rows].map((x) => x / env.total)', { total }), beforeJob: undefined };
      },
    });
    expect(await shares.collect()).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(await shares.collect()).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(runs).toBe(1);
  });
});
