/** The driver's view of what is cached follows the executors' evictions (MEMORY_ONLY over budget). */
import { afterEach, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

describe('getPersistentRDDs() after evictions', () => {
  const open: FlintContext[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fc) => fc.stop()));
  });

  it('lists only the partitions an executor still holds', async () => {
    // Four partitions of about 240 KB each against a 600 KB budget: at most two stay in memory.
    const fc = await FlintContext.create({ master: 'local[1]', appName: 'evictions', executorMemory: 600_000 });
    open.push(fc);
    const rows = fc.range(0, 40_000, 1, 4).map((i) => `row ${i} ${'x'.repeat(12)}`).setName('rows').cache();
    expect(await rows.count()).toBe(40_000);
    const [entry] = fc.getPersistentRDDs();
    expect(entry.rdd?.name()).toBe('rows');
    expect(entry.partitionsCached).toBeGreaterThanOrEqual(1);
    expect(entry.partitionsCached).toBeLessThanOrEqual(2);
    expect(entry.bytes).toBeLessThanOrEqual(600_000);
    // Reading them all again recomputes the dropped ones and gives the same answer.
    expect(await rows.filter((row) => row.endsWith('x')).count()).toBe(40_000);
  });
});
