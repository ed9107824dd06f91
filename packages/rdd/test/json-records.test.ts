import { describe, expect, it } from 'vitest';
import { decode, encode } from '../src/codec/codec.js';
import { recordFromJson, recordToJson } from '../src/codec/json-records.js';

const roundTrip = (record: unknown) => recordFromJson(recordToJson(record));

/** Records that plain JSON changes, and what the binary codec (the reference) gives back for them. */
const LOSSY_RECORDS: [string, unknown][] = [
  ['a Map with non-string keys', new Map<unknown, unknown>([[1, 'one'], [[2, 3], { four: 4 }]])],
  ['a Set', new Set(['a', 1, null])],
  ['typed arrays', [Float64Array.of(1.5, -2, NaN), Int32Array.of(-7, 9), Uint8Array.of(0, 255), BigInt64Array.of(-3n)]],
  ['NaN and infinities', [NaN, Infinity, -Infinity, { x: NaN }]],
  ['negative zero', [-0, { y: -0 }, 0]],
  ['a bigint', [12345678901234567890n, 'rest']],
  ['a Date', { at: new Date('2026-11-22T01:02:03.004Z') }],
  ['undefined as a value', [undefined, [1, undefined, 3], { present: undefined }]],
  ['undefined as the whole record', undefined],
  ['an object with a "$flint" key of its own', { $flint: 'Map', v: [[1, 2]], other: new Set([1]) }],
  ['nested lossy values', [['key', { sums: [Float64Array.of(1, 2)], seen: new Map([['k', new Set([1n])]]) }]]],
];

describe('records stored as JSON lines (mapreduce job outputs)', () => {
  it.each(LOSSY_RECORDS)('read back %s as the binary codec does', (_name, record) => {
    expect(roundTrip(record)).toStrictEqual(decode(encode(record)));
  });

  it('keep the typed array classes', () => {
    const [f64, i32, u8, b64] = roundTrip([Float64Array.of(1), Int32Array.of(1), Buffer.from([1]), BigInt64Array.of(1n)]) as ArrayBufferView[];
    expect([f64, i32, u8, b64].map((view) => view.constructor.name)).toEqual(['Float64Array', 'Int32Array', 'Uint8Array', 'BigInt64Array']);
  });

  it('write plain records as plain JSON', () => {
    const record = ['word', { count: 3, tags: ['a', 'b'], nested: [1.5, null, true] }];
    expect(recordToJson(record)).toBe(JSON.stringify(record));
    expect(roundTrip(record)).toEqual(record);
  });

  it('say which tag a corrupt line has instead of returning a wrong value', () => {
    expect(() => recordFromJson('{"$flint":"Float128Array","v":[1]}')).toThrow(/unknown \$flint tag: Float128Array/);
  });

  it('refuse a DataView with a clear error', () => {
    expect(() => recordToJson([new DataView(new ArrayBuffer(2))])).toThrow(/DataView cannot be stored/);
  });
});
