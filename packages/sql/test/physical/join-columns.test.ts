import { describe, expect, it } from 'vitest';
import { compactColumn, concatJoinColumns, narrowColumn, plainColumn, type JoinColumn } from '../../src/physical/runtime/join-columns.js';

const values = (column: JoinColumn) => Array.from(plainColumn(column));

describe('join columns', () => {
  it('keeps int32 values in an Int32Array, other numbers (fractions, -0, past 2^31) in a Float64Array', () => {
    const ints = compactColumn([0, 1, -7, 2 ** 31 - 1, -(2 ** 31)], true);
    expect(ints).toBeInstanceOf(Int32Array);
    expect(values(ints)).toEqual([0, 1, -7, 2 ** 31 - 1, -(2 ** 31)]);
    for (const odd of [0.5, -0, 2 ** 31, NaN]) {
      const column = compactColumn([1, odd], true);
      expect(column).toBeInstanceOf(Float64Array);
      expect(Object.is(values(column)[1], odd)).toBe(true);
    }
  });

  it('narrows a Float64Array as compactColumn keeps numbers: int32s to an Int32Array, else the array itself', () => {
    const ints = narrowColumn(Float64Array.of(0, 1, -7, 2 ** 31 - 1, -(2 ** 31)));
    expect(ints).toBeInstanceOf(Int32Array);
    expect(values(ints)).toEqual([0, 1, -7, 2 ** 31 - 1, -(2 ** 31)]);
    for (const odd of [0.5, -0, 2 ** 31, -(2 ** 31) - 1, NaN, Infinity]) {
      const doubles = Float64Array.of(1, odd);
      expect(narrowColumn(doubles)).toBe(doubles);
      expect(compactColumn([1, odd], false)).toBeInstanceOf(Float64Array);
    }
  });

  it('codes strings of few distinct values (null among them), and leaves many distinct or mixed values as they are', () => {
    const segments = Array.from({ length: 100 }, (_, i) => (i % 7 === 0 ? null : ['a', 'b', 'c'][i % 3]));
    const coded = compactColumn(segments, true) as { codes: Uint8Array; values: unknown[] };
    expect(coded.codes).toBeInstanceOf(Uint8Array);
    expect(coded.values).toHaveLength(4);
    expect(values(coded)).toEqual(segments);
    // Without the dictionary (a join key) and with more distinct values than max(64, rows / 16): as they are.
    expect(compactColumn(segments, false)).toBe(segments);
    const names = Array.from({ length: 100 }, (_, i) => `name ${i}`);
    expect(compactColumn(names, true)).toBe(names);
    const mixed = ['a', 1, null];
    expect(compactColumn(mixed, true)).toBe(mixed);
    // Past 256 distinct values the codes take two bytes.
    const many = Array.from({ length: 20_000 }, (_, i) => `v${i % 300}`);
    const wide = compactColumn(many, true) as { codes: Uint16Array; values: unknown[] };
    expect(wide.codes).toBeInstanceOf(Uint16Array);
    expect(values(wide)).toEqual(many);
  });

  it('puts parts end to end: typed arrays stay typed, dictionaries merge, empty parts say nothing', () => {
    const a = compactColumn([1, 2], true);
    const b = compactColumn([3.5], true);
    const empty = compactColumn([], true);
    expect(concatJoinColumns([a, empty, compactColumn([4], true)])).toEqual(Int32Array.from([1, 2, 4]));
    expect(concatJoinColumns([a, b, empty])).toEqual(Float64Array.from([1, 2, 3.5]));

    const first = ['x', 'y', 'x', null];
    const second = ['z', 'x', null, 'z'];
    const merged = concatJoinColumns([compactColumn(first, true), [], compactColumn(second, true)]) as { codes: Uint8Array; values: unknown[] };
    expect(merged.codes).toBeInstanceOf(Uint8Array);
    expect(merged.values).toHaveLength(4);
    expect(values(merged)).toEqual([...first, ...second]);

    // A dictionary beside plain values, or numbers beside strings: values in an array.
    expect(concatJoinColumns([compactColumn(first, true), ['w']])).toEqual([...first, 'w']);
    expect(concatJoinColumns([a, ['s']])).toEqual([1, 2, 's']);
    expect(values(concatJoinColumns([]))).toEqual([]);
    // One part beside empty ones is that part.
    expect(concatJoinColumns([empty, b])).toBe(b);
  });
});
