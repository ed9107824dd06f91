import { describe, expect, it } from 'vitest';
import { cellText, doubleToJavaString, floatToJavaString, parseDataType, showString, StructType } from '../src/index.js';

const utc = { timeZone: 'UTC' };
const text = (value: unknown, ddlType: string, timeZone = 'UTC'): string => cellText(value, parseDataType(ddlType), { timeZone });

describe('numbers as Java prints them', () => {
  it('doubles: plain between 1e-3 and 1e7, else scientific, shortest digits', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [0, '0.0'],
      [-0, '-0.0'],
      [100, '100.0'],
      [-12.25, '-12.25'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1 / 3, '0.3333333333333333'],
      [9999999, '9999999.0'],
      [1e7, '1.0E7'],
      [12345678.9, '1.23456789E7'],
      [0.001, '0.001'],
      [0.00099, '9.9E-4'],
      [1e-5, '1.0E-5'],
      [1e10, '1.0E10'],
      [1e21, '1.0E21'],
      [Number.MAX_VALUE, '1.7976931348623157E308'],
      [Number.MIN_VALUE, '4.9E-324'], // Java's two-digit minimum, not JS's 5e-324
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
    ];
    for (const [value, expected] of cases) expect(doubleToJavaString(value), String(value)).toBe(expected);
  });

  it('floats: the shortest digits of the 32-bit value', () => {
    expect(floatToJavaString(0.1)).toBe('0.1');
    expect(floatToJavaString(1 / 3)).toBe('0.33333334');
    expect(floatToJavaString(16777216)).toBe('1.6777216E7');
    expect(floatToJavaString(3.4028234663852886e38)).toBe('3.4028235E38');
    expect(floatToJavaString(1.401298464324817e-45)).toBe('1.4E-45');
    expect(floatToJavaString(2.5)).toBe('2.5');
  });
});

describe('cell text (Spark ToPrettyString)', () => {
  it('scalars', () => {
    expect(text(42, 'int')).toBe('42');
    expect(text(9007199254740993n, 'bigint')).toBe('9007199254740993');
    expect(text(true, 'boolean')).toBe('true');
    expect(text(false, 'boolean')).toBe('false');
    expect(text(1.5, 'decimal(10,2)')).toBe('1.50');
    expect(text('-0.125', 'decimal(10,2)')).toBe('-0.13');
    expect(text('12', 'decimal(5,0)')).toBe('12');
    expect(text(7n, 'decimal(10,3)')).toBe('7.000');
    expect(text(new Uint8Array([1, 10, 255]), 'binary')).toBe('[01 0A FF]');
    expect(text(null, 'string')).toBe('NULL');
    expect(text(undefined, 'double')).toBe('NULL');
    expect(text(2, 'float')).toBe('2.0');
  });

  it('dates at UTC midnight, timestamps in the session time zone with a trimmed fraction', () => {
    expect(text(new Date(Date.UTC(2024, 0, 5)), 'date')).toBe('2024-01-05');
    const t = new Date(Date.UTC(2024, 0, 15, 10, 30, 0, 500));
    expect(text(t, 'timestamp')).toBe('2024-01-15 10:30:00.5');
    expect(text(t, 'timestamp', 'America/Los_Angeles')).toBe('2024-01-15 02:30:00.5');
    expect(text(t, 'timestamp', 'Asia/Kolkata')).toBe('2024-01-15 16:00:00.5');
    expect(text(new Date(Date.UTC(2024, 6, 1, 0, 0, 0, 120)), 'timestamp', 'Europe/Paris')).toBe('2024-07-01 02:00:00.12');
    expect(text(new Date(Date.UTC(1999, 11, 31, 23, 59, 59)), 'timestamp_ntz', 'Asia/Tokyo')).toBe('1999-12-31 23:59:59');
    expect(() => text(t, 'timestamp', 'Mars/Olympus')).toThrow("[INVALID_TIMEZONE] The time zone 'Mars/Olympus' is invalid");
  });

  it('ANSI intervals as Spark prints them', () => {
    const day = 86_400_000_000;
    expect(text(90 * day, 'interval day')).toBe("INTERVAL '90' DAY");
    expect(text(-(day + 2 * 3_600_000_000 + 3 * 60_000_000 + 4_500_000), 'interval day to second')).toBe(
      "INTERVAL '-1 02:03:04.5' DAY TO SECOND",
    );
    expect(text(3 * 3_600_000_000 + 5 * 60_000_000, 'interval hour to minute')).toBe("INTERVAL '03:05' HOUR TO MINUTE");
    expect(text(1_250_000, 'interval second')).toBe("INTERVAL '01.25' SECOND");
    expect(text(14, 'interval year to month')).toBe("INTERVAL '1-2' YEAR TO MONTH");
    expect(text(-14, 'interval month')).toBe("INTERVAL '-14' MONTH");
    expect(text(24, 'interval year')).toBe("INTERVAL '2' YEAR");
  });

  it('arrays, maps and structs, with NULL inside', () => {
    expect(text([1, 2, null], 'array<int>')).toBe('[1, 2, NULL]');
    expect(text([], 'array<int>')).toBe('[]');
    expect(text([1.0, 2.5], 'array<double>')).toBe('[1.0, 2.5]');
    expect(text(new Map([['a', 1], ['b', null]]), 'map<string,int>')).toBe('{a -> 1, b -> NULL}');
    expect(text({ a: 1 }, 'map<string,int>')).toBe('{a -> 1}');
    expect(text({ x: 1, y: 'a' }, 'struct<x:int,y:string>')).toBe('{1, a}');
    expect(text([1, null], 'struct<x:int,y:string>')).toBe('{1, NULL}');
    expect(text([{ k: [1.0] }, null], 'array<struct<k:array<double>>>')).toBe('[{[1.0]}, NULL]');
  });

  it('in a table: doubles as Java prints them, complex cells truncated like any other', () => {
    const schema = StructType.fromDDL('a double, b double, c double, arr array<string>');
    const out = showString([[1.0, 1e10, 1e-5, ['a', 'bbbbbbbbbbbbbbbbbbbbbbbb', null]]], schema, 20, true, false, utc);
    expect(out).toBe(
      '+---+------+------+--------------------+\n' +
        '|  a|     b|     c|                 arr|\n' +
        '+---+------+------+--------------------+\n' +
        '|1.0|1.0E10|1.0E-5|[a, bbbbbbbbbbbbb...|\n' +
        '+---+------+------+--------------------+\n',
    );
  });
});
