/**
 * Parquet's deprecated LZ4 codec (what Spark writes for `compression 'lz4'`): pages in Hadoop's
 * Lz4Codec framing, or one bare block as some writers made them. The files are made with
 * hyparquet-writer and lz4-napi (lz4_flex, native) as the independent block encoder; DuckDB, which
 * refuses this codec ("Unsupported compression codec LZ4"), cannot be the reference here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { readParquetFile } from '@flint/sql';
import { readParquetFooter } from '../../packages/sql/src/io/parquet/parquet-read.js';

const { compressSync } = createRequire(import.meta.url)('lz4-napi') as { compressSync(data: Buffer): Buffer };
/** lz4-napi's block, less its 4-byte little-endian size prefix. */
const lz4Block = (data: Uint8Array): Buffer => compressSync(Buffer.from(data)).subarray(4);

const beUint32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** Hadoop's framing: chunks of at most `chunk` bytes, each its length then blocks of at most `block` bytes, each its compressed length and an LZ4 block. */
function hadoopFramed(page: Uint8Array, chunk: number, block: number): Uint8Array {
  const parts: Buffer[] = [];
  for (let c = 0; c < page.length; c += chunk) {
    const data = page.subarray(c, Math.min(page.length, c + chunk));
    parts.push(beUint32(data.length));
    for (let b = 0; b < data.length; b += block) {
      const compressed = lz4Block(data.subarray(b, Math.min(data.length, b + block)));
      parts.push(beUint32(compressed.length), compressed);
    }
  }
  return new Uint8Array(Buffer.concat(parts));
}

describe('Parquet pages compressed with the deprecated LZ4 codec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flint-hadoop-lz4-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const ids = Array.from({ length: 5000 }, (_, i) => BigInt(i * 7));
  const names = Array.from({ length: 5000 }, (_, i) => (i % 13 === 0 ? null : `name-${i % 97}-${'x'.repeat(i % 40)}`));

  it.each([
    ['Hadoop framing, one chunk and block per page', (page: Uint8Array) => hadoopFramed(page, 1 << 30, 1 << 30)],
    ['Hadoop framing, several chunks of several blocks', (page: Uint8Array) => hadoopFramed(page, 4096, 1000)],
    ['one bare LZ4 block', (page: Uint8Array) => new Uint8Array(lz4Block(page))],
  ])('reads %s as the values written (DuckDB reads no LZ4 file)', async (_, compress) => {
    const path = join(dir, `${_.replaceAll(' ', '-')}.parquet`);
    const buffer = parquetWriteBuffer({
      columnData: [{ name: 'id', data: ids, type: 'INT64' }, { name: 'name', data: names, type: 'STRING' }],
      codec: 'LZ4',
      compressors: { LZ4: compress },
    });
    writeFileSync(path, new Uint8Array(buffer));
    const { rows } = await readParquetFile(path);
    expect(rows).toEqual(ids.map((id, i) => [Number(id), names[i]]));
    const codecs = readParquetFooter(path).metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec));
    expect([...new Set(codecs)]).toEqual(['LZ4']);
  });
});
