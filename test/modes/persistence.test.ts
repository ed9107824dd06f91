/** cache() keeps partitions in memory mode and, as in Hadoop, has no effect in mapreduce mode. */
import { afterEach, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import type { Mode } from './both-modes.js';

describe('cache() and getPersistentRDDs() in each mode', () => {
  const open: FlintContext[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fc) => fc.stop()));
  });

  async function cachedSquares(mode: Mode): Promise<FlintContext> {
    const fc = await FlintContext.create({ master: 'local[2]', mode, appName: `persistence-${mode}` });
    open.push(fc);
    const squares = fc.range(0, 10_000, 1, 4).map((x) => x * x).setName('squares').cache();
    expect(squares.isCached).toBe(mode === 'memory');
    expect(await squares.sum()).toBe(333_283_335_000);
    expect(await squares.count()).toBe(10_000);
    return fc;
  }

  it('memory mode lists the cached RDD with its partitions, bytes and executors', async () => {
    const fc = await cachedSquares('memory');
    const [entry, ...others] = fc.getPersistentRDDs();
    expect(others).toEqual([]);
    expect(entry.rdd?.name()).toBe('squares');
    expect(entry.partitionsCached).toBe(4);
    // 10 000 msgpack numbers take at least a few bytes each.
    expect(entry.bytes).toBeGreaterThan(10_000);
    expect(Object.values(entry.executors).reduce((sum, n) => sum + n, 0)).toBe(4);
    expect(entry.partitions.map((partition) => partition.split)).toEqual([0, 1, 2, 3]);
    expect(entry.partitions.reduce((sum, partition) => sum + partition.bytes, 0)).toBe(entry.bytes);
    for (const partition of entry.partitions) expect(partition.executors.map((executor) => entry.executors[executor] > 0)).toEqual([true]);
  });

  it('mapreduce mode caches nothing', async () => {
    const fc = await cachedSquares('mapreduce');
    expect(fc.getPersistentRDDs()).toEqual([]);
  });
});
