import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext, functions as F } from '@flint/driver';
import { DuckDbReference } from './duckdb-reference.js';
import { rowsDifference } from './compare-rows.js';
import { generateTpchFixture, type TpchFixture } from './tpch-fixture.js';
import { tpchSchemaDDL } from '../../benchmarks/tpch/schema.js';

describe('df.write on local[2]: directories of part files that DuckDB and Flint read back', () => {
  let fc: FlintContext;
  let db: DuckDbReference;
  let data: TpchFixture;
  let dir: string;
  const ordersCsv = () => fc.read.csv(join(data.dir, 'orders.csv'), { header: true, schema: tpchSchemaDDL('orders') });

  beforeAll(async () => {
    data = generateTpchFixture(0.01);
    dir = mkdtempSync(join(tmpdir(), 'flint-writers-'));
    db = await DuckDbReference.withTpch(data.dir, 1);
    fc = await FlintContext.create({ master: 'local[2]' });
  });
  afterAll(async () => {
    await fc?.stop();
    db?.close();
    data?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes Parquet part files and _SUCCESS; DuckDB reads the same rows', async () => {
    const out = join(dir, 'orders.parquet');
    await ordersCsv().repartition(3).write.parquet(out);
    const names = readdirSync(out).sort();
    expect(names.filter((n) => n.endsWith('.parquet'))).toHaveLength(3);
    expect(names).toContain('_SUCCESS');
    const back = await db.query(`select * from '${out}/*.parquet' order by o_orderkey`);
    const expected = await db.query('select * from orders order by o_orderkey');
    expect(rowsDifference(back, expected, { ordered: true })).toBeNull();
  });

  it.each([
    [undefined, 'SNAPPY'],
    ['none', 'UNCOMPRESSED'],
    ['uncompressed', 'UNCOMPRESSED'],
    ['snappy', 'SNAPPY'],
    ['GZIP', 'GZIP'],
    ['brotli', 'BROTLI'],
    ['zstd', 'ZSTD'],
    ['lz4_raw', 'LZ4_RAW'],
  ])("writes Parquet with option('compression', %s): DuckDB reads the codec %s and the same rows", async (name, codec) => {
    const out = join(dir, `codec-${name}`);
    const writer = ordersCsv().where(F.col('o_orderkey').lt(3000)).repartition(2).write;
    await (name === undefined ? writer : writer.option('compression', name)).parquet(out);
    const codecs = await db.query(`select distinct compression from parquet_metadata('${out}/*.parquet')`);
    expect(codecs.map((c) => c.compression)).toEqual([codec]);
    const back = await db.query(`select * from '${out}/*.parquet' order by o_orderkey`);
    const expected = await db.query('select * from orders where o_orderkey < 3000 order by o_orderkey');
    expect(back).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(500);
    expect(rowsDifference(back, expected, { ordered: true })).toBeNull();
  });

  it("takes Spark's parquet.compression when compression is not set, then the session's codec, and fails on a codec it cannot write with Spark's error", async () => {
    const small = ordersCsv().where(F.col('o_orderkey').lt(100));
    const out = join(dir, 'codec-option-order');
    await small.write.option('parquet.compression', 'gzip').parquet(out);
    await small.write.mode('append').option('parquet.compression', 'gzip').option('compression', 'zstd').parquet(out);
    // The session's spark.sql.parquet.compression.codec applies when neither option is set.
    fc.conf.set('spark.sql.parquet.compression.codec', 'brotli');
    try {
      await small.write.mode('append').parquet(out);
    } finally {
      fc.conf.unset('spark.sql.parquet.compression.codec');
    }
    const codecs = await db.query(`select distinct compression from parquet_metadata('${out}/*.parquet') order by 1`);
    expect(codecs.map((c) => c.compression)).toEqual(['BROTLI', 'GZIP', 'ZSTD']);
    await expect(small.write.option('compression', 'aa').parquet(join(dir, 'codec-aa'))).rejects.toThrow(
      '[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec aa is not available. Available codecs are brotli, uncompressed, lzo, snappy, lz4_raw, none, zstd, lz4, gzip. SQLSTATE: 56038',
    );
    await expect(small.write.option('compression', 'lzo').parquet(join(dir, 'codec-lzo'))).rejects.toThrow("Flint does not write Parquet compressed with LZO (compression 'lzo')");
    await expect(small.write.option('compression', 'lz4').parquet(join(dir, 'codec-lz4'))).rejects.toThrow("Flint does not write Parquet compressed with LZ4 (compression 'lz4')");
    expect(existsSync(join(dir, 'codec-aa'))).toBe(false);
  });

  it('follows the save modes: error, ignore, append, overwrite', async () => {
    const out = join(dir, 'modes');
    const small = ordersCsv().where(F.col('o_orderkey').lt(100));
    await small.write.parquet(out);
    await expect(small.write.parquet(out)).rejects.toThrow(`[PATH_ALREADY_EXISTS] Path file:${out} already exists.`);
    await small.write.mode('ignore').parquet(out);
    expect(await fc.read.parquet(out).count()).toBe(27);
    await small.write.mode('append').parquet(out);
    expect(await fc.read.parquet(out).count()).toBe(54);
    await small.where(F.col('o_orderkey').lt(10)).write.mode('overwrite').parquet(out);
    expect(await fc.read.parquet(out).count()).toBe(8);
  });

  it('writes CSV that reads back the same, quoting separators, quotes, empty strings and nulls, trimming spaces', async () => {
    const out = join(dir, 'people.csv');
    const rows = [
      { id: 1, name: 'plain', note: 'a, b' },
      { id: 2, name: 'say "hi"', note: '' },
      { id: 3, name: null, note: ' padded ' },
    ];
    await fc.createDataFrame(rows, 'id INT, name STRING, note STRING').coalesce(1).write.option('header', true).csv(out);
    const [part] = readdirSync(out).filter((n) => n.endsWith('.csv'));
    expect(readFileSync(join(out, part), 'utf8')).toBe('id,name,note\n1,plain,"a, b"\n2,"say \\"hi\\"",""\n3,,padded\n');
    const back = await fc.read.csv(out, { header: true, schema: 'id INT, name STRING, note STRING' }).orderBy('id').collect();
    // As in Spark, the reader's nullValue and emptyValue are both '' by default, so "" reads back as null;
    // the writer trims white space by default (ignoreLeading/TrailingWhiteSpace are true in write).
    expect(back).toEqual([rows[0], { ...rows[1], note: null }, { ...rows[2], note: 'padded' }]);
  });

  it('writes CSV in the encoding option\'s charset, trimmed and quoted as Spark writes it', async () => {
    const out = join(dir, 'latin1.csv');
    await fc.createDataFrame([{ city: ' Köln ', note: 'a;b' }], 'city STRING, note STRING').coalesce(1).write
      .options({ encoding: 'ISO-8859-1', sep: ';', quoteAll: true }).csv(out);
    const [part] = readdirSync(out).filter((n) => n.endsWith('.csv'));
    expect(readFileSync(join(out, part))).toEqual(Buffer.from('"K\xf6ln";"a;b"\n', 'latin1'));
  });

  it('writes JSON lines that DuckDB reads, leaving null fields out', async () => {
    const out = join(dir, 'orders.json');
    await ordersCsv().where(F.col('o_orderkey').lt(40)).select('o_orderkey', 'o_orderdate', 'o_totalprice', 'o_comment').write.json(out);
    const back = await db.query(`select o_orderkey, o_orderdate::date as o_orderdate, o_totalprice, o_comment from read_json('${out}/*.json') order by o_orderkey`);
    const expected = await db.query('select o_orderkey, o_orderdate, o_totalprice, o_comment from orders where o_orderkey < 40 order by o_orderkey');
    expect(rowsDifference(back, expected, { ordered: true })).toBeNull();
    await fc.createDataFrame([{ a: 1, b: null }], 'a INT, b STRING').coalesce(1).write.json(join(dir, 'nulls.json'));
    const [part] = readdirSync(join(dir, 'nulls.json')).filter((n) => n.endsWith('.json'));
    expect(readFileSync(join(dir, 'nulls.json', part), 'utf8')).toBe('{"a":1}\n');
  });

  it('partitionBy writes col=value directories, read back as a column', async () => {
    const out = join(dir, 'by-status');
    await ordersCsv().write.partitionBy('o_orderstatus').parquet(out);
    expect(readdirSync(out).filter((n) => n.startsWith('o_orderstatus=')).sort()).toEqual(['o_orderstatus=F', 'o_orderstatus=O', 'o_orderstatus=P']);
    const back = fc.read.parquet(out);
    expect(back.columns.at(-1)).toBe('o_orderstatus');
    const counts = await back.groupBy('o_orderstatus').agg(F.count('*').alias('n'), F.sum('o_totalprice').alias('total')).orderBy('o_orderstatus').collect();
    const expected = await db.query('select o_orderstatus, count(*) as n, sum(o_totalprice) as total from orders group by 1 order by 1');
    expect(rowsDifference(counts, expected, { ordered: true })).toBeNull();
    expect(existsSync(join(out, 'o_orderstatus=F'))).toBe(true);
  });
});
