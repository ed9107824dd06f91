// The 43 ClickBench queries through fc.sql on local[2], in their Spark SQL text, against DuckDB
// running its own text on the same Parquet file (a synthetic `hits` of 200k rows). Where ORDER
// BY ... LIMIT cuts through ties, any of the tied rows is a right answer (tied-rows.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { generateHits } from '../../benchmarks/clickbench/generate.js';
import { CLICKBENCH_QUERY_NUMBERS, clickbenchQuery } from '../../benchmarks/clickbench/queries.js';
import { DuckDbReference, type ReferenceRow } from './duckdb-reference.js';
import { candidatesQuery, tiedRowsDifference, type TiedRowsCheck } from './tied-rows.js';

const ROWS = 200_000;

/** Each query's ORDER BY columns (output positions); 'all' where the order is total (EventTime is unique). */
const ORDER_COLUMNS: Record<number, TiedRowsCheck['orderColumns']> = {
  8: [1], 9: [1], 10: [2], 11: [1], 12: [2], 13: [1], 14: [1], 15: [2], 16: [1], 17: [2], 19: [3],
  22: [2], 23: [3], 24: 'all', 25: 'all', 26: 'all', 27: 'all', 28: [1], 29: [1], 31: [2], 32: [2],
  33: [2], 34: [1], 35: [2], 36: [4], 37: [1], 38: [1], 39: [1], 40: [5], 41: [2], 42: [2], 43: 'all',
};

/** The query without its LIMIT and OFFSET: every row a LIMIT may choose from. */
const unlimited = (sql: string) => sql.replace(/\s+LIMIT \d+( OFFSET \d+)?$/, '');

describe('ClickBench through fc.sql, compared with DuckDB (200k rows)', () => {
  let dir: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  const answers = new Map<number, ReferenceRow[]>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-clickbench-'));
    const path = join(dir, 'hits.parquet');
    await generateHits(ROWS, path);
    db = await DuckDbReference.open(2);
    // ClickBench's DuckDB table has naive TIMESTAMPs: the file's UTC instants as UTC wall-clock times.
    await db.query(
      `CREATE TABLE hits AS SELECT * REPLACE (make_timestamp(epoch_us(EventTime)) AS EventTime, ` +
        `make_timestamp(epoch_us(ClientEventTime)) AS ClientEventTime, make_timestamp(epoch_us(LocalEventTime)) AS LocalEventTime) ` +
        `FROM read_parquet('${path}')`,
    );
    fc = await FlintContext.create({ master: 'local[2]' });
    fc.conf.set('spark.sql.session.timeZone', 'UTC');
    fc.read.parquet(path).createOrReplaceTempView('hits');
    for (const n of CLICKBENCH_QUERY_NUMBERS) answers.set(n, await db.query(clickbenchQuery(n, 'duckdb')));
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the data gives every query rows to answer (q20 looks for a UserID past 2^53: none)', () => {
    expect(CLICKBENCH_QUERY_NUMBERS.filter((n) => answers.get(n)!.length === 0)).toEqual([20]);
  });

  it.each(CLICKBENCH_QUERY_NUMBERS)('q%i returns DuckDB’s answer', async (n) => {
    const reference = clickbenchQuery(n, 'duckdb');
    const expected = answers.get(n)!;
    const actual = await fc.sql(clickbenchQuery(n, 'spark')).collect();
    const limited = unlimited(reference) !== reference && actual.length > 0;
    const candidates = limited ? await db.query(candidatesQuery(unlimited(reference), Object.keys(expected[0] ?? {}), actual)) : expected;
    const orderColumns = ORDER_COLUMNS[n] ?? [];
    expect(tiedRowsDifference(actual, expected, candidates, { orderColumns, relativeTolerance: 1e-9 })).toBeNull();
  }, 120_000);
});
