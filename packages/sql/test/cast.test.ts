import { describe, expect, it } from 'vitest';
import { cast, canCast, castFunction, parseDataType, tryCast, tryCastFunction } from '../src/index.js';

const t = parseDataType;
const utc = { timeZone: 'UTC' };
const c = (value: unknown, from: string, to: string, options: { ansi?: boolean; timeZone?: string } = utc): unknown =>
  cast(value, t(from), t(to), { timeZone: 'UTC', ...options });

describe('cast (Spark 4 defaults: ANSI on)', () => {
  it('string to numbers: trimmed, whole for integrals, Java float syntax and specials', () => {
    expect(c(' 42 ', 'string', 'int')).toBe(42);
    expect(c('+7', 'string', 'tinyint')).toBe(7);
    expect(c('9223372036854775807', 'string', 'bigint')).toBe(9223372036854775807n);
    expect(c('1.5e3', 'string', 'double')).toBe(1500);
    expect(c('2.5d', 'string', 'double')).toBe(2.5);
    expect(c('-Infinity', 'string', 'double')).toBe(-Infinity);
    expect(Number.isNaN(c('NaN', 'string', 'float'))).toBe(true);
    expect(c('1.005', 'string', 'decimal(5,2)')).toBe(1.01);
    expect(c('0.1', 'string', 'float')).toBe(Math.fround(0.1));
  });

  it('bad strings are CAST_INVALID_INPUT under ANSI, null with try_cast or ansi off', () => {
    expect(() => c('abc', 'string', 'int')).toThrow(
      `[CAST_INVALID_INPUT] The value 'abc' of the type "STRING" cannot be cast to "INT" because it is malformed.`,
    );
    expect(() => c('1.5', 'string', 'int')).toThrow('CAST_INVALID_INPUT');
    expect(() => c('128', 'string', 'tinyint')).toThrow('CAST_INVALID_INPUT');
    expect(() => c('2024-13-01', 'string', 'date')).toThrow('"DATE"');
    expect(() => c('maybe', 'string', 'boolean')).toThrow('CAST_INVALID_INPUT');
    expect(tryCast('abc', t('string'), t('int'))).toBe(null);
    expect(c('abc', 'string', 'int', { ansi: false })).toBe(null);
    expect(c('1.9', 'string', 'int', { ansi: false })).toBe(1);
    expect(c('-1.9', 'string', 'bigint', { ansi: false })).toBe(-1);
  });

  it('numeric narrowing: CAST_OVERFLOW under ANSI, Java wrapping when off', () => {
    expect(() => c(128, 'int', 'tinyint')).toThrow(
      '[CAST_OVERFLOW] The value 128 of the type "INT" cannot be cast to "TINYINT" due to an overflow.',
    );
    expect(() => c(1e10, 'double', 'int')).toThrow('The value 1.0E10D of the type "DOUBLE"');
    expect(() => c(NaN, 'double', 'bigint')).toThrow('CAST_OVERFLOW');
    expect(c(128, 'int', 'tinyint', { ansi: false })).toBe(-128);
    expect(c(1e10, 'double', 'int', { ansi: false })).toBe(2147483647);
    expect(c(NaN, 'double', 'int', { ansi: false })).toBe(0);
    expect(c(-2.7, 'double', 'int')).toBe(-2);
    expect(c(2.5, 'decimal(3,1)', 'int')).toBe(2);
    expect(c(3, 'int', 'double')).toBe(3);
    expect(c(2.675, 'double', 'decimal(4,2)')).toBe(2.68);
    expect(() => c(123.45, 'double', 'decimal(4,2)')).toThrow(
      '[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] 123.45 cannot be represented as Decimal(4, 2).',
    );
    expect(c(123.45, 'double', 'decimal(4,2)', { ansi: false })).toBe(null);
  });

  it('booleans', () => {
    expect(c(' YES ', 'string', 'boolean')).toBe(true);
    expect(c('0', 'string', 'boolean')).toBe(false);
    expect(c(true, 'boolean', 'int')).toBe(1);
    expect(c(0, 'int', 'boolean')).toBe(false);
    expect(c(2.5, 'double', 'boolean')).toBe(true);
  });

  it('to string: Java numbers, nested nulls as null, binary as UTF-8', () => {
    expect(c(1e10, 'double', 'string')).toBe('1.0E10');
    expect(c(5, 'bigint', 'string')).toBe('5');
    expect(c(1.5, 'decimal(10,3)', 'string')).toBe('1.500');
    expect(c([1, null], 'array<int>', 'string')).toBe('[1, null]');
    expect(c({ a: 1, b: null }, 'struct<a:int,b:string>', 'string')).toBe('{1, null}');
    expect(c(new TextEncoder().encode('hé'), 'binary', 'string')).toBe('hé');
    expect(c(new Date(Date.UTC(2024, 1, 29)), 'date', 'string')).toBe('2024-02-29');
    expect(c(null, 'int', 'string')).toBe(null);
  });

  it('dates and timestamps through text and each other, in the session time zone', () => {
    const paris = { timeZone: 'Europe/Paris' };
    expect(c('2024-03-05', 'string', 'date')).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(c('2024-3-5 12:00:00', 'string', 'date')).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(c('2024', 'string', 'date')).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(c('2024-07-01 12:30:15.25', 'string', 'timestamp', paris)).toEqual(new Date(Date.UTC(2024, 6, 1, 10, 30, 15, 250)));
    expect(c('2024-01-01T12:00:00Z', 'string', 'timestamp', paris)).toEqual(new Date(Date.UTC(2024, 0, 1, 12)));
    expect(c('2024-01-01 12:00:00 +05:30', 'string', 'timestamp')).toEqual(new Date(Date.UTC(2024, 0, 1, 6, 30)));
    expect(c('2024-01-01 12:00:00 America/New_York', 'string', 'timestamp')).toEqual(new Date(Date.UTC(2024, 0, 1, 17)));
    // 23:30 UTC is already the next day in Paris
    expect(c(new Date(Date.UTC(2024, 0, 1, 23, 30)), 'timestamp', 'date', paris)).toEqual(new Date(Date.UTC(2024, 0, 2)));
    expect(c(new Date(Date.UTC(2024, 6, 1)), 'date', 'timestamp', paris)).toEqual(new Date(Date.UTC(2024, 5, 30, 22)));
    expect(c(new Date(Date.UTC(2024, 6, 1, 10)), 'timestamp', 'timestamp_ntz', paris)).toEqual(new Date(Date.UTC(2024, 6, 1, 12)));
    expect(c(new Date(Date.UTC(2024, 6, 1, 10, 0, 0, 5)), 'timestamp', 'string', paris)).toBe('2024-07-01 12:00:00.005');
    expect(c(1.5, 'double', 'timestamp', { ansi: false })).toEqual(new Date(1500));
  });

  it('arrays, maps and structs cast element-wise; structs by position', () => {
    expect(c(['1', '2'], 'array<string>', 'array<int>')).toEqual([1, 2]);
    expect(c(new Map([['a', '1.5']]), 'map<string,string>', 'map<string,double>')).toEqual(new Map([['a', 1.5]]));
    expect(c({ x: '1', y: 2 }, 'struct<x:string,y:int>', 'struct<a:int,b:string>')).toEqual({ a: 1, b: '2' });
  });

  it('castFunction checks the types once and casts each value', () => {
    expect(() => castFunction(t('date'), t('int'))).toThrow('CAST_WITHOUT_SUGGESTION');
    const toInt = castFunction(t('string'), t('int'));
    expect(['1', ' 2', null].map(toInt)).toEqual([1, 2, null]);
    expect(() => toInt('x')).toThrow('CAST_INVALID_INPUT');
    expect(['1', 'x'].map(tryCastFunction(t('string'), t('int')))).toEqual([1, null]);
  });

  it('canCast follows ANSI: no date to number; numbers and timestamps both ways (SPARK-37714)', () => {
    expect(canCast(t('date'), t('int'))).toBe(false);
    expect(canCast(t('int'), t('timestamp'))).toBe(true);
    expect(canCast(t('timestamp'), t('bigint'))).toBe(true);
    expect(canCast(t('int'), t('timestamp'), false)).toBe(true);
    expect(canCast(t('string'), t('array<int>'))).toBe(false);
    expect(canCast(t('string'), t('interval day'))).toBe(false);
    expect(canCast(t('interval day'), t('string'))).toBe(true);
    expect(canCast(t('array<string>'), t('array<int>'))).toBe(true);
    expect(canCast(t('struct<a:int>'), t('struct<a:int,b:int>'))).toBe(false);
    expect(() => c(new Date(0), 'date', 'int')).toThrow(
      '[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(date AS INT)" due to data type mismatch: cannot cast "DATE" to "INT".',
    );
  });
});
