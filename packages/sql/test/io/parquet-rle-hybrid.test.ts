import { describe, expect, it } from 'vitest';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { decodeIndices } from '../../src/io/parquet/data-page.js';
import { decodeRleHybrid } from '../../src/io/parquet/rle-hybrid.js';

/** Values of `width` bits with runs (RLE) and noise (bit-packed groups), from a seeded generator. */
function values(width: number, count: number, seed: number): number[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  const out: number[] = [];
  while (out.length < count) {
    const value = next() % 2 ** width;
    const repeat = next() % 4 === 0 ? 8 + (next() % 40) : 1;
    for (let i = 0; i < repeat && out.length < count; i++) out.push(value);
  }
  return out;
}

function encoded(data: number[], width: number): Uint8Array {
  const writer = new ByteWriter();
  writeRleBitPackedHybrid(writer, data, width);
  writer.finish();
  return new Uint8Array(writer.getBuffer());
}

describe('the RLE / bit-packed hybrid decoder', () => {
  it.each(Array.from({ length: 24 }, (_, i) => i + 1))('gives what was encoded, as hyparquet decodes it, at %i bits', (width) => {
    for (const count of [1, 7, 8, 1000, 4099]) {
      const data = values(width, count, width * 7919 + count);
      const bytes = encoded(data, width);
      const ours = new Int32Array(count);
      decodeRleHybrid(bytes, 0, bytes.length, width, ours);
      const theirs = new Int32Array(count);
      readRleBitPackedHybrid({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 }, width, theirs, bytes.length);
      expect(Array.from(ours)).toEqual(data);
      expect(ours).toEqual(theirs);
    }
  });

  it('stops at the length asked for when the last bit-packed group is padded', () => {
    const data = [1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3];
    const bytes = encoded(data, 3);
    const out = new Int32Array(data.length);
    decodeRleHybrid(bytes, 0, bytes.length, 3, out);
    expect(Array.from(out)).toEqual(data);
  });

  it.each([1, 5, 12, 17])('looks values up in an Int32Array or Float64Array dictionary as it decodes them, at an offset, %i bits', (width) => {
    const count = 3001;
    const data = values(width, count, width * 104729);
    const bytes = encoded(data, width);
    const size = 2 ** width;
    const ints = Int32Array.from({ length: size }, (_, i) => i * 3 - 7);
    const doubles = Float64Array.from({ length: size }, (_, i) => i / 4 - 0.5);
    const intsOut = new Int32Array(count + 10).fill(-1);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, intsOut, 10, count, ints)).toBe(count);
    expect(Array.from(intsOut.subarray(10))).toEqual(data.map((v) => ints[v]));
    expect(Array.from(intsOut.subarray(0, 10))).toEqual(new Array(10).fill(-1));
    const doublesOut = new Float64Array(count + 3);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, doublesOut, 3, count, doubles)).toBe(count);
    expect(Array.from(doublesOut.subarray(3))).toEqual(data.map((v) => doubles[v]));
  });

  it.each([25, 31, 32])('decodes values past 24 bits too, at an offset (%i bits)', (width) => {
    // Encoded here (hyparquet-writer and hyparquet's decoder lose the high bits past 24): one
    // bit-packed run of values least significant bit first, then a run of one value.
    const data = Array.from({ length: 40 }, (_, i) => (i * 2_654_435_761 + 12_345) % 2 ** Math.min(width, 31));
    let packed = 0n;
    data.forEach((v, i) => (packed |= BigInt(v) << BigInt(i * width)));
    const groupBytes = Array.from({ length: 5 * width }, (_, b) => Number((packed >> BigInt(8 * b)) & 0xffn));
    const repeated = 2 ** width - 3;
    const runBytes = Array.from({ length: 4 }, (_, b) => Math.floor(repeated / 2 ** (8 * b)) % 256);
    const bytes = Uint8Array.from([(5 << 1) | 1, ...groupBytes, 6 << 1, ...runBytes]);
    const expected = [...data, ...new Array(6).fill(repeated)];
    const out = new Int32Array(46 + 3);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, out, 3, 46)).toBe(46);
    expect(Array.from(out.subarray(3))).toEqual(expected.map((v) => v | 0));
    // Cut inside the bit-packed run: the values asked for, from the same bytes.
    const codes = new Int32Array(13);
    expect(decodeRleHybrid(bytes, 0, bytes.length, width, codes, 0, 13)).toBe(13);
    expect(Array.from(codes)).toEqual(data.slice(0, 13).map((v) => v | 0));
  });

  it('says how many values the bytes held when they end before the count asked for', () => {
    const data = values(7, 100, 17);
    const bytes = encoded(data, 7);
    expect(decodeRleHybrid(bytes, 0, bytes.length, 7, new Int32Array(200), 0, 200)).toBe(104); // 100 and the last group's padding
    expect(decodeRleHybrid(bytes, 0, 0, 7, new Int32Array(200), 0, 200)).toBe(0);
    // A page's indices that end before its count are an error, not rows left unwritten.
    const page = { encoded: { bytes, start: 0, end: bytes.length, bitWidth: 7, count: 200, column: 'k' } };
    expect(() => decodeIndices(page, new Int32Array(200), 0)).toThrow("Parquet column 'k' has a page of 200 values whose dictionary indices hold 104");
  });
});
