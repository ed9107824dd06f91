// avg and sum(DISTINCT) over a bigint column holding longs past 2^53 (JS bigints,
// types/long-value.ts): avg adds them as doubles, as Spark's Average does (ClickBench's
// AVG(UserID)), sum(DISTINCT) exactly, as sum does. Both failed with "Cannot mix BigInt and
// other types" (avg on its typed path, when it is the query's only aggregate).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { rowsDifference } from './compare-rows.js';
import { DuckDbReference } from './duckdb-reference.js';

describe('avg and sum(DISTINCT) of longs past 2^53', () => {
  let dir: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-long-avg-'));
    db = await DuckDbReference.open(1);
    fc = await FlintContext.create({ master: 'local[2]' });
    const path = join(dir, 'longs.parquet');
    await db.query(
      `COPY (SELECT (i % 3)::INT AS k, CASE WHEN i % 50 = 7 THEN 43509093289964044 + i ELSE i * 1000 END::BIGINT AS v ` +
        `FROM range(0, 2000) t(i)) TO '${path}' (FORMAT parquet)`,
    );
    await db.query(`CREATE TABLE longs AS SELECT * FROM '${path}'`);
    fc.read.parquet(path).createOrReplaceTempView('longs');
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    'SELECT avg(v) AS a FROM longs',
    'SELECT k, avg(v) AS a FROM longs GROUP BY k',
    'SELECT sum(DISTINCT v) AS s, avg(DISTINCT v) AS a FROM longs',
    'SELECT k, sum(DISTINCT v) AS s FROM longs GROUP BY k',
  ])('%s', async (query) => {
    const actual = await fc.sql(query).collect();
    expect(rowsDifference(actual, await db.query(query), { relativeTolerance: 1e-12 })).toBeNull();
  });
});
