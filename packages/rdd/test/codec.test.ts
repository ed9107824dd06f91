import { describe, expect, it } from 'vitest';
import { decode, encode, encodeWithBroadcasts } from '../src/codec/codec.js';
import { FnRef } from '../src/fn/fn-ref.js';

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

describe('negative zero', () => {
  const isNegativeZero = (value: unknown) => Object.is(value, -0);

  it('decodes as -0 wherever it is, and 0 as 0 (Java serialization keeps -0.0)', () => {
    const record = [-0, 0, [1.5, -0, 'x', null], { y: -0, z: 0 }, new Map([['k', -0]]), Float64Array.of(-0), [[[-0]]]];
    const back = decode<any[]>(encode(record));
    expect([back[0], back[2][1], back[3].y, back[4].get('k'), back[5][0], back[6][0][0][0]].every(isNegativeZero)).toBe(true);
    expect([back[1], back[3].z].every((v) => Object.is(v, 0))).toBe(true);
    expect(isNegativeZero(decode(encode(-0)))).toBe(true);
  });

  it("leaves the encoded value as it was, and a function's captured -0 arrives as -0", () => {
    const row = [-0, 'a'];
    encode([row]);
    expect(isNegativeZero(row[0])).toBe(true);
    const fn = decode<FnRef>(encode(new FnRef('(x, env) => x', { sign: -0 }, 'test')));
    expect(isNegativeZero(fn.env?.sign)).toBe(true);
  });
});

describe('bigints', () => {
  it('decode at any width: a bigint past 64 bits is msgpackr’s own extension (0x42), which no Flint class may take', () => {
    const values = [0n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 100n + 7n, -(3n ** 90n)];
    expect(decode(encode(values))).toEqual(values);
  });
});
