import { describe, expect, it } from 'vitest';
import {
  arithmeticResultType,
  avgResultType,
  comparisonType,
  findTightestCommonType,
  findWiderCommonType,
  findWiderTypeOf,
  implicitCastType,
  parseDataType,
  sumResultType,
  type ArithmeticOperator,
} from '../src/index.js';

const t = parseDataType;
const s = (type: { simpleString(): string } | undefined): string | undefined => type?.simpleString();

describe('type coercion (Spark 4, ANSI)', () => {
  it('arithmetic result types', () => {
    const cases: [string, ArithmeticOperator, string, string][] = [
      ['int', '+', 'bigint', 'bigint'],
      ['tinyint', '*', 'smallint', 'smallint'],
      ['int', '/', 'int', 'double'],
      ['bigint', 'div', 'int', 'bigint'],
      ['int', '-', 'double', 'double'],
      ['float', '+', 'int', 'float'],
      ['float', '*', 'double', 'double'],
      ['int', '%', 'int', 'int'],
      ['string', '+', 'int', 'int'],
      // Spark's DecimalPrecision (the examples of its scaladoc and the TPC-H column types)
      ['decimal(15,2)', '*', 'decimal(15,2)', 'decimal(31,4)'],
      ['decimal(15,2)', '+', 'decimal(15,2)', 'decimal(16,2)'],
      ['decimal(15,2)', '-', 'int', 'decimal(16,2)'],
      ['decimal(10,2)', '/', 'decimal(10,2)', 'decimal(23,13)'],
      ['decimal(38,10)', '*', 'decimal(38,10)', 'decimal(38,6)'],
      ['decimal(38,18)', '/', 'decimal(38,18)', 'decimal(38,6)'],
      ['decimal(10,2)', '%', 'decimal(5,1)', 'decimal(6,2)'],
      ['decimal(10,2)', '+', 'double', 'double'],
      ['bigint', '*', 'decimal(10,2)', 'decimal(31,2)'],
    ];
    for (const [l, op, r, expected] of cases) expect(s(arithmeticResultType(op, t(l), t(r))), `${l} ${op} ${r}`).toBe(expected);
    expect(() => arithmeticResultType('+', t('boolean'), t('int'))).toThrow('[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE]');
  });

  it('datetime and interval arithmetic', () => {
    const cases: [string, ArithmeticOperator, string, string][] = [
      ['date', '-', 'interval day', 'date'], // TPC-H q1: date '1998-12-01' - interval '90' day
      ['date', '+', 'interval year to month', 'date'],
      ['date', '+', 'int', 'date'],
      ['interval month', '+', 'date', 'date'],
      ['date', '+', 'interval day to second', 'timestamp'],
      ['timestamp', '-', 'interval hour', 'timestamp'],
      ['timestamp_ntz', '+', 'interval day', 'timestamp_ntz'],
      ['date', '-', 'date', 'interval day'],
      ['timestamp', '-', 'date', 'interval day to second'],
      ['interval day', '+', 'interval hour to minute', 'interval day to minute'],
      ['interval year to month', '*', 'int', 'interval year to month'],
      ['double', '*', 'interval day', 'interval day'],
    ];
    for (const [l, op, r, expected] of cases) expect(s(arithmeticResultType(op, t(l), t(r))), `${l} ${op} ${r}`).toBe(expected);
    expect(() => arithmeticResultType('+', t('date'), t('date'))).toThrow('[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES]');
    expect(() => arithmeticResultType('-', t('int'), t('date'))).toThrow('BINARY_OP_DIFF_TYPES');
  });

  it('common types for comparisons, unions and CASE', () => {
    expect(s(findTightestCommonType(t('int'), t('bigint')))).toBe('bigint');
    expect(s(findTightestCommonType(t('void'), t('string')))).toBe('string');
    expect(s(findTightestCommonType(t('int'), t('decimal(5,2)')))).toBe('decimal(12,2)');
    expect(s(findTightestCommonType(t('decimal(5,2)'), t('float')))).toBe('double');
    expect(s(findTightestCommonType(t('date'), t('timestamp')))).toBe('timestamp');
    expect(findTightestCommonType(t('string'), t('int'))).toBe(undefined);
    expect(s(findWiderCommonType(t('string'), t('int')))).toBe('string');
    expect(s(findWiderCommonType(t('array<int>'), t('array<double>')))).toBe('array<double>');
    expect(findWiderCommonType(t('array<int>'), t('map<int,int>'))).toBe(undefined);
    expect(s(findWiderTypeOf([t('int'), t('void'), t('bigint'), t('double')]))).toBe('double');
    expect(s(comparisonType(t('string'), t('int')))).toBe('int');
    expect(s(comparisonType(t('date'), t('string')))).toBe('date');
    expect(s(comparisonType(t('bigint'), t('double')))).toBe('double');
  });

  it('implicit casts of function arguments: widen, never narrow', () => {
    expect(s(implicitCastType(t('int'), t('double')))).toBe('double');
    expect(s(implicitCastType(t('int'), t('decimal(12,2)')))).toBe('decimal(12,2)');
    expect(implicitCastType(t('bigint'), t('decimal(12,2)'))).toBe(undefined);
    expect(implicitCastType(t('double'), t('int'))).toBe(undefined);
    expect(s(implicitCastType(t('decimal(10,2)'), t('double')))).toBe('double');
    expect(s(implicitCastType(t('string'), t('date')))).toBe('date');
    expect(s(implicitCastType(t('int'), t('string')))).toBe('string');
    expect(s(implicitCastType(t('void'), t('array<int>')))).toBe('array<int>');
    expect(s(implicitCastType(t('date'), t('timestamp')))).toBe('timestamp');
    expect(implicitCastType(t('timestamp'), t('date'))).toBe(undefined);
    expect(s(implicitCastType(t('array<int>'), t('array<bigint>')))).toBe('array<bigint>');
    expect(implicitCastType(t('array<int>'), t('string'))).toBe(undefined);
  });

  it('aggregate result types', () => {
    expect(s(sumResultType(t('int')))).toBe('bigint');
    expect(s(sumResultType(t('float')))).toBe('double');
    expect(s(sumResultType(t('decimal(15,2)')))).toBe('decimal(25,2)');
    expect(s(avgResultType(t('bigint')))).toBe('double');
    expect(s(avgResultType(t('decimal(15,2)')))).toBe('decimal(19,6)');
  });
});
