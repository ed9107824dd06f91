/**
 * Rows cross between the user's objects and the engine's rows one at a time as a partition is
 * read, both ways: `df.rdd` (engine rows to user objects), `rdd.toDF` and
 * `fc.createDataFrame(rdd, schema)` (user rows to engine rows). A partition of 3 million rows goes
 * through a task thread whose heap (64 MB) could not hold them all at once (about 100 MB as user
 * objects, 150 MB as engine rows), and every row arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, type RDD } from '@flint/driver';

const ROWS = 3_000_000;
let fc: FlintContext;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[1]', appName: 'row-conversion-streams', threadHeap: 64 * 1024 * 1024 });
});
afterAll(async () => {
  await fc.stop();
});

let expectedTotal = 0;
for (let id = 0; id < ROWS; id++) expectedTotal += id + (id % 7);

/** ROWS user rows in one partition, made on the task thread from the numbers of a range. */
function generatedRows(): RDD<unknown> {
  return fc.range(0, ROWS, 1, 1).map((id: number) => [id, id % 7]);
}

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
    expect(sums).toEqual([[ROWS, expectedTotal]]);
  }, 60_000);
});

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
