/**
 * Parquet's RLE / bit-packed hybrid encoding (dictionary indices, definition levels), decoded
 * from the bytes directly into an Int32Array: runs of one value are filled, bit-packed groups
 * of eight values unpacked by code made for their width. Widths over 24 bits, which the accumulator cannot
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
    const groupBytes = (header >>> 1) * width;
    const stop = Math.min(out.length, seen + (header >>> 1) * 8);
    seen = unpackByGroups(bytes, pos, end, width, out, seen, stop);
    pos += groupBytes;
  }
}

/**
 * The source of an unpacker of `width`-bit values, eight at a time: a group of eight takes
 * exactly `width` bytes, each read once, and each value is the OR of its bytes shifted by
 * constants — what Parquet's C++ readers do with one routine per width.
 */
function unpackerSource(width: number): string {
  const mask = (1 << width) - 1;
  const lines: string[] = [];
  for (let b = 0; b < width; b++) lines.push(`const b${b} = bytes[pos + ${b}];`);
  for (let v = 0; v < 8; v++) {
    const first = (v * width) >> 3;
    const last = (v * width + width - 1) >> 3;
    const shift = (v * width) & 7;
    const parts = [`(b${first} >>> ${shift})`];
    for (let b = first + 1; b <= last; b++) parts.push(`(b${b} << ${8 * (b - first) - shift})`);
    lines.push(`out[at + ${v}] = (${parts.join(' | ')}) & ${mask};`);
  }
  return `for (let g = 0; g < groups; g++, pos += ${width}, at += 8) {\n${lines.join('\n')}\n}`;
}

type Unpacker = (bytes: Uint8Array, pos: number, out: Int32Array, at: number, groups: number) => void;

/** One unpacker per width, 1 to 24 bits, made when first needed. */
const unpackers: Unpacker[] = [];

function unpackerOf(width: number): Unpacker {
  return (unpackers[width] ??= new Function('bytes', 'pos', 'out', 'at', 'groups', unpackerSource(width)) as Unpacker);
}

/**
 * Bit-packed values into out[seen..stop): whole groups of eight through the width's unpacker,
 * the rest (a group cut by `stop`) by the byte accumulator. Returns `stop`.
 */
function unpackByGroups(bytes: Uint8Array, pos: number, end: number, width: number, out: Int32Array, seen: number, stop: number): number {
  const groups = Math.min((stop - seen) >> 3, Math.floor((end - pos) / width));
  unpackerOf(width)(bytes, pos, out, seen, groups);
  return unpackByBytes(bytes, pos + groups * width, end, width, out, seen + groups * 8, stop);
}

/** The same near the end of the bytes: through an accumulator fed byte by byte, bytes past `end` read as 0. */
function unpackByBytes(bytes: Uint8Array, pos: number, end: number, width: number, out: Int32Array, seen: number, stop: number): number {
  const mask = (1 << width) - 1;
  let buffer = 0;
  let bits = 0;
  for (let i = seen; i < stop; i++) {
    while (bits < width) {
      buffer |= (pos < end ? bytes[pos] : 0) << bits;
      pos++;
      bits += 8;
    }
    out[i] = buffer & mask;
    buffer >>>= width;
    bits -= width;
  }
  return stop;
}
