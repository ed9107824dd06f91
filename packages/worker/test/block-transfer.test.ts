import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encode } from '@flint/rdd';
import { packBlock, unpackBlock } from '../src/service/block-transfer.js';

describe('blocks on the wire', () => {
  it('are lz4-compressed when that halves them, and come back byte for byte', () => {
    const repetitive = encode(Array.from({ length: 20_000 }, (_, i) => `the same words again and again ${i % 10}`));
    const packed = packBlock(repetitive);
    expect(packed.lz4).toBe(true);
    expect(packed.bytes.length).toBeLessThan(repetitive.length / 2);
    expect(Buffer.from(unpackBlock(packed))).toEqual(Buffer.from(repetitive));
  });

  it('travel raw when compression would not pay: random bytes, floating-point partitions', () => {
    const random = randomBytes(200_000);
    const floats = encode(Array.from({ length: 20_000 }, (_, i) => [i % 2 ? 1 : -1, [1, Math.sin(i), Math.cos(i), Math.sqrt(i)]]));
    for (const bytes of [new Uint8Array(random), floats]) {
      const packed = packBlock(bytes);
      expect(packed.lz4).toBe(false);
      expect(Buffer.from(unpackBlock(packed))).toEqual(Buffer.from(bytes));
    }
  });

  it('handles an empty block', () => {
    const packed = packBlock(new Uint8Array(0));
    expect(unpackBlock(packed)).toHaveLength(0);
  });
});
