/**
 * Number texts as the CSV reader converts them, with Java's parseInt/parseLong/parseDouble as the
 * known answers: the digit-by-digit path for plain texts and the general path for the rest must
 * agree with them on signs, -0, leading zeros, points, exponents, suffixes and ranges.
 */
import { describe, expect, it } from 'vitest';
import { INVALID, parseDouble, parseIntegral } from '../../src/io/values/parse-value.js';
import { isoDateAt, plainNumberAt } from '../../src/io/values/parse-in-place.js';

const options = { nanValue: 'NaN', positiveInf: 'Inf', negativeInf: '-Inf' };

describe('parseIntegral and parseDouble', () => {
  it('reads integers as Java does, within the type', () => {
    const cases: [string, string, unknown][] = [
      ['123', 'integer', 123],
      ['-45', 'integer', -45],
      ['007', 'integer', 7],
      ['+5', 'integer', 5],
      ['2147483647', 'integer', 2147483647],
      ['2147483648', 'integer', INVALID],
      ['-2147483648', 'integer', -2147483648],
      ['128', 'byte', INVALID],
      ['-128', 'byte', -128],
      ['9007199254740993', 'long', 9007199254740993n],
      ['-9223372036854775808', 'long', -9223372036854775808n],
      ['9223372036854775808', 'long', INVALID],
      ['123456789012345', 'long', 123456789012345],
      ['1.5', 'integer', INVALID],
      [' 5', 'integer', INVALID],
      ['1e3', 'long', INVALID],
      ['-', 'integer', INVALID],
      ['', 'integer', INVALID],
      ['12a', 'integer', INVALID],
    ];
    for (const [text, type, expected] of cases) expect([text, parseIntegral(text, type)]).toEqual([text, expected]);
    expect(Object.is(parseIntegral('-0', 'integer'), -0)).toBe(true);
  });

  it('reads doubles as Java does, with Spark\'s NaN and infinity texts', () => {
    const cases: [string, unknown][] = [
      ['1.5', 1.5],
      ['0.1', 0.1],
      ['-12.25', -12.25],
      ['42', 42],
      ['1.', 1],
      ['.5', 0.5],
      ['1e3', 1000],
      ['-2.5E-1', -0.25],
      ['1.5f', 1.5],
      ['2d', 2],
      ['+3.5', 3.5],
      [' 4.5 ', 4.5],
      ['123456789012345.6', 123456789012345.6],
      ['0.30000000000000004', 0.30000000000000004],
      ['NaN', NaN],
      ['Inf', Infinity],
      ['-Inf', -Infinity],
      ['1..2', INVALID],
      ['1.2.3', INVALID],
      ['-', INVALID],
      ['', INVALID],
      ['1,5', INVALID],
    ];
    for (const [text, expected] of cases) expect([text, parseDouble(text, options)]).toEqual([text, expected]);
    expect(Object.is(parseDouble('-0.0', options), -0)).toBe(true);
    expect(Object.is(parseDouble('-0', options), -0)).toBe(true);
  });

  it('reads plain decimals inside a larger text as Number reads them alone (the nearest double)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const wrong: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const digits = String(next()).slice(0, 1 + (next() % 9)) + String(next()).slice(0, next() % 6);
      const point = next() % (digits.length + 1);
      const body = point === 0 || point === digits.length ? digits : `${digits.slice(0, point)}.${digits.slice(point)}`;
      const field = next() % 2 === 0 ? body : `-${body}`;
      const line = `ab|${field}|cd`;
      if (!Object.is(plainNumberAt(line, 3, 3 + field.length, false), Number(field))) wrong.push(field);
    }
    expect(wrong).toEqual([]);
    expect(plainNumberAt('x|1.5|y', 2, 5, true)).toBeUndefined();
    expect(plainNumberAt('x|1e5|y', 2, 5, false)).toBeUndefined();
  });

  it('reads yyyy-MM-dd inside a larger text as the day number Date.UTC gives, and no other form', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(1583, 0, 1) / 86_400_000; day < Date.UTC(2400, 0, 1) / 86_400_000; day += 7) {
      const text = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (isoDateAt(`1,${text},x`, 2, 12) !== day) wrong.push(text);
    }
    expect(wrong).toEqual([]);
    for (const bad of ['2023-02-29', '2023-13-01', '2023-1-011', '0099-01-01', '2023/01/01']) expect([bad, isoDateAt(bad, 0, 10)]).toEqual([bad, undefined]);
    expect(isoDateAt('2024-02-29', 0, 10)).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
  });
});
