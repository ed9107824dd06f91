/**
 * Number texts as the CSV reader converts them, with Java's parseInt/parseLong/parseDouble as the
 * known answers: the digit-by-digit path for plain texts and the general path for the rest must
 * agree with them on signs, -0, leading zeros, points, exponents, suffixes and ranges.
 */
import { describe, expect, it } from 'vitest';
import { INVALID, parseDouble, parseIntegral } from '../../src/io/values/parse-value.js';

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
      ['9007199254740993', 'long', 9007199254740992],
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
});
