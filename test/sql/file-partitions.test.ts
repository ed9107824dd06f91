/**
 * A file scan's tasks on local[2] are Spark's (files/file-partitions.ts): byte splits of
 * maxSplitBytes, packed longest first with the open cost; a Parquet split reads the row groups
 * whose midpoint it holds, computed here from DuckDB's own parquet_metadata.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';

describe("file scans plan Spark's tasks", () => {
  let fc: FlintContext;
  let db: DuckDbReference;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flint-file-partitions-'));
    db = await DuckDbReference.open(1);
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function withConf<T>(conf: Record<string, string>, body: () => Promise<T>): Promise<T> {
    for (const [key, value] of Object.entries(conf)) fc.conf.set(key, value);
    return body().finally(() => Object.keys(conf).forEach((key) => fc.conf.unset(key)));
  }

  it('cuts CSV files into splits of maxSplitBytes and packs them longest first, each with the open cost', async () => {
    const csvDir = join(dir, 'csv');
    mkdirSync(csvDir);
    // Lines of exactly 10 bytes ("000042,ab\n"); files of 1000, 3000, 500 and 200 bytes.
    let id = 0;
    const sizes: Record<string, number> = { a: 1000, b: 3000, c: 500, d: 200 };
    for (const [name, size] of Object.entries(sizes)) {
      const lines = Array.from({ length: size / 10 }, () => `${String(id++).padStart(6, '0')},ab\n`);
      writeFileSync(join(csvDir, `${name}.csv`), lines.join(''));
    }
    await withConf({ 'spark.sql.files.maxPartitionBytes': '1200', 'spark.sql.files.openCostInBytes': '100' }, async () => {
      const df = fc.read.csv(csvDir, { schema: 'id INT, tag STRING' });
      // maxSplitBytes = min(1200, max(100, (4700 + 4 * 100) / 2)) = 1200: b is cut at 1200 and 2400.
      // Longest first: b@0, b@1200 (1200 each), a (1000), b@2400 (600), c (500), d (200); b@0 fills a
      // task (1300), so does b@1200, a (1100) cannot take b@2400 (1100 + 600 > 1200), b@2400 (700)
      // takes c (700 + 500 = 1200, not past it), and d starts the fifth task.
      expect(df.rdd.getNumPartitions()).toBe(5);
      const rows = await df
        .select('id', F.spark_partition_id().alias('task'), F.input_file_name().alias('file'), F.input_file_block_start().alias('start'))
        .collect();
      const blocks = [...new Set(rows.map((r) => `${r.task} ${String(r.file).split('/').pop()}@${r.start}`))].sort();
      expect(blocks).toEqual(['0 b.csv@0', '1 b.csv@1200', '2 a.csv@0', '3 b.csv@2400', '3 c.csv@0', '4 d.csv@0']);
      expect(rows.map((r) => r.id as number).sort((x, y) => x - y)).toEqual(Array.from({ length: id }, (_, i) => i));
    });
  });

  it('lists every file for inputFiles, empty ones too, without planning tasks (a bad spark.sql.files.* setting fails only the read)', async () => {
    const listDir = join(dir, 'listed');
    mkdirSync(listDir);
    writeFileSync(join(listDir, 'full.csv'), '1,a\n');
    writeFileSync(join(listDir, 'empty.csv'), '');
    await withConf({ 'spark.sql.files.maxPartitionBytes': 'lots' }, async () => {
      const df = fc.read.csv(listDir, { schema: 'id INT, tag STRING' });
      expect(df.inputFiles().map((f) => f.split('/').pop())).toEqual(['empty.csv', 'full.csv']);
      await expect(df.collect()).rejects.toThrow("spark.sql.files.maxPartitionBytes must be a positive size such as 134217728 or 128m, got 'lots'");
    });
  });

  it('reads each Parquet row group in the one split that holds its midpoint, none twice and none lost', async () => {
    const path = join(dir, 'groups.parquet');
    await db.query(`copy (select i::bigint as id, (i * 7) % 1000 as v from range(0, 40000) t(i)) to '${path}' (format parquet, row_group_size 1000)`);
    const size = statSync(path).size;
    const meta = await db.query(
      `select row_group_id as g, any_value(row_group_num_rows) as rows, sum(total_compressed_size) as bytes, ` +
        `min(case when column_id = 0 then least(data_page_offset, coalesce(dictionary_page_offset, data_page_offset)) end) as start ` +
        `from parquet_metadata('${path}') group by row_group_id order by row_group_id`,
    );
    expect(meta.length).toBeGreaterThanOrEqual(10);
    const splitBytes = Math.floor(size / 5);
    const midpoints = meta.map((m) => ({ rows: m.rows as number, midpoint: (m.start as number) + Math.floor((m.bytes as number) / 2) }));
    // Each split (splitBytes plus an open cost of 1) is a task of its own, in the file's order (the
    // shorter last split comes last); a task holding no midpoint runs and reads nothing, as in Spark.
    const expected: number[] = [];
    for (let start = 0; start < size; start += splitBytes) {
      const inSplit = midpoints.filter((m) => m.midpoint >= start && m.midpoint < start + splitBytes);
      expected.push(inSplit.reduce((n, m) => n + m.rows, 0));
    }
    await withConf({ 'spark.sql.files.maxPartitionBytes': String(splitBytes), 'spark.sql.files.openCostInBytes': '1' }, async () => {
      const df = fc.read.parquet(path);
      expect(df.rdd.getNumPartitions()).toBe(expected.length);
      expect(await df.rdd.mapPartitions((rows: Iterable<unknown>) => [[...rows].length]).collect()).toEqual(expected);
      const [flint] = await df.agg(F.count('*').alias('n'), F.sum('id').alias('ids'), F.sum('v').alias('vs')).collect();
      const [duck] = await db.query(`select count(*) as n, sum(id) as ids, sum(v) as vs from '${path}'`);
      expect(flint).toEqual(duck);
    });
    // With the defaults the whole file (a few dozen kB) is one split, under the 4 MB open cost.
    expect(fc.read.parquet(path).rdd.getNumPartitions()).toBe(1);
  });

  it("keeps Spark's count of Parquet tasks when a row group spans several splits: the others run empty", async () => {
    const path = join(dir, 'one-group.parquet');
    await db.query(`copy (select i::bigint as id from range(0, 5000) t(i)) to '${path}' (format parquet, row_group_size 100000)`);
    const [{ groups }] = await db.query(`select count(distinct row_group_id) as groups from parquet_metadata('${path}')`);
    expect(groups).toBe(1);
    const size = statSync(path).size;
    const splitBytes = Math.ceil(size / 4);
    await withConf({ 'spark.sql.files.maxPartitionBytes': String(splitBytes), 'spark.sql.files.openCostInBytes': '1' }, async () => {
      const df = fc.read.parquet(path);
      // Spark: one task per split (each splitBytes plus the open cost of 1), 4 of them; one reads the row group.
      expect(df.rdd.getNumPartitions()).toBe(4);
      const perTask = await df.rdd.mapPartitions((rows: Iterable<unknown>) => [[...rows].length]).collect();
      expect(perTask.filter((n) => n > 0)).toEqual([5000]);
      expect(perTask.length).toBe(4);
      const ids = (await df.select('id', F.spark_partition_id().alias('task')).collect()).map((r) => r.id as number);
      expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    });
  });
});
