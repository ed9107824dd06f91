// Hadoop's file formats: saveAsSequenceFile / fc.sequenceFile, saveAsHadoopFile and friends, and
// fc.hadoopFile and friends, from PySpark's doctests in rdd.py and context.py. The SequenceFile
// bytes are checked against Hadoop's format (SequenceFile.java, Writable serializations) with a
// file built by hand here and a hand parse of what Flint writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-hadoop-files' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-hadoop-files-'));
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const out = (name: string) => path.join(tmp, name);
const sortPairs = <K, V>(pairs: [K, V][]) => [...pairs].sort((a, b) => (String(a[0]) + String(a[1]) < String(b[0]) + String(b[1]) ? -1 : 1));
const partFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith('part-')).sort().map((name) => fs.readFileSync(path.join(dir, name)));
const INT = 'org.apache.hadoop.io.IntWritable';
const TEXT = 'org.apache.hadoop.io.Text';

/** Hadoop's Text.writeString / Text.write for short ASCII strings: a one-byte vint length, then the bytes. */
const text = (s: string) => Buffer.concat([Buffer.of(s.length), Buffer.from(s)]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe('saveAsSequenceFile and sequenceFile', () => {
  it('reads back what it saved (doctest)', async () => {
    await fc.parallelize([1, 2, 3]).map((x) => [x, 'a'.repeat(x)] as [number, string]).saveAsSequenceFile(out('seq'));
    expect(sortPairs(await fc.sequenceFile(out('seq')).collect())).toEqual([
      [1, 'a'],
      [2, 'aa'],
      [3, 'aaa'],
    ]);
  });

  it("writes Hadoop's bytes: header, IntWritable keys and Text values, uncompressed records", async () => {
    await fc.parallelize([[7, 'hi']], 1).saveAsSequenceFile(out('seq-bytes'));
    const [file] = partFiles(out('seq-bytes'));
    const header = Buffer.concat([Buffer.from('SEQ'), Buffer.of(6), text(INT), text(TEXT), Buffer.of(0, 0), int32(0)]);
    expect(file.subarray(0, header.length)).toEqual(header);
    const record = file.subarray(header.length + 16);
    // total length (key 4 + value 3), key length, IntWritable 7, Text "hi"
    expect(record).toEqual(Buffer.concat([int32(7), int32(4), int32(7), text('hi')]));
  });

  it('reads a SequenceFile built by hand to the spec: LongWritable/BytesWritable, metadata, a sync marker between records', async () => {
    const sync = Buffer.alloc(16, 0xab);
    const long = (n: number) => {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(BigInt(n));
      return b;
    };
    const bytesWritable = (bytes: number[]) => Buffer.concat([int32(bytes.length), Buffer.from(bytes)]);
    const record = (key: Buffer, value: Buffer) => Buffer.concat([int32(key.length + value.length), int32(key.length), key, value]);
    const file = Buffer.concat([
      Buffer.from('SEQ'),
      Buffer.of(6),
      text('org.apache.hadoop.io.LongWritable'),
      text('org.apache.hadoop.io.BytesWritable'),
      Buffer.of(0, 0),
      int32(1),
      text('creator'),
      text('hand'),
      sync,
      record(long(2 ** 40), bytesWritable([1, 2, 3])),
      int32(-1),
      sync,
      record(long(-5), bytesWritable([])),
    ]);
    fs.mkdirSync(out('hand-built'));
    fs.writeFileSync(out('hand-built/part-00000'), file);
    const pairs = await fc.sequenceFile<number, Uint8Array>(out('hand-built')).collect();
    expect(pairs.map(([k, v]) => [k, [...v]])).toEqual([
      [2 ** 40, [1, 2, 3]],
      [-5, []],
    ]);
  });

  it('reads a record-compressed DefaultCodec file built by hand: keys plain, each value zlib-compressed', async () => {
    const sync = Buffer.alloc(16, 0x5a);
    const value = deflateSync(text('compressed value'));
    const file = Buffer.concat([
      Buffer.from('SEQ'),
      Buffer.of(6),
      text(INT),
      text(TEXT),
      Buffer.of(1, 0),
      text('org.apache.hadoop.io.compress.DefaultCodec'),
      int32(0),
      sync,
      int32(4 + value.length),
      int32(4),
      int32(42),
      value,
    ]);
    fs.mkdirSync(out('hand-record'));
    fs.writeFileSync(out('hand-record/part-00000'), file);
    expect(await fc.sequenceFile(out('hand-record')).collect()).toEqual([[42, 'compressed value']]);
  });

  it('splits a large file at its sync markers: every record read once, whatever the split count', async () => {
    const pairs = Array.from({ length: 30_000 }, (_, i) => [i, `value ${i}`] as [number, string]);
    await fc.parallelize(pairs, 1).saveAsSequenceFile(out('seq-large'));
    const [file] = partFiles(out('seq-large'));
    expect(file.length).toBeGreaterThan(3 * 100 * 1024);
    for (const splits of [1, 3, 7]) {
      const rdd = fc.sequenceFile<number, string>(out('seq-large'), undefined, undefined, undefined, undefined, splits);
      expect(rdd.getNumPartitions()).toBeGreaterThanOrEqual(splits);
      expect((await rdd.collect()).sort((a, b) => a[0] - b[0])).toEqual(pairs);
    }
  });

  it('converts JS values to Writables and back: doubles, longs, booleans, bytes, null', async () => {
    const pairs: [unknown, unknown][] = [
      [1.5, true],
      [2 ** 53 - 1, false],
    ];
    await fc.parallelize(pairs, 1).saveAsSequenceFile(out('seq-types'));
    expect(await fc.sequenceFile(out('seq-types')).collect()).toEqual(pairs);
    await fc.parallelize([[new Uint8Array([9, 8]), -(2 ** 33)]], 1).saveAsSequenceFile(out('seq-types2'));
    const [[bytes, long]] = await fc.sequenceFile<Uint8Array, number>(out('seq-types2')).collect();
    expect([[...bytes], long]).toEqual([[9, 8], -(2 ** 33)]);
    await fc.parallelize([[null, 'no key']], 1).saveAsSequenceFile(out('seq-types3'));
    expect(await fc.sequenceFile(out('seq-types3')).collect()).toEqual([[null, 'no key']]);
  });

  it('refuses keys of two Writable classes in one partition, and records that are not pairs', async () => {
    await expect(fc.parallelize([[1, 'a'], ['b', 'c']], 1).saveAsSequenceFile(out('seq-mixed'))).rejects.toThrow(/one Writable class per key: .*IntWritable and org.apache.hadoop.io.Text/);
    await expect(fc.parallelize([1, 2], 1).saveAsSequenceFile(out('seq-not-pairs'))).rejects.toThrow(/stores \[key, value\] pairs/);
  });
});

describe('saveAsHadoopFile, saveAsNewAPIHadoopDataset and the Hadoop readers', () => {
  const input = () => fc.parallelize([[1, ''], [1, 'a'], [3, 'x']] as [number, string][]);

  it('SequenceFileOutputFormat with IntWritable/Text, read with hadoopFile (doctest)', async () => {
    await input().saveAsHadoopFile(out('old-api'), 'org.apache.hadoop.mapred.SequenceFileOutputFormat', INT, TEXT);
    const loaded = fc.hadoopFile(out('old-api'), 'org.apache.hadoop.mapred.SequenceFileInputFormat', INT, TEXT);
    expect(sortPairs(await loaded.collect())).toEqual([[1, ''], [1, 'a'], [3, 'x']]);
  });

  it('the new API, with everything in the conf, read with newAPIHadoopRDD (doctest)', async () => {
    const writeConf = {
      'mapreduce.job.outputformat.class': 'org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat',
      'mapreduce.job.output.key.class': INT,
      'mapreduce.job.output.value.class': TEXT,
      'mapreduce.output.fileoutputformat.outputdir': out('new-api'),
    };
    await input().saveAsNewAPIHadoopDataset(writeConf);
    const readConf = { 'mapreduce.input.fileinputformat.inputdir': out('new-api') };
    const loaded = fc.newAPIHadoopRDD('org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat', INT, TEXT, undefined, undefined, readConf);
    expect(sortPairs(await loaded.collect())).toEqual([[1, ''], [1, 'a'], [3, 'x']]);
    await input().saveAsNewAPIHadoopFile(out('new-api-file'), 'org.apache.hadoop.mapreduce.lib.output.SequenceFileOutputFormat', INT, TEXT);
    expect(sortPairs(await fc.newAPIHadoopFile(out('new-api-file'), 'org.apache.hadoop.mapreduce.lib.input.SequenceFileInputFormat', INT, TEXT).collect())).toEqual([[1, ''], [1, 'a'], [3, 'x']]);
  });

  it('the old API with everything in the conf: TextOutputFormat, read with hadoopRDD (saveAsHadoopDataset doctest)', async () => {
    const writeConf = {
      'mapred.output.format.class': 'org.apache.hadoop.mapred.TextOutputFormat',
      'mapreduce.job.output.key.class': INT,
      'mapreduce.job.output.value.class': TEXT,
      'mapreduce.output.fileoutputformat.outputdir': out('old-api-dataset'),
    };
    // One record per part file, as in the doctest: each line is at offset 0 of its file.
    await fc.parallelize([[1, ''], [1, 'a'], [3, 'x']] as [number, string][], 3).saveAsHadoopDataset(writeConf);
    const readConf = { 'mapreduce.input.fileinputformat.inputdir': out('old-api-dataset') };
    const loaded = fc.hadoopRDD<number, string>('org.apache.hadoop.mapred.TextInputFormat', INT, TEXT, undefined, undefined, readConf);
    expect(sortPairs(await loaded.collect())).toEqual([[0, '1\t'], [0, '1\ta'], [0, '3\tx']]);
    expect(() => fc.hadoopRDD('org.apache.hadoop.mapred.TextInputFormat', INT, TEXT)).toThrow(/hadoopRDD/);
  });

  it('record- and block-compressed SequenceFiles (DefaultCodec, GzipCodec) read back, with the header saying so', async () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => [i, `v${i % 7}`] as [number, string]);
    await fc.parallelize(pairs, 2).saveAsSequenceFile(out('seq-record'), 'org.apache.hadoop.io.compress.DefaultCodec');
    await fc.parallelize(pairs, 2).saveAsHadoopDataset({
      'mapred.output.format.class': 'org.apache.hadoop.mapred.SequenceFileOutputFormat',
      'mapred.output.dir': out('seq-block'),
      'mapred.output.compress': 'true',
      'mapred.output.compression.codec': 'org.apache.hadoop.io.compress.GzipCodec',
      'mapred.output.compression.type': 'BLOCK',
    });
    const flagsAfterClasses = (file: Buffer) => file.subarray(4 + 1 + INT.length + 1 + TEXT.length, 4 + 1 + INT.length + 1 + TEXT.length + 2);
    expect([...flagsAfterClasses(partFiles(out('seq-record'))[0])]).toEqual([1, 0]);
    expect([...flagsAfterClasses(partFiles(out('seq-block'))[0])]).toEqual([1, 1]);
    for (const dir of ['seq-record', 'seq-block']) {
      expect((await fc.sequenceFile<number, string>(out(dir), undefined, undefined, undefined, undefined, 3).collect()).sort((a, b) => a[0] - b[0])).toEqual(pairs);
    }
  });

  it('TextOutputFormat writes key<TAB>value lines; TextInputFormat reads [byte offset, line]', async () => {
    await fc.parallelize([['a', 1], ['b', null], [null, 'c']], 1).saveAsHadoopFile(out('text-out'), 'org.apache.hadoop.mapred.TextOutputFormat');
    const [file] = partFiles(out('text-out'));
    expect(file.toString()).toBe('a\t1\nb\nc\n');
    const lines = await fc.hadoopFile<number, string>(out('text-out'), 'org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.io.LongWritable', TEXT).collect();
    expect(lines).toEqual([
      [0, 'a\t1'],
      [4, 'b'],
      [6, 'c'],
    ]);
  });

  it('TextInputFormat gives each line once with its file offset, however the file is split', async () => {
    const content = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'x'.repeat(i % 13)}`).join('\n') + '\n';
    fs.mkdirSync(out('text-in'));
    fs.writeFileSync(out('text-in/data.txt'), content);
    const expected: [number, string][] = [];
    let offset = 0;
    for (const line of content.split('\n').slice(0, -1)) {
      expected.push([offset, line]);
      offset += Buffer.byteLength(line) + 1;
    }
    const conf = { 'mapreduce.input.fileinputformat.inputdir': out('text-in') };
    const rdd = fc.newAPIHadoopRDD<number, string>('org.apache.hadoop.mapreduce.lib.input.TextInputFormat', 'org.apache.hadoop.io.LongWritable', TEXT, undefined, undefined, conf);
    expect((await rdd.collect()).sort((a, b) => a[0] - b[0])).toEqual(expected);
  });

  it('TextInputFormat reads a .gz or .deflate file whole, one partition per file, offsets into its decompressed text', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `gz line ${i}`);
    const text = lines.join('\n') + '\n';
    fs.mkdirSync(out('text-gz'));
    fs.writeFileSync(out('text-gz/a.txt.gz'), gzipSync(text));
    fs.writeFileSync(out('text-gz/b.txt.deflate'), deflateSync('only\nthese two\n'));
    const expected: [number, string][] = [];
    let offset = 0;
    for (const line of lines) {
      expected.push([offset, line]);
      offset += line.length + 1;
    }
    for (const rdd of [
      fc.hadoopFile<number, string>(out('text-gz'), 'org.apache.hadoop.mapred.TextInputFormat', 'org.apache.hadoop.io.LongWritable', TEXT),
      fc.newAPIHadoopFile<number, string>(out('text-gz'), 'org.apache.hadoop.mapreduce.lib.input.TextInputFormat', 'org.apache.hadoop.io.LongWritable', TEXT),
    ]) {
      expect(rdd.getNumPartitions()).toBe(2);
      expect(await rdd.glom().collect()).toEqual([
        expected,
        [
          [0, 'only'],
          [5, 'these two'],
        ],
      ]);
    }
  });

  it('TextOutputFormat prints numbers as their Writables print (Java): a DoubleWritable 1 as 1.0, bytes as hex', async () => {
    const DOUBLE = 'org.apache.hadoop.io.DoubleWritable';
    const values: [string, number][] = [['one', 1], ['half', 2.5], ['big', 1e7], ['small', 1e-4], ['third', 1 / 3]];
    await fc.parallelize(values, 1).saveAsHadoopFile(out('text-double'), 'org.apache.hadoop.mapred.TextOutputFormat', TEXT, DOUBLE);
    // Java's Double.toString of each value.
    expect(partFiles(out('text-double'))[0].toString()).toBe('one\t1.0\nhalf\t2.5\nbig\t1.0E7\nsmall\t1.0E-4\nthird\t0.3333333333333333\n');
    await fc.parallelize([[3, 1 / 3]], 1).saveAsHadoopFile(out('text-float'), 'org.apache.hadoop.mapred.TextOutputFormat', INT, 'org.apache.hadoop.io.FloatWritable');
    expect(partFiles(out('text-float'))[0].toString()).toBe('3\t0.33333334\n');
    // Without classes, as PySpark converts: integers are IntWritable/LongWritable, other numbers DoubleWritable.
    await fc.parallelize([[7, 1e21], [2 ** 40, 0.5], [new Uint8Array([10, 255]), 'bytes']], 1).saveAsHadoopFile(out('text-plain'), 'org.apache.hadoop.mapred.TextOutputFormat');
    expect(partFiles(out('text-plain'))[0].toString()).toBe('7\t1.0E21\n1099511627776\t0.5\n0a ff\tbytes\n');
  });

  it('names what is supported when a format, codec or class is not', async () => {
    await expect(input().saveAsHadoopFile(out('bad-format'), 'org.apache.hadoop.mapred.lib.NullOutputFormat')).rejects.toThrow(
      'saveAsHadoopFile: output format org.apache.hadoop.mapred.lib.NullOutputFormat is not supported: use one of org.apache.hadoop.mapred.TextOutputFormat',
    );
    expect(() => fc.hadoopFile(out('seq'), 'org.apache.hadoop.mapred.KeyValueTextInputFormat', TEXT, TEXT)).toThrow(/input format .*KeyValueTextInputFormat is not supported: use one of/);
    await expect(input().saveAsSequenceFile(out('bad-codec'), 'org.apache.hadoop.io.compress.SnappyCodec')).rejects.toThrow(/codec .*SnappyCodec is not available: use one of/);
    await expect(input().saveAsHadoopFile(out('bad-class'), 'org.apache.hadoop.mapred.SequenceFileOutputFormat', 'org.apache.hadoop.io.VIntWritable', TEXT)).rejects.toThrow(/key class org.apache.hadoop.io.VIntWritable is not supported: Flint writes/);
    expect(() => fc.sequenceFile(out('seq'), undefined, undefined, 'org.example.Converter')).toThrow(/converters are Java classes in PySpark/);
    await expect(fc.sequenceFile(out('text-out')).collect()).rejects.toThrow(/is not a SequenceFile/);
  });
});
