import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

const SCHEMA = 'a INT, b STRING';

// Spark's FileFormatWriter (SPARK-23271, SPARK-26208): task 0 writes its part file even with no rows, so the written
// directory of an empty DataFrame holds one part file (a CSV header, an empty JSON file, a Parquet footer) and _SUCCESS.
describe('df.write of an empty DataFrame on local[2]: one part file that keeps the schema, as Spark writes it', () => {
  let fc: FlintContext;
  let db: DuckDbReference;
  let dir: string;
  // Three partitions, every one empty: only task 0 writes a file.
  const empty = () => fc.createDataFrame([[1, 'x'], [2, 'y'], [3, 'z']], SCHEMA).repartition(3).where(F.col('a').lt(0));
  const partFiles = (out: string) => readdirSync(out).filter((n) => n.startsWith('part-'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-empty-write-'));
    db = await DuckDbReference.open(1);
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Parquet: one part file with the schema and no rows; Flint and DuckDB read the columns back', async () => {
    const out = join(dir, 'empty.parquet');
    await empty().write.parquet(out);
    expect(readdirSync(out).sort()).toEqual(['_SUCCESS', ...partFiles(out)]);
    expect(partFiles(out)).toHaveLength(1);
    const back = fc.read.parquet(out);
    expect(back.schema.simpleString()).toBe('struct<a:int,b:string>');
    expect(await back.count()).toBe(0);
    const columns = await db.query(`describe select * from '${out}/*.parquet'`);
    expect(columns.map((c) => [c.column_name, c.column_type])).toEqual([['a', 'INTEGER'], ['b', 'VARCHAR']]);
    expect(await db.query(`select * from '${out}/*.parquet'`)).toEqual([]);
  });

  it('CSV with header true: one part file holding the header line; Flint and DuckDB read the column names back', async () => {
    const out = join(dir, 'header.csv');
    await empty().write.option('header', true).csv(out);
    expect(partFiles(out)).toHaveLength(1);
    expect(readFileSync(join(out, partFiles(out)[0]), 'utf8')).toBe('a,b\n');
    const back = fc.read.option('header', true).csv(out);
    expect(back.schema.simpleString()).toBe('struct<a:string,b:string>');
    expect(await back.count()).toBe(0);
    const columns = await db.query(`describe select * from read_csv('${out}/*.csv', header = true)`);
    expect(columns.map((c) => c.column_name)).toEqual(['a', 'b']);
    expect(await db.query(`select * from read_csv('${out}/*.csv', header = true)`)).toEqual([]);
  });

  it('CSV with header false and JSON: one empty part file; Flint reads no rows with the schema', async () => {
    const csvOut = join(dir, 'plain.csv');
    const jsonOut = join(dir, 'empty.json');
    await empty().write.csv(csvOut);
    await empty().write.json(jsonOut);
    for (const out of [csvOut, jsonOut]) {
      expect(partFiles(out)).toHaveLength(1);
      expect(readFileSync(join(out, partFiles(out)[0]))).toHaveLength(0);
    }
    expect(await fc.read.schema(SCHEMA).csv(csvOut).count()).toBe(0);
    const json = fc.read.schema(SCHEMA).json(jsonOut);
    expect(json.schema.simpleString()).toBe('struct<a:int,b:string>');
    expect(await json.count()).toBe(0);
  });

  it("writes task 0's file even when only a later task has rows; other empty tasks write none", async () => {
    const out = join(dir, 'later-rows.json');
    await empty().union(fc.createDataFrame([[4, 'w']], SCHEMA)).write.json(out);
    const texts = partFiles(out).sort().map((n) => readFileSync(join(out, n), 'utf8'));
    expect(texts).toEqual(['', '{"a":4,"b":"w"}\n']);
  });

  it('a plan of no partitions still writes the one part file', async () => {
    const out = join(dir, 'no-partitions.parquet');
    const none = fc.emptyRDD<unknown[]>().toDF(SCHEMA);
    expect(none.rdd.getNumPartitions()).toBe(0);
    await none.write.parquet(out);
    expect(partFiles(out)).toHaveLength(1);
    expect(fc.read.parquet(out).schema.simpleString()).toBe('struct<a:int,b:string>');
  });

  it('partitionBy: no partition directory and no part file, only _SUCCESS, as Spark writes it', async () => {
    const out = join(dir, 'by-a');
    await empty().write.partitionBy('a').parquet(out);
    expect(readdirSync(out)).toEqual(['_SUCCESS']);
  });
});
