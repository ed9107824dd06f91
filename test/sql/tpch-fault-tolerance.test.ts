/**
 * TPC-H q1, q3 and q5 (SF 0.01, read from the generated CSV files) give DuckDB's answers in
 * `mapreduce` mode, and on `local-cluster[3,1]` when a worker is SIGKILLed while the query's
 * tasks are running: the scheduler recomputes the lost work from lineage.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { registerTpchViews } from '../../benchmarks/tpch/flint-tables.js';
import { tpchQuery } from '../../benchmarks/tpch/queries.js';
import { TaskLog } from '../cluster/harness.js';
import { rowsDifference } from './compare-rows.js';
import { DuckDbReference, type ReferenceRow } from './duckdb-reference.js';
import { generateTpchFixture, type TpchFixture } from './tpch-fixture.js';

const QUERIES = [1, 3, 5];

let data: TpchFixture;
const expected = new Map<number, ReferenceRow[]>();

beforeAll(async () => {
  data = generateTpchFixture(0.01);
  const db = await DuckDbReference.withTpch(data.dir);
  try {
    for (const n of QUERIES) expected.set(n, await db.query(tpchQuery(n)));
  } finally {
    db.close();
  }
});
afterAll(() => data?.remove());

/** Registers the eight tables as views over the CSV files, cut into small splits so each scan has many tasks. */
function registerTables(fc: FlintContext): void {
  fc.conf.set('spark.sql.files.maxPartitionBytes', '256k');
  registerTpchViews(fc, data.dir);
}

describe('TPC-H in mapreduce mode (local[2])', () => {
  let fc: FlintContext;
  beforeAll(async () => {
    fc = await FlintContext.create({ master: 'local[2]', mode: 'mapreduce' });
    registerTables(fc);
  });
  afterAll(async () => fc?.stop());

  it.each(QUERIES)('q%i returns DuckDB’s answer', async (n) => {
    const rows = await fc.sql(tpchQuery(n)).collect();
    expect(rowsDifference(rows, expected.get(n)!, { relativeTolerance: 1e-6 })).toBeNull();
  }, 120_000);
});

describe('TPC-H on local-cluster[3,1] with a worker SIGKILLed mid-query', () => {
  let fc: FlintContext | undefined;
  afterEach(async () => {
    await fc?.stop();
    fc = undefined;
  });

  it.each(QUERIES)('q%i returns DuckDB’s answer although a worker dies', async (n) => {
    fc = await FlintContext.create({ master: 'local-cluster[3,1]' });
    const log = new TaskLog();
    fc.addListener(log.onEvent);
    registerTables(fc);
    const query = fc.sql(tpchQuery(n)).collect();
    // Kill the worker that ran one of the query's first successful tasks, while the rest still run.
    await log.until(() => log.tasks.filter((t) => t.end === 'success').length >= 3);
    const victim = log.tasks.find((t) => t.end === 'success')!.executor;
    const worker = fc.localCluster!.workers.find((w) => w.executorId === victim)!;
    const tasksAtKill = log.tasks.length;
    fc.localCluster!.killWorker(worker.index);

    const rows = await query;
    expect(rowsDifference(rows, expected.get(n)!, { relativeTolerance: 1e-6 })).toBeNull();
    expect(log.lost.map((l) => l.executor)).toEqual([victim]);
    // The query was still running tasks when the worker died.
    expect(log.tasks.length).toBeGreaterThan(tasksAtKill);
  }, 180_000);
});
