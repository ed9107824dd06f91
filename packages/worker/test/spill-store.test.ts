/** The task spill store on a real directory, and the external sort that spills sorted runs to it. */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sortWithinBudget } from '@flint/rdd';
import { TaskSpillStore } from '../src/thread/spill-store.js';

const root = mkdtempSync(join(tmpdir(), 'flint-spill-test-'));
let tasks = 0;
const spillDir = () => join(root, `task-${++tasks}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('TaskSpillStore', () => {
  it('writes frames to files whose sizes are the diskBytesSpilled metric, reads them back, removes them', () => {
    const dir = spillDir();
    const store = new TaskSpillStore(dir);
    const records = Array.from({ length: 3000 }, (_, i) => [i, `row ${i}`, { nested: [i, null] }]);
    const first = store.write(records, 1234);
    const second = store.write([['x', 1]], 10);
    const onDisk = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(store.metrics.diskBytesSpilled).toBe(onDisk);
    expect(store.metrics.memoryBytesSpilled).toBe(1244);
    expect([...first.read()]).toEqual(records);
    expect([...second.read()]).toEqual([['x', 1]]);
    first.delete();
    expect(readdirSync(dir)).toHaveLength(1);
    store.removeAll();
    expect(existsSync(dir)).toBe(false);
  });
});

describe('sortWithinBudget', () => {
  it('merges spilled runs into the same order as an in-memory stable sort', () => {
    const store = new TaskSpillStore(spillDir());
    let seed = 7;
    const records = Array.from({ length: 20_000 }, (_, i) => [(seed = (seed * 48271) % 2147483647) % 500, i]);
    const compare = (a: number[], b: number[]) => a[0] - b[0];
    const sorted = [...sortWithinBudget(records, compare, { budgetBytes: 50_000, spill: store })];
    expect(store.metrics.diskBytesSpilled).toBeGreaterThan(0);
    expect(sorted).toEqual([...records].sort(compare));
    store.removeAll();
  });

  it('stays in memory under the budget', () => {
    const store = new TaskSpillStore(spillDir());
    expect([...sortWithinBudget([3, 1, 2], (a, b) => a - b, { budgetBytes: 1 << 20, spill: store })]).toEqual([1, 2, 3]);
    expect(store.metrics.diskBytesSpilled).toBe(0);
  });
});
