import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lz4BlockDecompress } from '../../packages/sql/src/io/parquet/lz4-block.js';

// lz4-napi (lz4_flex, native) as the independent encoder: its block format prefixes the
// uncompressed size as 4 little-endian bytes, the rest is the raw LZ4 block Parquet's LZ4_RAW holds.
const { compressSync } = createRequire(import.meta.url)('lz4-napi') as { compressSync(data: Buffer): Buffer };
const rawBlock = (data: Buffer): Uint8Array => compressSync(data).subarray(4);

describe('LZ4 block decompression (Parquet LZ4_RAW)', () => {
  it.each([
    ['empty', Buffer.alloc(0)],
    ['short literals only', Buffer.from('abc')],
    ['a long run (overlapping match, extended match length)', Buffer.alloc(70_000, 7)],
    ['long literal runs (extended literal length)', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 2_654_435_761) >>> 24))],
    ['repeating short patterns', Buffer.from('ab'.repeat(300) + 'xyz'.repeat(500) + 'hello world, '.repeat(400))],
    ['int32 values as a page holds them', Buffer.from(new Int32Array(Array.from({ length: 20_000 }, (_, i) => (i % 3 ? i % 50 : i))).buffer)],
  ])('decodes what the reference encoder writes: %s', (_, data) => {
    expect(Buffer.from(lz4BlockDecompress(rawBlock(data), data.length)).equals(data)).toBe(true);
  });

  it('says in one line that a block is corrupt or its size is not the header size', () => {
    const data = Buffer.from('hello world, '.repeat(100));
    const block = rawBlock(data);
    expect(() => lz4BlockDecompress(block, data.length - 1)).toThrow(/^Parquet LZ4 block is corrupt/);
    expect(() => lz4BlockDecompress(block, data.length + 1)).toThrow(`Parquet LZ4 page decompressed to ${data.length} bytes, its header says ${data.length + 1}`);
    expect(() => lz4BlockDecompress(Uint8Array.of(0xf0), 100)).toThrow('Parquet LZ4 block is corrupt: it ends inside a length');
    // A match whose offset points before the start of the output.
    expect(() => lz4BlockDecompress(Uint8Array.of(0x10, 0x61, 0x05, 0x00), 10)).toThrow('Parquet LZ4 block is corrupt: a match reaches outside the page');
  });
});
