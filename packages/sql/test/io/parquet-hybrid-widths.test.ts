import { describe, expect, it, vi } from 'vitest';
import { decodeIndices } from '../../src/io/parquet/data-page.js';
import { decodeRleHybrid } from '../../src/io/parquet/rle-hybrid.js';

/** A seeded generator of 32-bit unsigned numbers. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
}

/** Values below `limit` (up to 2^32), in runs of one value and stretches of noise. */
function values(limit: number, count: number, seed: number): number[] {
  const next = generator(seed);
  const out: number[] = [];
  while (out.length < count) {
    const value = limit > 2 ** 31 ? next() : next() % limit;
    const repeat = next() % 3 === 0 ? 9 + (next() % 300) : 1;
    for (let i = 0; i < repeat && out.length < count; i++) out.push(value);
  }
  return out;
}

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n & 0x7f) | 0x80);
  return [...out, n];
}

/** Values packed `width` bits each, least significant bit first, bit by bit. */
function packBits(data: readonly number[], width: number): number[] {
  const bytes = new Array<number>(Math.ceil((data.length * width) / 8)).fill(0);
  data.forEach((v, i) => {
    for (let b = 0; b < width; b++) if (Math.floor(v / 2 ** b) % 2 === 1) bytes[(i * width + b) >> 3] |= 1 << ((i * width + b) & 7);
  });
  return bytes;
}

/**
 * The hybrid encoding written plainly: a run of 9 or more equal values as one repeated value,
 * other values bit-packed in runs of up to `maxGroups` groups of eight (the last padded with zeros).
 */
function encode(data: readonly number[], width: number, maxGroups: number): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let same = 1;
    while (i + same < data.length && data[i + same] === data[i]) same++;
    if (same >= 9) {
      out.push(...varint(same * 2));
      for (let b = 0; b < (width + 7) >> 3; b++) out.push(Math.floor(data[i] / 2 ** (8 * b)) % 256);
      i += same;
      continue;
    }
    // Bit-packed groups until a long run starts at a group's boundary.
    let n = 0;
    while (i + n < data.length && n < maxGroups * 8) {
      n += 8;
      let next = 1;
      while (i + n + next < data.length && data[i + n + next] === data[i + n]) next++;
      if (next >= 9) break;
    }
    const packed = data.slice(i, i + n);
    while (packed.length % 8 !== 0) packed.push(0);
    out.push(...varint(((packed.length / 8) << 1) | 1), ...packBits(packed, width));
    i += n;
  }
  return Uint8Array.from(out);
}

/** Reads value `index` of a bit-packed stretch starting at `bytes[start]` bit by bit; bytes past the end read as 0. */
function bitAt(bytes: Uint8Array, start: number, index: number, width: number): number {
  let value = 0;
  for (let b = 0; b < width; b++) {
    const bit = index * width + b;
    const byte = start + (bit >> 3) < bytes.length ? bytes[start + (bit >> 3)] : 0;
    value += ((byte >> (bit & 7)) & 1) * 2 ** b;
  }
  return value;
}

/** The first index where the two differ (in length or value), or -1. */
function firstDifference(actual: ArrayLike<number>, expected: readonly number[]): number {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) if (actual[i] !== expected[i]) return i;
  return -1;
}

const WIDTHS = Array.from({ length: 33 }, (_, w) => w);

