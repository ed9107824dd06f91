/**
 * `rdd.toDF` and `fc.createDataFrame(rdd, schema)` turn user rows into engine rows one at a
 * time as the partition is read: a partition of 3 million rows goes through a task thread whose
 * heap (64 MB) could not hold its engine rows all at once (about 150 MB), and every row counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, type RDD } from '@flint/driver';

const ROWS = 3_000_000;
let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'to-df-streams', threadHeap: 64 * 1024 * 1024 });
});
afterAll(async () => {
  await fc.stop();
});

/** ROWS user rows in one partition, made on the task thread from the numbers of a range. */
function generatedRows(): RDD<unknown> {
  return fc.range(0, ROWS, 1, 1).map((id: number) => [id, id % 7]);
}

let expectedTotal = 0;
for (let id = 0; id < ROWS; id++) expectedTotal += id + (id % 7);

describe('user rows into a DataFrame', () => {
  it('rdd.toDF streams a partition larger than the task thread heap', async () => {
    const [row] = await generatedRows().toDF('id BIGINT, k BIGINT').selectExpr('count(*) AS n', 'sum(id + k) AS total').collect();
    expect([row.n, row.total]).toEqual([ROWS, expectedTotal]);
  }, 60_000);

  it('createDataFrame(rdd, schema) streams it too', async () => {
    const [row] = await fc.createDataFrame(generatedRows(), 'id BIGINT, k BIGINT').selectExpr('count(*) AS n', 'sum(id + k) AS total').collect();
    expect([row.n, row.total]).toEqual([ROWS, expectedTotal]);
  }, 60_000);
});
