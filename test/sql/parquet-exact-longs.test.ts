// A Parquet INT64 column past 2^53 reads as exact longs (JS bigints past 2^53, numbers below), as
// Spark reads it: plain and dictionary-encoded pages, with and without nulls, and an equality
// filter on a literal past 2^53 (ClickBench's q41/q42) finds its rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const BIG = '3594120000172545465';

describe('Parquet longs past 2^53', () => {
  let dir: string;
  let db: DuckDbReference;
  let fc: FlintContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-exact-longs-'));
    db = await DuckDbReference.open(1);
    fc = await FlintContext.create({ master: 'local[1]' });
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['plain pages', `i * 7919 + CASE WHEN i % 97 = 0 THEN ${BIG} ELSE 1 END`],
    ['dictionary pages', `CASE WHEN i % 3 = 0 THEN ${BIG} WHEN i % 3 = 1 THEN -9223372036854775807 ELSE 42 END`],
    ['nulls', `CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN ${BIG} ELSE i END`],
  ])('%s read exactly, and filter on a literal past 2^53', async (name, value) => {
    const path = join(dir, `${name.replace(' ', '-')}.parquet`);
    await db.query(`COPY (SELECT i::INT AS id, (${value})::BIGINT AS h FROM range(0, 3000) t(i)) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
    const expected = await db.query(`SELECT id, h::VARCHAR AS h FROM '${path}' ORDER BY id`);
    const rows = await fc.read.parquet(path).orderBy('id').collect();
    expect(rows.map((r) => ({ id: r.id, h: r.h === null ? null : String(r.h) }))).toEqual(expected);
    expect(rows.every((r) => r.h === null || Number.isSafeInteger(r.h) || typeof r.h === 'bigint')).toBe(true);
    fc.read.parquet(path).createOrReplaceTempView('longs');
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM '${path}' WHERE h = ${BIG}`);
    expect(n).toBeGreaterThan(0);
    expect(await fc.sql(`SELECT count(*) AS n FROM longs WHERE h = ${BIG}`).collect()).toEqual([{ n }]);
  });
});