describe('the RLE / bit-packed hybrid decoder at every bit width', () => {
  it.each(WIDTHS)('gives the values encoded at %i bits, from runs of both kinds, at an offset', (width) => {
    for (const maxGroups of [1, 63, 200]) {
      const data = width === 0 ? new Array<number>(2001).fill(0) : values(2 ** width, 2001, width * 31 + maxGroups);
      const bytes = encode(data, width, maxGroups);
      const out = new Int32Array(2001 + 5).fill(-7);
      expect(decodeRleHybrid(bytes, 0, bytes.length, width, out, 5, 2001)).toBe(2001);
      expect(Array.from(out.subarray(5))).toEqual(data.map((v) => v | 0));
      expect(Array.from(out.subarray(0, 5))).toEqual(new Array(5).fill(-7));
    }
  });

  it.each(WIDTHS)('looks the values up in Int32Array and Float64Array dictionaries at %i bits', (width) => {
    const size = Math.min(2 ** width, 3000);
    const data = values(size, 1500, width + 101);
    const bytes = encode(data, width, 63);
    const ints = Int32Array.from({ length: size }, (_, i) => i * 7 - 1000);
    const doubles = Float64Array.from({ length: size }, (_, i) => i / 8 + 0.25);
    const intsOut = new Int32Array(1500);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, intsOut, 0, 1500, ints)).toBe(1500);
    expect(Array.from(intsOut)).toEqual(data.map((v) => ints[v]));
    const doublesOut = new Float64Array(1502);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, doublesOut, 2, 1500, doubles)).toBe(1500);
    expect(Array.from(doublesOut.subarray(2))).toEqual(data.map((v) => doubles[v]));
  });

  it.each([1, 3, 10, 17, 32])('stops at any count asked for, inside repeated and bit-packed runs alike (%i bits)', (width) => {
    const data = values(Math.min(2 ** width, 2 ** 32), 700, width);
    const bytes = encode(data, width, 63);
    for (let count = 0; count <= 700; count += 37) {
      const out = new Int32Array(701).fill(12345);
      expect(decodeRleHybrid(bytes, 0, bytes.length, width, out, 1, count)).toBe(count);
      expect(Array.from(out.subarray(1, 1 + count))).toEqual(data.slice(0, count).map((v) => v | 0));
      expect(out[1 + count]).toBe(12345);
    }
  });

  it.each([2, 9, 20, 31])('reads the bytes between start and end of a larger buffer, and zeros past the end of a cut bit-packed run (%i bits)', (width) => {
    const data = values(2 ** width, 64, width * 3);
    const packed = [...varint((8 << 1) | 1), ...packBits(data, width)];
    // The run says 8 groups (64 values); the bytes end inside its fourth value.
    const cut = 1 + Math.floor((3 * width + 1) / 8) + 1;
    const buffer = Uint8Array.from([0xff, 0xff, ...packed.slice(0, cut), 0xff, 0xff, 0xff, 0xff]);
    const out = new Int32Array(64);
    expect(decodeRleHybrid(buffer, 2, 2 + cut, width, out, 0, 64)).toBe(64);
    const bytes = buffer.subarray(0, 2 + cut);
    expect(Array.from(out)).toEqual(Array.from({ length: 64 }, (_, i) => bitAt(bytes, 3, i, width) | 0));
    expect(out[0]).toBe(data[0] | 0);
    expect(Array.from(out.subarray(8))).toEqual(new Array(56).fill(0));
  });

  it.each([1, 7, 17, 32])('decodes a page longer than the pieces it is decoded in, runs of both kinds crossing them (%i bits)', (width) => {
    const long = values(Math.min(2 ** width, 2 ** 32), 100_003, width * 5);
    const bytes = encode(long, width, 200);
    const out = new Int32Array(100_004);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, out, 1, 100_003)).toBe(100_003);
    expect(firstDifference(out.subarray(1), long.map((v) => v | 0))).toBe(-1);
    // One repeated run (a column of one value) and one bit-packed run of 12,500 groups, looked up.
    const indices = long.slice(0, 100_000).map((v) => v % Math.min(5, 2 ** width));
    const repeated = [...varint(70_000 * 2), 3, 0, 0, 0].slice(0, 3 + ((width + 7) >> 3));
    const bytesOfBoth = Uint8Array.from([...repeated, ...varint((12_500 << 1) | 1), ...packBits(indices, width)]);
    const doubles = Float64Array.of(0.5, 1.5, 2.5, 3.5, 4.5);
    const looked = new Float64Array(170_000);
    expect(decodeRleHybrid(bytesOfBoth, 0, bytesOfBoth.length, width, looked, 0, 170_000, doubles)).toBe(170_000);
    expect(firstDifference(looked, [...new Array<number>(70_000).fill(3), ...indices].map((v) => doubles[v]))).toBe(-1);
  });

  it('never grows its WebAssembly memory for a larger page (growing detaches an ArrayBuffer, which slows every typed array access after it)', () => {
    // (The global is not declared for this package's tests, which are typed without the DOM's types.)
    const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: { prototype: { grow(pages: number): number } } } }).WebAssembly;
    const grow = vi.spyOn(Memory.prototype, 'grow');
    try {
      for (const count of [10, 50_000, 400_000]) {
        const data = values(2 ** 12, count, count);
        const bytes = encode(data, 12, 63);
        const out = new Float64Array(count);
        const dictionary = Float64Array.from({ length: 2 ** 12 }, (_, i) => i * 2);
        expect(decodeRleHybrid(bytes, 0, bytes.length, 12, out, 0, count, dictionary)).toBe(count);
        expect(firstDifference(out, data.map((v) => v * 2))).toBe(-1);
      }
      expect(grow).not.toHaveBeenCalled();
    } finally {
      grow.mockRestore();
    }
  });

  it("looks a chunk's pages up in its own dictionary: after levels decoded between them, after a page too large for the memory, and for the next chunk's dictionary of the same size", () => {
    const lookUp = (data: readonly number[], width: number, dictionary: Float64Array): void => {
      const bytes = encode(data, width, 63);
      const out = new Float64Array(data.length);
      expect(decodeRleHybrid(bytes, 0, bytes.length, width, out, 0, data.length, dictionary)).toBe(data.length);
      expect(firstDifference(out, data.map((v) => dictionary[v]))).toBe(-1);
    };
    const pages = [1, 2, 3, 4].map((seed) => values(64, 900, seed));
    const first = Float64Array.from({ length: 64 }, (_, i) => i + 0.5);
    const second = Float64Array.from({ length: 64 }, (_, i) => -i * 3);
    lookUp(pages[0], 6, first);
    // Definition levels (no dictionary) between two pages of one chunk.
    const levels = encode(pages[1], 6, 63);
    expect(decodeRleHybrid(levels, 0, levels.length, 6, new Int32Array(900), 0, 900)).toBe(900);
    lookUp(pages[2], 6, first);
    lookUp(pages[3], 6, second);
    // A 2 MiB dictionary takes a larger memory than any page before; its second page (450 KiB of indices) a larger one still.
    const large = Float64Array.from({ length: 2 ** 18 }, (_, i) => i * 2 + 1);
    lookUp(values(2 ** 18, 1000, 5), 18, large);
    lookUp(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 2 ** 18), 18, large);
  });

  it('says an index past the dictionary, or a width over 32 bits, is an error', () => {
    const bytes = encode([0, 1, 2, 3, 4, 5, 6, 7], 3, 63);
    expect(() => decodeRleHybrid(bytes, 0, bytes.length, 3, new Int32Array(8), 0, 8, Int32Array.of(1, 2, 3))).toThrow(
      'a dictionary index past the end of the dictionary (3 entries)',
    );
    const run = encode(new Array(20).fill(5), 3, 63);
    expect(() => decodeRleHybrid(run, 0, run.length, 3, new Float64Array(20), 0, 20, Float64Array.of(1, 2))).toThrow('past the end of the dictionary (2 entries)');
    expect(() => decodeRleHybrid(bytes, 0, bytes.length, 33, new Int32Array(8))).toThrow('an RLE/bit-packed run of 33-bit values (32 at most)');
    // A page's indices say which column has them.
    const page = { encoded: { bytes, start: 0, end: bytes.length, bitWidth: 3, count: 8, column: 'k' } };
    expect(() => decodeIndices(page, new Int32Array(8), 0, Int32Array.of(1, 2, 3))).toThrow("Parquet column 'k' has a dictionary index past the end of the dictionary (3 entries)");
    expect(() => decodeIndices({ encoded: { ...page.encoded, bitWidth: 40 } }, new Int32Array(8), 0)).toThrow("Parquet column 'k' has an RLE/bit-packed run of 40-bit values (32 at most)");
  });
});
