/**
 * `df.rdd` turns engine rows into user row objects one at a time as the partition is read: a
 * partition of 3 million rows goes through a task thread whose heap (64 MB) could not hold its
 * row objects all at once (about 100 MB), and every row arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

const ROWS = 3_000_000;
let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'df-rdd-streams', threadHeap: 64 * 1024 * 1024 });
});
afterAll(async () => {
  await fc.stop();
});

describe('df.rdd', () => {
  it('streams a partition larger than the task thread heap', async () => {
    const sums = await fc
      .sql(`SELECT id, id % 7 AS k FROM range(0, ${ROWS}, 1, 1)`)
      .rdd.mapPartitions((rows: Iterable<Record<string, unknown>>) => {
        let count = 0;
        let total = 0;
        for (const row of rows) {
          count++;
          total += (row.id as number) + (row.k as number);
        }
        return [[count, total]];
      })
      .collect();
    let expectedTotal = 0;
    for (let id = 0; id < ROWS; id++) expectedTotal += id + (id % 7);
    expect(sums).toEqual([[ROWS, expectedTotal]]);
  }, 60_000);
});
