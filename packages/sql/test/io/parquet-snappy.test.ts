import { describe, expect, it } from 'vitest';
import { snappyUncompress as hyparquetUncompress } from 'hyparquet';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { snappyDecompress, snappyUncompress } from '../../src/io/parquet/snappy.js';

/** Bytes from a seeded generator: `random` noise (long literals), or a short pattern repeated with noise (copies, overlapping ones too). */
function bytes(length: number, seed: number, random: boolean): Uint8Array {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = random || next() % 50 === 0 ? next() & 0xff : i % (3 + (seed % 7));
  return out;
}

/** Doubles of few digits, as a Parquet dictionary page of prices holds: short copies of their common bytes between short literals. */
function prices(length: number, seed: number): Uint8Array {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8;
  const values = Float64Array.from({ length: Math.ceil(length / 8) }, () => (next() % 100_000) / 100);
  return new Uint8Array(values.buffer, 0, length);
}

describe('Snappy decompression with block copies', () => {
  it.each([
    ['noise (long literals)', true],
    ['repeated patterns (copies, overlapping ones)', false],
  ])('gives the bytes compressed, as hyparquet decompresses them: %s', (_name, random) => {
    for (const length of [0, 1, 15, 17, 64, 1000, 70_000, 300_000]) {
      const data = bytes(length, length + 11, random);
      const compressed = snappyCompress(data);
      const ours = new Uint8Array(length);
      snappyUncompress(compressed, ours);
      const theirs = new Uint8Array(length);
      hyparquetUncompress(compressed, theirs);
      expect(Buffer.from(ours).equals(Buffer.from(data))).toBe(true);
      expect(Buffer.from(theirs).equals(Buffer.from(ours))).toBe(true);
      expect(Buffer.from(snappyDecompress(compressed, length)).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('gives the bytes compressed for short copies and literals (a dictionary page of doubles), up to the last byte', () => {
    for (const length of [9, 13, 100, 4099, 800_000]) {
      const data = prices(length, length);
      const compressed = snappyCompress(data);
      const ours = new Uint8Array(length);
      snappyUncompress(compressed, ours);
      expect(Buffer.from(ours).equals(Buffer.from(data))).toBe(true);
      // Inside a larger buffer: the words moved past a run's end stay inside the output.
      const padded = new Uint8Array(length + 16).fill(0xee);
      snappyUncompress(compressed, padded.subarray(8, 8 + length));
      expect(Buffer.from(padded.subarray(8, 8 + length)).equals(Buffer.from(data))).toBe(true);
      expect([...padded.subarray(0, 8), ...padded.subarray(8 + length)]).toEqual(new Array(16).fill(0xee));
    }
  });

  it('says what is wrong with bad input instead of returning short or garbled bytes', () => {
    const data = bytes(5000, 3, false);
    const compressed = snappyCompress(data);
    expect(() => snappyUncompress(compressed.subarray(0, compressed.length - 10), new Uint8Array(5000))).toThrow(/Snappy/);
    expect(() => snappyUncompress(compressed, new Uint8Array(4000))).toThrow(/Snappy: .* bytes decompressed, the page header says 4000/);
    // A copy whose offset reaches before the output's start.
    expect(() => snappyUncompress(Uint8Array.of(8, 0b000_001_01, 9), new Uint8Array(8))).toThrow(/Snappy: invalid copy/);
  });
});
