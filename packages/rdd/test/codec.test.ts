import { describe, expect, it } from 'vitest';
import { decode, encode, encodeWithBroadcasts } from '../src/codec/codec.js';

describe('encoded bytes', () => {
  it('own their buffer: a small value after a large one does not carry the encoder’s working buffer', () => {
    const large = Array.from({ length: 200_000 }, (_, i) => [i, `value ${i}`]);
    const largeBytes = encode(large);
    const small = encode([1, 2, 3]);
    const { bytes: withBroadcasts } = encodeWithBroadcasts({ answer: 42 });
    for (const bytes of [largeBytes, small, withBroadcasts]) expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    expect(small.byteLength).toBeLessThan(16);
  });

  it('stay intact when later values are encoded', () => {
    const first = encode({ word: 'first', counts: [1, 2, 3] });
    for (let i = 0; i < 1_000; i++) encode({ filler: 'x'.repeat(i) });
    expect(decode(first)).toEqual({ word: 'first', counts: [1, 2, 3] });
  });
});
