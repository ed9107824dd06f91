import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';
import { rowsDifference } from './compare-rows.js';
import { generateTpchFixture, type TpchFixture } from './tpch-fixture.js';

describe('fc.read on local[2]: CSV, JSON lines and Parquet against DuckDB', () => {
  let fc: FlintContext;
  let db: DuckDbReference;
  let data: TpchFixture;
  let dir: string;
  const lineitemSummary =
    'select l_returnflag, l_linestatus, count(*) as n, sum(l_quantity) as qty, sum(l_extendedprice) as price, min(l_shipdate) as first_ship ' +
    'from lineitem group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus';

  beforeAll(async () => {
    data = generateTpchFixture(0.01);
    dir = mkdtempSync(join(tmpdir(), 'flint-readers-'));
    db = await DuckDbReference.withTpch(data.dir, 1);
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    data?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  const summarise = (df: ReturnType<FlintContext['read']['csv']>) =>
    df
      .groupBy('l_returnflag', 'l_linestatus')
      .agg(F.count('*').alias('n'), F.sum('l_quantity').alias('qty'), F.sum('l_extendedprice').alias('price'), F.min('l_shipdate').alias('first_ship'))
      .orderBy('l_returnflag', 'l_linestatus')
      .collect();

  it('reads a CSV in 1 MB splits (every line once) with the inferred schema, as DuckDB does', async () => {
    fc.conf.set('spark.sql.files.maxPartitionBytes', '1m');
    try {
      const lineitem = fc.read.csv(join(data.dir, 'lineitem.csv'), { header: true, inferSchema: true });
      expect(lineitem.dtypes.slice(0, 6)).toEqual([
        ['l_orderkey', 'int'], ['l_partkey', 'int'], ['l_suppkey', 'int'], ['l_linenumber', 'int'], ['l_quantity', 'int'], ['l_extendedprice', 'double'],
      ]);
      expect(lineitem.dtypes[10]).toEqual(['l_shipdate', 'date']);
      expect(lineitem.rdd.getNumPartitions()).toBeGreaterThan(5);
      expect(rowsDifference(await summarise(lineitem), await db.query(lineitemSummary), { ordered: true })).toBeNull();
    } finally {
      fc.conf.unset('spark.sql.files.maxPartitionBytes');
    }
  });

  it("sizes CSV splits as Spark does: the bytes and each file's open cost spread over the cores, within maxPartitionBytes", async () => {
    const path = join(data.dir, 'lineitem.csv');
    const size = statSync(path).size;
    const MiB = 1024 * 1024;
    // Spark's FilePartition.maxSplitBytes on local[2] with its defaults (4 MB open cost, 128 MB maximum).
    const splitBytes = Math.min(128 * MiB, Math.max(4 * MiB, Math.floor((size + 4 * MiB) / 2)));
    const lineitem = fc.read.csv(path, { header: true, inferSchema: true });
    expect(lineitem.rdd.getNumPartitions()).toBe(Math.ceil(size / splitBytes));
    fc.conf.set('spark.sql.files.openCostInBytes', '1k');
    try {
      const halves = fc.read.csv(path, { header: true, inferSchema: true });
      const counts = await halves.rdd.mapPartitions((rows: Iterable<unknown>) => [[...rows].length]).collect();
      expect(counts).toHaveLength(2);
      expect(Math.abs(counts[0] - counts[1])).toBeLessThan(counts[0] / 50);
      expect(rowsDifference(await summarise(halves), await db.query(lineitemSummary), { ordered: true })).toBeNull();
    } finally {
      fc.conf.unset('spark.sql.files.openCostInBytes');
    }
  });

  it('reads Parquet that DuckDB wrote', async () => {
    const path = join(dir, 'lineitem.parquet');
    await db.query(`copy lineitem to '${path}' (format parquet, row_group_size 10000)`);
    expect(fc.read.parquet(path).rdd.getNumPartitions()).toBe(statSync(path).size < 4 * 1024 * 1024 ? 1 : 2);
    fc.conf.set('spark.sql.files.maxPartitionBytes', '256k');
    try {
      const lineitem = fc.read.parquet(path);
      expect(lineitem.rdd.getNumPartitions()).toBeGreaterThan(1);
      expect(rowsDifference(await summarise(lineitem), await db.query(lineitemSummary), { ordered: true })).toBeNull();
    } finally {
      fc.conf.unset('spark.sql.files.maxPartitionBytes');
    }
  });

  it('skips the Parquet row groups whose statistics exclude a filter on the scan', async () => {
    const path = join(dir, 'sorted.parquet');
    await db.query(`copy (select i::bigint as id, i % 7 as k from range(0, 10000) t(i)) to '${path}' (format parquet, row_group_size 1000)`);
    const groups = await db.query(`select stats_min::bigint as min, stats_max::bigint as max from parquet_metadata('${path}') where path_in_schema = 'id'`);
    const kept = groups.filter((g) => (g.max as number) >= 9500 && (g.min as number) <= 9800);
    expect(kept.length).toBeLessThan(groups.length);
    // Splits of 1 kB, each a task; as in Spark, the tasks of the row groups the statistics exclude
    // still run (and read nothing), so the count is the file's splits.
    const splits = Math.ceil(statSync(path).size / 1024);
    fc.conf.set('spark.sql.files.maxPartitionBytes', '1k');
    fc.conf.set('spark.sql.files.openCostInBytes', '1');
    try {
      const df = fc.read.parquet(path).where(F.col('id').geq(9500).and(F.col('id').leq(9800)));
      expect(df.rdd.getNumPartitions()).toBe(splits);
      const ids = (await df.orderBy('id').collect()).map((r) => r.id);
      const reference = await db.query(`select id from '${path}' where id between 9500 and 9800 order by id`);
      expect(ids).toEqual(reference.map((r) => r.id));
      expect(fc.read.parquet(path).where(F.col('id').gt(20000)).rdd.getNumPartitions()).toBe(splits);
      expect(await fc.read.parquet(path).where(F.col('id').gt(20000)).count()).toBe(0);
    } finally {
      fc.conf.unset('spark.sql.files.maxPartitionBytes');
      fc.conf.unset('spark.sql.files.openCostInBytes');
    }
  });

  it('reads a multiLine CSV past one text piece (~120 kB) whole: quoted fields span lines, as DuckDB reads them', async () => {
    const path = join(dir, 'multiline.csv');
    const records = Array.from({ length: 6000 }, (_, i) => `${i},"note ${i}${i % 3 === 0 ? '\nsecond line' : ''}, ${'x'.repeat(i % 40)}"`);
    writeFileSync(path, `id,note\n${records.join('\n')}\n`);
    expect(statSync(path).size).toBeGreaterThan(200 * 1024);
    const df = fc.read.csv(path, { header: true, multiLine: true, schema: 'id INT, note STRING' });
    const rows = (await df.orderBy('id').collect()).map((r) => [r.id, r.note]);
    const reference = await db.query(`select id, note from read_csv('${path}', header = true, columns = {'id': 'INTEGER', 'note': 'VARCHAR'}) order by id`);
    expect(rows).toEqual(reference.map((r) => [r.id, r.note]));
  });

  it('reads JSON lines with nested objects and arrays, and a directory of files', async () => {
    const jsonDir = join(dir, 'events');
    rmSync(jsonDir, { recursive: true, force: true });
    await db.query(`copy (select o_orderkey as id, {'status': o_orderstatus, 'day': o_orderdate} as info, [o_custkey, o_shippriority] as keys from orders where o_orderkey < 100) to '${dir}/events.json'`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(jsonDir);
    copyFileSync(join(dir, 'events.json'), join(jsonDir, 'part-0.json'));
    writeFileSync(join(jsonDir, '_SUCCESS'), '');
    const events = fc.read.json(jsonDir);
    expect(events.schema.simpleString()).toBe('struct<id:bigint,info:struct<day:string,status:string>,keys:array<bigint>>');
    const rows = await events.orderBy('id').collect();
    const expected = await db.query(`select o_orderkey as id, strftime(o_orderdate, '%Y-%m-%d') as day, o_orderstatus as status, o_custkey as c from orders where o_orderkey < 100 order by id`);
    expect(rows).toEqual(expected.map((r) => ({ id: r.id, info: { day: r.day, status: r.status }, keys: [r.c, 0] })));
  });

  it('applies the modes in tasks; FAILFAST names the file and its line, also in a later split', async () => {
    const path = join(dir, 'people.csv');
    const good = Array.from({ length: 20_000 }, (_, i) => `${i},${i % 90}`);
    good.splice(15_000, 0, '15000x,old');
    writeFileSync(path, ['id,age', ...good].join('\n') + '\n');
    fc.conf.set('spark.sql.files.maxPartitionBytes', '64k');
    try {
      const schema = 'id INT, age INT';
      expect(await fc.read.csv(path, { header: true, schema, mode: 'DROPMALFORMED' }).count()).toBe(20_000);
      const permissive = await fc.read.csv(path, { header: true, schema }).where(F.col('id').isNull()).collect();
      expect(permissive).toEqual([{ id: null, age: null }]);
      await expect(fc.read.csv(path, { header: true, schema, mode: 'FAILFAST' }).collect()).rejects.toThrow(
        `Malformed CSV record in ${path} at line 15002: field 'id' (column 1) has '15000x', not a int`,
      );
    } finally {
      fc.conf.unset('spark.sql.files.maxPartitionBytes');
    }
  });

  it('reads only the columns the query uses: a bad value elsewhere does not fail FAILFAST (Spark\'s column pruning)', async () => {
    const path = join(dir, 'pruned.csv');
    writeFileSync(path, 'id,age,name\n1,30,ann\n2,old,bob\n');
    const df = fc.read.csv(path, { header: true, schema: 'id INT, age INT, name STRING', mode: 'FAILFAST' });
    expect(await df.where(F.col('id').gt(1)).select('name').collect()).toEqual([{ name: 'bob' }]);
    expect(await df.select('id').count()).toBe(2);
    await expect(df.select('age').collect()).rejects.toThrow("field 'age' (column 2) has 'old'");
    // A union takes the projection into its children (Spark's ColumnPruning); distinct reads whole rows.
    expect(await df.union(df).select('id').collect()).toEqual([{ id: 1 }, { id: 2 }, { id: 1 }, { id: 2 }]);
    await expect(df.distinct().select('id').collect()).rejects.toThrow("field 'age' (column 2) has 'old'");
  });

  it('says which path does not exist', () => {
    expect(() => fc.read.csv(join(dir, 'missing.csv'))).toThrow(`[PATH_NOT_FOUND] Path does not exist: file:${join(dir, 'missing.csv')}.`);
  });
});

