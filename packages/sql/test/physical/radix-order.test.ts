import { describe, expect, it } from 'vitest';
import { radixOrder, radixSort } from '../../src/physical/runtime/radix-order.js';

/** Spark's order of doubles: NaN above everything, -0.0 equal to 0.0. */
function compareDoubles(x: number, y: number): number {
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
  if (Number.isNaN(y)) return -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The reference: a stable comparison sort of the row positions. */
function referenceOrder(keys: Float64Array[], descending: boolean[]): number[] {
  const positions = Array.from({ length: keys[0].length }, (_, i) => i);
  return positions.sort((i, j) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareDoubles(keys[k][i], keys[k][j]);
      if (c !== 0) return descending[k] ? -c : c;
    }
    return 0;
  });
}

/** Deterministic values (an LCG) drawn from a pool with the edge cases and many ties. */
function column(n: number, seed: number): Float64Array {
  const pool = [NaN, -0, 0, Infinity, -Infinity, 1.5, -1.5, 2 ** 53, -(2 ** 53), 1e-300, -1e-300, 783.34, 12, -7];
  const values = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    values[i] = s % 3 === 0 ? pool[s % pool.length] : ((s >> 4) % 2000) / 8 - 100;
  }
  return values;
}

describe('radix order of numeric sort keys', () => {
  it('orders one column ascending and descending as a comparison sort does (NaN last, -0.0 = 0.0, stable)', () => {
    const keys = [column(5000, 1)];
    expect([...radixOrder(keys, [false])]).toEqual(referenceOrder(keys, [false]));
    expect([...radixOrder(keys, [true])]).toEqual(referenceOrder(keys, [true]));
  });

  it('orders by several columns with mixed directions', () => {
    const keys = [column(20000, 2), column(20000, 3), column(20000, 4)];
    for (const descending of [[false, false, false], [true, false, true], [false, true, false]]) {
      expect([...radixOrder(keys, descending)]).toEqual(referenceOrder(keys, descending));
    }
  });

  it('orders decimals and integers (sorted as scaled integers) as a comparison sort does', () => {
    const n = 20000;
    let s = 5;
    const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31);
    const cents = Float64Array.from({ length: n }, () => Number(((next() % 200001) / 100 - 1000).toFixed(2)));
    const ids = Float64Array.from({ length: n }, () => next() % 5000);
    const fourPlaces = Float64Array.from({ length: n }, () => (next() % 30001) / 10000 - 1.5);
    const withZeros = Float64Array.from({ length: n }, () => [-0, 0, 3, -3, 0.5][next() % 5]);
    const wide = Float64Array.from({ length: n }, () => (next() % 3 === 0 ? 2 ** 40 : 0) + (next() % 100));
    const fivePlaces = Float64Array.from({ length: n }, () => (next() % 1000) / 100000);
    const beyondSafe = Float64Array.from({ length: n }, () => 2 ** 60 + (next() % 4) * 2 ** 10);
    for (const keys of [[cents, ids], [fourPlaces, withZeros], [ids, wide], [fivePlaces, ids], [beyondSafe, cents]]) {
      for (const descending of [[true, false], [false, true]]) {
        expect([...radixOrder(keys, descending)]).toEqual(referenceOrder(keys, descending));
      }
    }
  });

  it('moves payload columns into the sorted order with the positions', () => {
    const keys = [column(10000, 6), column(10000, 7)];
    const payload = Float64Array.from({ length: 10000 }, (_, i) => i * 1.5);
    const order = referenceOrder(keys, [true, false]);
    const { index, payloads } = radixSort(keys, [true, false], [payload.slice(), keys[1].slice()], true);
    expect([...index!]).toEqual(order);
    expect([...payloads[0]]).toEqual(order.map((i) => payload[i]));
    expect([...payloads[1]]).toEqual(order.map((i) => keys[1][i]));
    const withoutIndex = radixSort(keys, [true, false], [payload.slice()], false);
    expect(withoutIndex.index).toBeUndefined();
    expect([...withoutIndex.payloads[0]]).toEqual(order.map((i) => payload[i]));
  });

  it('handles no rows and one row', () => {
    expect([...radixOrder([new Float64Array(0)], [false])]).toEqual([]);
    expect([...radixOrder([Float64Array.of(-3)], [true])]).toEqual([0]);
  });
});
