/**
 * Parquet's deprecated LZ4 codec, as parquet-mr (Spark's `compression 'lz4'`) writes it: Hadoop's
 * Lz4Codec framing, chunks of a big-endian uncompressed length followed by blocks, each a
 * big-endian compressed length and one LZ4 block. Pages whose bytes do not parse as that framing
 * are read as one bare LZ4 block, as some writers of this codec made them (Arrow's reader does
 * the same).
 */
import { lz4BlockDecompress, lz4BlockUncompress } from './lz4-block.js';

export function hadoopLz4Decompress(input: Uint8Array, size: number): Uint8Array {
  let framed: Uint8Array | undefined;
  try {
    framed = hadoopFramed(input, size);
  } catch {
    // A bare block whose first bytes happened to read as plausible lengths.
    framed = undefined;
  }
  return framed ?? lz4BlockDecompress(input, size);
}

/** The page uncompressed through Hadoop's framing, or undefined where the lengths do not fit it. */
function hadoopFramed(input: Uint8Array, size: number): Uint8Array | undefined {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const output = new Uint8Array(size);
  let at = 0;
  let out = 0;
  while (at < input.length) {
    if (at + 4 > input.length) return undefined;
    const chunkEnd = out + view.getUint32(at);
    at += 4;
    if (chunkEnd > size) return undefined;
    while (out < chunkEnd) {
      if (at + 4 > input.length) return undefined;
      const length = view.getUint32(at);
      at += 4;
      if (length === 0 || at + length > input.length) return undefined;
      out += lz4BlockUncompress(input.subarray(at, at + length), output.subarray(out, chunkEnd));
      at += length;
    }
  }
  return out === size ? output : undefined;
}
