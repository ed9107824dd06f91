// The 43 ClickBench queries through fc.sql on local[2], in their Spark SQL text, against DuckDB
// running its own text on the same Parquet file (a synthetic `hits` of 200k rows). Where ORDER
// BY ... LIMIT cuts through ties, any of the tied rows is a right answer (tied-rows.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { generateHits } from '../../benchmarks/clickbench/generate.js';
import { clickbenchAnswerDifference } from '../../benchmarks/clickbench/answers.js';
import { CLICKBENCH_QUERY_NUMBERS, clickbenchQuery, duckdbHitsSource } from '../../benchmarks/clickbench/queries.js';
import { DuckDbReference, type ReferenceRow } from './duckdb-reference.js';

const ROWS = 200_000;

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
    await db.query(`CREATE TABLE hits AS ${duckdbHitsSource(path)}`);
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

  it('the data gives every query rows to answer', () => {
    expect(CLICKBENCH_QUERY_NUMBERS.filter((n) => answers.get(n)!.length === 0)).toEqual([]);
  });

  it.each(CLICKBENCH_QUERY_NUMBERS)('q%i returns DuckDB’s answer', async (n) => {
    const actual = await fc.sql(clickbenchQuery(n, 'spark')).collect();
    expect(await clickbenchAnswerDifference(n, actual, answers.get(n)!, db, 1e-9)).toBeNull();
  }, 120_000);
});
