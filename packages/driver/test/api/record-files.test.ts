// rdd.saveAsPickleFile / fc.pickleFile (Flint's object files: msgpack batches, not Python pickle)
// and fc.binaryRecords, from PySpark's doctests in rdd.py and context.py, with the bytes on disk
// checked by an independent msgpack decoder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Unpackr } from 'msgpackr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlintContext } from '@flint/driver';

let fc: FlintContext;
let tmp: string;

beforeAll(async () => {
  fc = await FlintContext.create({ master: 'local[2]', appName: 'api-record-files' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flint-record-files-'));
});

afterAll(async () => {
  await fc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const out = (name: string) => path.join(tmp, name);

describe('saveAsPickleFile and pickleFile', () => {
  it('reads back what it saved (doctests: batch sizes 3 and 5, read with minPartitions 3)', async () => {
    await fc.parallelize(range(10)).saveAsPickleFile(out('pickle_file'), 3);
    expect(sorted(await fc.pickleFile<number>(out('pickle_file'), 3).collect())).toEqual(range(10));
    await fc.parallelize(range(10)).saveAsPickleFile(out('pickle1'), 5);
    expect(sorted(await fc.pickleFile<number>(out('pickle1'), 3).collect())).toEqual(range(10));
  });

  it('round-trips nested objects, nulls, Maps, bytes and dates in order', async () => {
    const records = [
      { id: 1, tags: ['a', 'b'], nested: { deep: { value: null } } },
      null,
      [1, [2, [3, null]]],
      new Map<unknown, unknown>([['k', { v: 1 }], [2, [null]]]),
      { bytes: Uint8Array.of(0, 255, 7), when: new Date(Date.UTC(2024, 0, 2)) },
      'text',
      -0.5,
    ];
    await fc.parallelize(records, 3).saveAsPickleFile(out('nested'), 2);
    expect(await fc.pickleFile(out('nested')).collect()).toEqual(records);
  });

  it('writes part files of msgpack batches and _SUCCESS; empty partitions are a header only', async () => {
    const dir = out('layout');
    await fc.parallelize([{ a: 1 }, { a: 2 }, { a: 3 }], 5).saveAsPickleFile(dir, 2);
    expect(fs.readdirSync(dir).sort()).toEqual(['_SUCCESS', 'part-00000', 'part-00001', 'part-00002', 'part-00003', 'part-00004']);
    const sizes = fs.readdirSync(dir).filter((f) => f.startsWith('part-')).map((f) => fs.statSync(path.join(dir, f)).size);
    // parallelize's slicing: partitions 0, 2 and 4 are empty; 25 bytes = magic, version, sync marker.
    expect(sizes.filter((size) => size === 25)).toHaveLength(2);
    const part = fs.readFileSync(path.join(dir, 'part-00001'));
    expect(part.subarray(0, 8).toString()).toBe('FLINTOBJ');
    const sync = part.subarray(9, 25);
    expect(part.subarray(25, 41)).toEqual(sync);
    const batchLength = part.readUInt32LE(41);
    expect(new Unpackr({ mapsAsObjects: false }).unpack(part.subarray(45, 45 + batchLength))).toEqual([{ a: 1 }]);
    expect(await fc.pickleFile(dir).collect()).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it('reads back with fewer or more partitions than were saved, each record once', async () => {
    const records = range(20_000).map((i) => ({ i, label: `r${i}`, even: i % 2 === 0 ? [i] : null }));
    const dir = out('repartitioned');
    await fc.parallelize(records, 4).saveAsPickleFile(dir, 7);
    const fewer = fc.pickleFile(dir, 1);
    expect(fewer.getNumPartitions()).toBe(4);
    expect(await fewer.collect()).toEqual(records);
    const more = fc.pickleFile<{ i: number }>(dir, 16);
    expect(more.getNumPartitions()).toBeGreaterThanOrEqual(16);
    const partitions = await more.glom().collect();
    expect(partitions.filter((p) => p.length > 0).length).toBeGreaterThan(4);
    expect(partitions.flat()).toEqual(records);
  });

  it('refuses an existing directory, a bad batch size and a file that is not an object file', async () => {
    await expect(fc.parallelize([1]).saveAsPickleFile(out('pickle_file'))).rejects.toThrow(`Output directory ${out('pickle_file')} already exists`);
    await expect(fc.parallelize([1]).saveAsPickleFile(out('bad-batch'), -1)).rejects.toThrow('saveAsPickleFile: batchSize must be a non-negative integer, got -1');
    fs.writeFileSync(out('not-objects.txt'), 'hello\n');
    await expect(fc.pickleFile(out('not-objects.txt')).collect()).rejects.toThrow(`${out('not-objects.txt')} is not a Flint object file`);
  });
});

describe('binaryRecords', () => {
  it('reads fixed-length records of every file (doctest)', async () => {
    const dir = out('binaryRecords');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '1.bin'), [0, 1, 2].map((i) => String(i).padStart(4, '0')).join(''));
    fs.writeFileSync(path.join(dir, '2.bin'), ['-001', '-002', '-010'].join(''));
    const records = await fc.binaryRecords(dir, 4).collect();
    expect(records.every((r) => r instanceof Uint8Array && r.length === 4)).toBe(true);
    expect(records.map((r) => Buffer.from(r).toString()).sort()).toEqual(['-001', '-002', '-010', '0000', '0001', '0002']);
  });

  it('cuts a file on record boundaries: every record whole, in order, once', async () => {
    const recordLength = 12;
    const count = 100_001; // 1,200,012 bytes: half of it falls inside a record
    const bytes = Buffer.alloc(recordLength * count);
    for (let i = 0; i < count; i++) bytes.write(`r${String(i).padStart(10, '0')}.`, i * recordLength);
    fs.writeFileSync(out('records.bin'), bytes);
    const rdd = fc.binaryRecords(out('records.bin'), recordLength);
    expect(rdd.getNumPartitions()).toBe(2);
    const partitions = await rdd.glom().collect();
    expect(partitions.every((p) => p.length > 0)).toBe(true);
    expect(Buffer.concat(partitions.flat()).equals(bytes)).toBe(true);
  });

  it("fails with Spark's message when a file is not whole records, and on a bad record length", () => {
    fs.writeFileSync(out('ragged.bin'), Buffer.alloc(10));
    expect(() => fc.binaryRecords(out('ragged.bin'), 4)).toThrow(`Byte array does not have correct length: ${out('ragged.bin')} is 10 bytes, not a multiple of recordLength 4`);
    expect(() => fc.binaryRecords(out('ragged.bin'), 0)).toThrow('binaryRecords: recordLength must be a positive integer, got 0');
    expect(() => fc.binaryRecords(out('missing.bin'), 4)).toThrow('Input path does not exist');
  });
});
