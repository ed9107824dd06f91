/**
 * Block bytes on the wire: lz4-compressed (lz4-napi; see the commit that chose it over lz4) when
 * that pays. Whether it pays is judged on a sample from the block's start, as ZFS does before
 * compressing a record: cached partitions of floating-point numbers compress only ~1.6×, and
 * lz4-napi takes longer (~80 ms for 9 MB here, both ways) than sending them raw over loopback.
 */
import { createRequire } from 'node:module';

type Lz4 = typeof import('lz4-napi');
let lz4: Lz4 | undefined;

/** lz4-napi (a native addon), loaded by the first block sent: a local job, SQL or RDD, never sends one. */
function lz4Napi(): Lz4 {
  return (lz4 ??= createRequire(import.meta.url)('lz4-napi') as Lz4);
}

export interface WireBlock {
  readonly lz4: boolean;
  readonly bytes: Uint8Array;
}

const SAMPLE_BYTES = 64 * 1024;
/** Compress when the sample shrinks to at most this fraction of its size. */
const WORTHWHILE_RATIO = 0.5;

export function packBlock(bytes: Uint8Array): WireBlock {
  if (!compressionPays(bytes)) return { lz4: false, bytes };
  return { lz4: true, bytes: lz4Napi().compressSync(asBuffer(bytes)) };
}

/** LZ4 cannot expand data more than about 255 times; a block claiming more is not LZ4 output. */
const MAX_LZ4_RATIO = 256;

export function unpackBlock(block: WireBlock): Uint8Array {
  if (!block.lz4) return block.bytes;
  const compressed = asBuffer(block.bytes);
  // lz4-napi prepends the decompressed size, and allocates it before looking at the data:
  // garbage claiming 500 MB took 6 s of the worker's event loop before failing.
  const claimed = compressed.length >= 4 ? compressed.readUInt32LE(0) : 0;
  if (compressed.length < 4 || claimed > (compressed.length - 4) * MAX_LZ4_RATIO + 16) {
    throw new Error(`an lz4 block of ${compressed.length} bytes cannot hold the ${claimed} bytes it claims`);
  }
  return lz4Napi().uncompressSync(compressed);
}

function compressionPays(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.length === 0) return false;
  return lz4Napi().compressSync(asBuffer(sample)).length <= sample.length * WORTHWHILE_RATIO;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
