// textFile over gzip/deflate files (one unsplittable split per file, as Hadoop), saveAsTextFile
// with a compression codec (part-00000.gz, checked by decompressing the bytes on disk with zlib),
// wholeTextFiles and binaryFiles, following the PySpark doctests in rdd.py and context.py.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-compressed' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-compressed-'));
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(tmp, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} line ${i}`);

describe('textFile over compressed files', () => {
  it('reads a .gz file as one partition, whatever minPartitions asks', async () => {
    const expected = lines(50_000, 'gz');
    const file = write('big.txt.gz', zlib.gzipSync(`${expected.join('\n')}\n`));
    const rdd = fc.textFile(file, 8);
    expect(rdd.getNumPartitions()).toBe(1);
    expect(await rdd.collect()).toEqual(expected);
  });

  it('gives each .gz file of a directory its own partition next to cut plain files', async () => {
    const dir = path.join(tmp, 'mixed');
    write('mixed/a.gz', zlib.gzipSync('a1\r\na2\n'));
    write('mixed/b.deflate', zlib.deflateSync('b1\nb2'));
    write('mixed/c.txt', `${lines(1000, 'c').join('\n')}\n`);
    const rdd = fc.textFile(dir, 4);
    expect(rdd.getNumPartitions()).toBeGreaterThanOrEqual(4);
    expect(await rdd.collect()).toEqual(['a1', 'a2', 'b1', 'b2', ...lines(1000, 'c')]);
  });

  it('fails with the file name when a .gz file is not gzip', async () => {
    const file = write('broken.gz', 'not gzip at all');
    await expect(fc.textFile(file).collect()).rejects.toThrow(`Cannot decompress ${file} as gzip`);
  });
});

describe('saveAsTextFile with a compression codec', () => {
  it('writes part-0000N.gz files that gunzip to the lines (doctest: bar, foo)', async () => {
    const out = path.join(tmp, 'text3');
    await fc.parallelize(['foo', 'bar']).saveAsTextFile(out, 'org.apache.hadoop.io.compress.GzipCodec');
    const parts = fs.readdirSync(out).filter((f) => f.startsWith('part'));
    expect(parts.sort()).toEqual(['part-00000.gz', 'part-00001.gz']);
    const text = parts.map((p) => zlib.gunzipSync(fs.readFileSync(path.join(out, p))).toString('utf8'));
    expect(text.join('').split('\n').filter(Boolean).sort().map((l) => `${l}\n`).join('')).toBe('bar\nfoo\n');
    expect(fs.existsSync(path.join(out, '_SUCCESS'))).toBe(true);
    expect((await fc.textFile(out).collect()).sort()).toEqual(['bar', 'foo']);
  });

  it('writes .deflate files with DefaultCodec, read back by textFile', async () => {
    const out = path.join(tmp, 'deflated');
    await fc.range(0, 10, 1, 3).saveAsTextFile(out, 'org.apache.hadoop.io.compress.DefaultCodec');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.deflate')).length).toBe(3);
    expect(zlib.inflateSync(fs.readFileSync(path.join(out, 'part-00000.deflate'))).toString()).toBe('0\n1\n2\n');
    expect((await fc.textFile(out).map(Number).collect()).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('rejects an unknown codec class with the ones it knows', async () => {
    await expect(fc.parallelize(['x']).saveAsTextFile(path.join(tmp, 'never'), 'org.apache.hadoop.io.compress.BZip2Codec')).rejects.toThrow(
      'Compression codec org.apache.hadoop.io.compress.BZip2Codec is not available: use one of org.apache.hadoop.io.compress.GzipCodec',
    );
  });
});

describe('wholeTextFiles', () => {
  it('returns [path, content] per file (context.py doctest)', async () => {
    const dir = path.join(tmp, 'whole');
    write('whole/1.txt', '123');
    write('whole/2.txt', 'xyz');
    const collected = (await fc.wholeTextFiles(dir).collect()).sort();
    expect(collected).toEqual([
      [`file:${path.join(dir, '1.txt')}`, '123'],
      [`file:${path.join(dir, '2.txt')}`, 'xyz'],
    ]);
  });

  it('packs many files into minPartitions partitions', async () => {
    const dir = path.join(tmp, 'many');
    for (let i = 0; i < 10; i++) write(`many/f${i}.txt`, `content ${i}\nsecond line`);
    const rdd = fc.wholeTextFiles(dir, 3);
    expect(rdd.getNumPartitions()).toBe(3);
    const contents = new Map(await rdd.collect());
    expect(contents.size).toBe(10);
    expect(contents.get(`file:${path.join(dir, 'f7.txt')}`)).toBe('content 7\nsecond line');
  });

  it('fails clearly on a missing path', () => {
    expect(() => fc.wholeTextFiles(path.join(tmp, 'missing'))).toThrow('Input path does not exist');
  });
});

describe('binaryFiles', () => {
  it('returns [path, bytes] per file (context.py doctest)', async () => {
    const dir = path.join(tmp, 'binary');
    write('binary/1.bin', new Uint8Array([0, 1, 2]));
    write('binary/2.bin', new Uint8Array([3, 4, 255]));
    const collected = (await fc.binaryFiles(dir).collect()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(collected.map(([p]) => p)).toEqual([`file:${path.join(dir, '1.bin')}`, `file:${path.join(dir, '2.bin')}`]);
    expect(collected.map(([, bytes]) => [...bytes])).toEqual([[0, 1, 2], [3, 4, 255]]);
  });
});
