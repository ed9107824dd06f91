/**
 * LZ4 block decompression (the format of Parquet's LZ4_RAW pages: one LZ4 block, no frame and no
 * size prefix; Hadoop's framing of the deprecated LZ4 codec holds such blocks too). Each sequence is a token (literal count high nibble, match length low nibble, 15
 * meaning "more in the following bytes"), the literals, then a 2-byte back offset and the match;
 * the last sequence has literals only.
 */
/** Runs up to this long are copied in a loop: a block copy's call costs more than it saves on them. */
const SHORT = 32;

/** One LZ4 block's bytes, uncompressed to `size` (the page header's uncompressed size). */
export function lz4BlockDecompress(input: Uint8Array, size: number): Uint8Array {
  const output = new Uint8Array(size);
  const written = lz4BlockUncompress(input, output);
  if (written !== size) throw new Error(`Parquet LZ4 page decompressed to ${written} bytes, its header says ${size}`);
  return output;
}

/** One LZ4 block uncompressed into `output` (no further than its end); the number of bytes written. */
export function lz4BlockUncompress(input: Uint8Array, output: Uint8Array): number {
  const size = output.length;
  let at = 0;
  let out = 0;
  while (at < input.length) {
    const token = input[at++]!;
    let literals = token >>> 4;
    if (literals === 15) ({ length: literals, at } = extendedLength(input, at, literals));
    if (out + literals > size || at + literals > input.length) throw new Error('Parquet LZ4 block is corrupt: its literals overrun the page');
    if (literals > SHORT) output.set(input.subarray(at, at + literals), out);
    else for (let i = 0; i < literals; i++) output[out + i] = input[at + i]!;
    at += literals;
    out += literals;
    if (at >= input.length) break;
    const offset = input[at]! | (input[at + 1]! << 8);
    at += 2;
    let match = (token & 15) + 4;
    if (match === 19) ({ length: match, at } = extendedLength(input, at, match));
    if (offset === 0 || offset > out || out + match > size) throw new Error('Parquet LZ4 block is corrupt: a match reaches outside the page');
    // An overlapping match (offset below its length) repeats its last `offset` bytes: copied byte by byte.
    if (offset >= match && match > SHORT) output.copyWithin(out, out - offset, out - offset + match);
    else for (let i = 0; i < match; i++) output[out + i] = output[out - offset + i]!;
    out += match;
  }
  return out;
}

/** A length continued in the bytes at `at`: each adds its value, until one below 255. */
function extendedLength(input: Uint8Array, at: number, length: number): { length: number; at: number } {
  let byte: number;
  do {
    if (at >= input.length) throw new Error('Parquet LZ4 block is corrupt: it ends inside a length');
    byte = input[at++]!;
    length += byte;
  } while (byte === 255);
  return { length, at };
}
