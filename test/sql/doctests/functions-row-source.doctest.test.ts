// PySpark 4's docstring examples (functions/builtin.py) of the functions that say where a row comes
// from: spark_partition_id, monotonically_increasing_id, input_file_name,
// input_file_block_start/length, and uuid. Expected text is Spark's.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as sf } from '@flint/driver';
import { shows } from './doctest-support.js';

let fc: FlintContext;
let dir: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'doctest-functions-row-source' });
  dir = mkdtempSync(join(tmpdir(), 'flint-row-source-'));
});

afterAll(async () => {
  await fc.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The one row of a SELECT, as its values in column order. */
const values = async (sql: string): Promise<unknown[]> => Object.values((await fc.sql(sql).collect())[0]!);

describe('where rows come from', () => {
  it('spark_partition_id and monotonically_increasing_id', async () => {
    await shows(
      fc.sql('SELECT * FROM range(0, 10, 1, 2)').select('*', sf.spark_partition_id(), sf.monotonically_increasing_id()),
      `
      +---+--------------------+-----------------------------+
      | id|SPARK_PARTITION_ID()|monotonically_increasing_id()|
      +---+--------------------+-----------------------------+
      |  0|                   0|                            0|
      |  1|                   0|                            1|
      |  2|                   0|                            2|
      |  3|                   0|                            3|
      |  4|                   0|                            4|
      |  5|                   1|                   8589934592|
      |  6|                   1|                   8589934593|
      |  7|                   1|                   8589934594|
      |  8|                   1|                   8589934595|
      |  9|                   1|                   8589934596|
      +---+--------------------+-----------------------------+`,
    );
    await shows(
      fc.sql('SELECT * FROM range(0, 10, 1, 5)').select('*', sf.spark_partition_id()),
      `
      +---+--------------------+
      | id|SPARK_PARTITION_ID()|
      +---+--------------------+
      |  0|                   0|
      |  1|                   0|
      |  2|                   1|
      |  3|                   1|
      |  4|                   2|
      |  5|                   2|
      |  6|                   3|
      |  7|                   3|
      |  8|                   4|
      |  9|                   4|
      +---+--------------------+`,
    );
    // DataFrame.coalesce's docstring: the partitions before and after coalesce(1).
    const partitions = (df: ReturnType<typeof fc.sql>) => df.select(sf.spark_partition_id().alias('partition')).distinct().sort('partition').collect();
    expect(await partitions(fc.sql('SELECT * FROM range(0, 10, 1, 3)'))).toEqual([{ partition: 0 }, { partition: 1 }, { partition: 2 }]);
    expect(await partitions(fc.sql('SELECT * FROM range(0, 10, 1, 3)').coalesce(1))).toEqual([{ partition: 0 }]);
    expect(await fc.sql('SELECT * FROM range(2)').repartition(1).select(sf.spark_partition_id().alias('pid')).collect()).toEqual([{ pid: 0 }, { pid: 0 }]);
    // repartition(n, cols) is Spark's HashPartitioning: partition pmod(hash(cols), n). PySpark's hash
    // docstring gives hash('ABC') = -757602832, so 'ABC' lands in partition 2 of 3 (and 3 of 5).
    const byName = (n: number) =>
      fc.createDataFrame([{ name: 'ABC' }, { name: 'ABC' }]).repartition(n, 'name').select('name', sf.spark_partition_id().alias('p')).collect();
    expect(await byName(3)).toEqual([{ name: 'ABC', p: 2 }, { name: 'ABC', p: 2 }]);
    expect(await byName(5)).toEqual([{ name: 'ABC', p: 3 }, { name: 'ABC', p: 3 }]);
    const keyed = await fc.sql('SELECT id % 7 AS k FROM range(0, 70, 1, 4)').repartition(3, 'k').select('k', sf.spark_partition_id().alias('p'), sf.hash('k').alias('h')).collect();
    expect(keyed.every((row) => row.p === ((((row.h as number) % 3) + 3) % 3))).toBe(true);
    // Counted after the filter, per partition; the same in SQL.
    expect(await fc.sql('SELECT id, monotonically_increasing_id() AS m FROM range(0, 6, 1, 3) WHERE id % 2 = 1').collect()).toEqual([
      { id: 1, m: 0 },
      { id: 3, m: 8589934592 },
      { id: 5, m: 17179869184 },
    ]);
  });

  it('input_file_name: the file of each row as a URI, empty after a shuffle', async () => {
    writeFileSync(join(dir, 'a.csv'), '1\n2\n');
    writeFileSync(join(dir, 'b.csv'), '3\n');
    const rows = await fc.read.csv(dir).select('_c0', sf.input_file_name().alias('f')).orderBy('_c0').collect();
    expect(rows).toEqual([
      { _c0: '1', f: `file://${join(dir, 'a.csv')}` },
      { _c0: '2', f: `file://${join(dir, 'a.csv')}` },
      { _c0: '3', f: `file://${join(dir, 'b.csv')}` },
    ]);
    expect(await fc.read.csv(dir).groupBy('_c0').count().select(sf.input_file_name().alias('f')).distinct().collect()).toEqual([{ f: '' }]);
    expect(await values('SELECT input_file_name()')).toEqual(['']);
    // The docstring's example: read.text(path).select(input_file_name()).first().
    expect(await fc.read.text(join(dir, 'b.csv')).select(sf.input_file_name()).first()).toEqual({ 'input_file_name()': `file://${join(dir, 'b.csv')}` });
    expect((await fc.read.text(dir).select(sf.input_file_name().alias('f')).collect()).map((r) => r.f)).toEqual([`file://${join(dir, 'a.csv')}`, `file://${join(dir, 'a.csv')}`, `file://${join(dir, 'b.csv')}`]);
  });

  it("input_file_block_start/length: the byte range of the split a row's line starts in; -1 where no file is read", async () => {
    const sub = join(dir, 'blocks');
    const lines = Array.from({ length: 9 }, (_, i) => `${i},${'x'.repeat(i)}`);
    const text = lines.join('\n') + '\n';
    mkdirSync(sub);
    writeFileSync(join(sub, 'c.csv'), text);
    // Splits of 16 bytes: a line belongs to the split its first byte is in (Spark's line reader).
    fc.conf.set('spark.sql.files.maxPartitionBytes', '16');
    fc.conf.set('spark.sql.files.openCostInBytes', '1');
    try {
      const rows = await fc.read.csv(sub).select('_c0', sf.input_file_block_start().alias('s'), sf.input_file_block_length().alias('n')).collect();
      let offset = 0;
      const expected = lines.map((line, i) => {
        const start = Math.floor(offset / 16) * 16;
        offset += line.length + 1;
        return { _c0: String(i), s: start, n: Math.min(16, text.length - start) };
      });
      expect([...rows].sort((a, b) => Number(a._c0) - Number(b._c0))).toEqual(expected);
    } finally {
      fc.conf.unset('spark.sql.files.maxPartitionBytes');
      fc.conf.unset('spark.sql.files.openCostInBytes');
    }
    // read.text reads the file's textFile splits: each line is in the block its first byte is in,
    // and the blocks tile the file.
    const read = await fc.read.text(join(sub, 'c.csv')).select('value', sf.input_file_block_start().alias('s'), sf.input_file_block_length().alias('n')).collect();
    for (const { value, s, n } of read) {
      const offset = text.indexOf(`${value}\n`);
      expect(offset >= (s as number) && offset < (s as number) + (n as number), `${value} at ${offset} in [${s}, +${n})`).toBe(true);
    }
    const tiles = [...new Set(read.map((r) => `${r.s},${r.n}`))].map((b) => b.split(',').map(Number)).sort((a, b) => a[0]! - b[0]!);
    expect(tiles.reduce((end, [start, length]) => (start === end ? end + length! : NaN), 0)).toBe(text.length);
    // A small Parquet file is one block, the whole file (Spark's test: start 0, length > 0).
    const parquet = join(sub, 'p.parquet');
    await fc.createDataFrame([[1], [2]], 'id INT').write.parquet(parquet);
    const [file] = readdirSync(parquet).filter((f) => f.endsWith('.parquet'));
    const blocks = await fc.read.parquet(join(parquet, file!)).select(sf.input_file_block_start().alias('s'), sf.input_file_block_length().alias('n')).distinct().collect();
    expect(blocks).toEqual([{ s: 0, n: statSync(join(parquet, file!)).size }]);
    expect(await values('SELECT input_file_name(), input_file_block_start(), input_file_block_length()')).toEqual(['', -1, -1]);
    expect(await fc.read.csv(sub).groupBy('_c0').count().select(sf.input_file_block_start().alias('s')).distinct().collect()).toEqual([{ s: -1 }]);
  });

  it('uuid: a fresh version-4 UUID per row', async () => {
    const ids = (await fc.sql('SELECT uuid() AS u FROM range(5)').collect()).map((r) => r.u as string);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
