/**
 * Decompressors for Parquet's page codecs, by the name hyparquet gives the codec. UNCOMPRESSED needs
 * none; LZO stays unsupported ("parquet unsupported compression codec"). GZIP and BROTLI are
 * node:zlib's (native); ZSTD is fzstd's (pure JS: Node 20's zlib has no zstd); LZ4_RAW is
 * lz4-block.ts, the deprecated LZ4 (Hadoop's framing) hadoop-lz4.ts.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import type { Compressors } from 'hyparquet';
import { hadoopLz4Decompress } from './hadoop-lz4.js';
import { lz4BlockDecompress } from './lz4-block.js';
import { snappyDecompress } from './snappy.js';

const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export const PAGE_DECOMPRESSORS: Compressors = {
  SNAPPY: snappyDecompress,
  GZIP: (input) => asBytes(gunzipSync(input)),
  BROTLI: (input) => asBytes(brotliDecompressSync(input)),
  ZSTD: (input, size) => zstdDecompress(input, new Uint8Array(size)),
  LZ4_RAW: lz4BlockDecompress,
  LZ4: hadoopLz4Decompress,
};
