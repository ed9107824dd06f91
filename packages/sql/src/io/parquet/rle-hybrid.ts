/**
 * Parquet's RLE / bit-packed hybrid encoding (dictionary indices, definition levels), decoded
 * from the bytes directly into an Int32Array: runs of one value are filled, bit-packed groups
 * unpacked through a 32-bit accumulator. Widths over 24 bits, which the accumulator cannot
 * hold, go to hyparquet's general decoder.
 */
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';

/**
 * Fills `out` with the values of the hybrid-encoded run that starts at `bytes[start]` and ends
 * before `end`, each `width` bits wide.
 */
export function decodeRleHybrid(bytes: Uint8Array, start: number, end: number, width: number, out: Int32Array): void {
  if (width > 24) {
    readRleBitPackedHybrid({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: start }, width, out, end - start);
    return;
  }
  const mask = (1 << width) - 1;
  const valueBytes = (width + 7) >> 3;
  let pos = start;
  let seen = 0;
  while (seen < out.length && pos < end) {
    let header = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[pos++];
      header |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if ((header & 1) === 0) {
      // A run: one value (little-endian, in whole bytes) repeated.
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value |= bytes[pos++] << (8 * i);
      const stop = Math.min(out.length, seen + (header >>> 1));
      out.fill(value, seen, stop);
      seen = stop;
      continue;
    }
    // Bit-packed: header >> 1 groups of eight values, least significant bits first.
    const count = (header >>> 1) * 8;
    const stop = Math.min(out.length, seen + count);
    let buffer = 0;
    let bits = 0;
    for (let i = 0; i < count; i++) {
      while (bits < width) {
        buffer |= (pos < end ? bytes[pos] : 0) << bits;
        pos++;
        bits += 8;
      }
      if (seen < stop) out[seen++] = buffer & mask;
      buffer >>>= width;
      bits -= width;
    }
  }
}
