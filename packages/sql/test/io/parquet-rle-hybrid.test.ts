import { describe, expect, it } from 'vitest';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
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
});
