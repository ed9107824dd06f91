import { describe, expect, it } from 'vitest';
import { RDD, lineage, narrowDependencies, type RddContext } from '../src/index.js';

let ids = 0;
const context = { newRddId: () => ids++, newShuffleId: () => 0, defaultParallelism: 2, mode: 'memory' } as unknown as RddContext;
const source = (): RDD<number> => new RDD<number>(context, { kind: 'parallelize', slices: [[1], [2]] });

/** Every RDD after all of its parents: the order the walk promises. */
function parentsFirst(order: RDD<unknown>[]): boolean {
  const position = new Map(order.map((rdd, i) => [rdd.id(), i]));
  return order.every((rdd, i) => {
    const node = rdd.node as { parent?: RDD<unknown>; parents?: readonly RDD<unknown>[] };
    const parents = node.parents ?? (node.parent ? [node.parent] : []);
    return parents.every((parent) => !position.has(parent.id()) || position.get(parent.id())! < i);
  });
}

describe('lineage', () => {
  it('lists each RDD once, parents first, even where paths meet again (a diamond, and a shortcut)', () => {
    const x = source();
    const a = x.map((v) => v + 1);
    const diamond = a.union(x.map((v) => v * 2));
    const shortcut = new RDD<number>(context, { kind: 'zip', parents: [a, x] });
    for (const root of [diamond, shortcut]) {
      const order = lineage(root);
      expect(new Set(order.map((rdd) => rdd.id())).size).toBe(order.length);
      expect(order[order.length - 1]).toBe(root);
      expect(order).toContain(x);
      expect(parentsFirst(order)).toBe(true);
    }
    expect(lineage(shortcut).map((rdd) => rdd.id())).toEqual([x.id(), a.id(), shortcut.id()]);
  });

  it('stops at shuffles when asked for narrow dependencies only', () => {
    const pairs = source().map((v): [number, number] => [v, 1]);
    const reduced = pairs.reduceByKey((p, q) => p + q, 2);
    const whole = lineage(reduced);
    const narrow = lineage(reduced, narrowDependencies);
    expect(whole).toContain(pairs);
    expect(narrow).not.toContain(pairs);
    expect(narrow.some((rdd) => rdd.node.kind === 'shuffled')).toBe(true);
  });

  it('walks a long lineage without overflowing the stack', () => {
    let rdd = source();
    for (let i = 0; i < 20_000; i++) rdd = rdd.map((v) => v);
    expect(lineage(rdd)).toHaveLength(20_001);
  });
});
