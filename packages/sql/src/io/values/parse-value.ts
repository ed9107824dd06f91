/**
 * Text → typed values, as Spark's CSV reader converts fields (and JSON strings for dates and
 * timestamps). A parser returns `INVALID` for text that is not a value of its type, and the
 * reader's mode decides what happens then. Values are in the engine's form
 * (dataframe/row-conversion.ts): numbers for every numeric type (decimals too), strings,
 * booleans, a `date` as days since 1970-01-01, a `timestamp` as epoch milliseconds.
 */
import type { DataType, DecimalType } from '../../types/index.js';
import { parseDateDays, parseTimestampWallClock } from '../../types/datetime-parse.js';
import { dateTimeParser } from './datetime-parser.js';
import { wallClockToInstant } from './time-zone.js';
import { isoDateAt, plainNumberAt } from './parse-in-place.js';
import { longValue } from '../../types/long-value.js';

export const INVALID: unique symbol = Symbol('invalid value');
export type ParsedValue = unknown | typeof INVALID;
export type ValueParser = (text: string) => ParsedValue;

export interface ValueParseOptions {
  nanValue: string;
  positiveInf: string;
  negativeInf: string;
  /** Spark datetime patterns; undefined: Spark's pattern-less forms. */
  dateFormat?: string;
  timestampFormat?: string;
  /** For timestamp_ntz columns (Spark's timestampNTZFormat; timestampFormat does not apply to them). */
  timestampNTZFormat?: string;
  /** Zone of timestamps whose text carries none. */
  timeZone: string;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const DOUBLE_TEXT = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const INTEGRAL_RANGE: Record<string, [bigint, bigint]> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n],
};

/** The same ranges as numbers, for texts short enough to be exact doubles (number-to-bigint comparisons are slow). */
const INTEGRAL_NUMBER_RANGE: Record<string, [number, number]> = Object.fromEntries(
  Object.entries(INTEGRAL_RANGE).map(([name, [low, high]]) => [name, [Number(low), Number(high)]]),
);

/** A plain decimal text's value (parse-in-place.ts), undefined for other forms. */
const plainNumber = (text: string, integral: boolean): number | undefined => plainNumberAt(text, 0, text.length, integral);

/** Java's Integer/Long.parseLong: an optional sign and digits, within the type's range. */
export function parseIntegral(text: string, typeName: string): ParsedValue {
  if (text.length < 16) {
    const plain = plainNumber(text, true);
    if (plain !== undefined) {
      const [low, high] = INTEGRAL_NUMBER_RANGE[typeName];
      return plain >= low && plain <= high ? plain : INVALID;
    }
  }
  if (!INTEGER_TEXT.test(text)) return INVALID;
  if (text.length < 16) {
    const [low, high] = INTEGRAL_NUMBER_RANGE[typeName];
    const n = Number(text);
    return n >= low && n <= high ? n : INVALID;
  }
  const [low, high] = INTEGRAL_RANGE[typeName];
  const big = BigInt(text);
  return big < low || big > high ? INVALID : longValue(big);
}

/** Java's Double.parseDouble (surrounding spaces, `f`/`d` suffixes) plus Spark's NaN/Inf texts. */
export function parseDouble(text: string, options: Pick<ValueParseOptions, 'nanValue' | 'positiveInf' | 'negativeInf'>): ParsedValue {
  if (text === options.nanValue) return NaN;
  if (text === options.positiveInf) return Infinity;
  if (text === options.negativeInf) return -Infinity;
  const plain = plainNumber(text, false);
  if (plain !== undefined) return plain;
  const trimmed = text.trim();
  if (!DOUBLE_TEXT.test(trimmed)) return INVALID;
  const last = trimmed.charCodeAt(trimmed.length - 1);
  // A Java type suffix (f, F, d, D) is the only letter a valid text can end with besides NaN/Infinity's.
  return Number(last === 102 || last === 70 || last === 100 || last === 68 ? trimmed.slice(0, -1) : trimmed);
}

/** The precision and scale of a decimal literal, as java.math.BigDecimal counts them. */
export function decimalShape(text: string): { precision: number; scale: number } | undefined {
  if (!DECIMAL_TEXT.test(text)) return undefined;
  const [mantissa, exponent = '0'] = text.replace(/^[+-]/, '').toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  return { precision: Math.max(digits.length, 1), scale: fraction.length - Number(exponent) };
}

function parseDecimal(text: string, type: DecimalType): ParsedValue {
  const trimmed = text.trim();
  if (!DECIMAL_TEXT.test(trimmed)) return INVALID;
  const factor = 10 ** type.scale;
  const value = Math.round(Number(trimmed) * factor) / factor;
  const integerDigits = Math.abs(value) < 1 ? 0 : Math.floor(Math.log10(Math.abs(value))) + 1;
  return integerDigits > type.precision - type.scale ? INVALID : value;
}

function parseBoolean(text: string): ParsedValue {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : INVALID;
}

/** The common `yyyy-MM-dd` as a day number (undefined: not that form). */
const isoDate = (text: string): number | undefined => isoDateAt(text, 0, text.length);

export function makeValueParser(type: DataType, options: ValueParseOptions): ValueParser {
  const name = type.typeName();
  switch (name) {
    case 'string':
      return (text) => text;
    case 'byte':
    case 'short':
    case 'integer':
    case 'long':
      return (text) => parseIntegral(text, name);
    case 'float':
    case 'double':
      return (text) => parseDouble(text, options);
    case 'decimal':
      return (text) => parseDecimal(text, type as DecimalType);
    case 'boolean':
      return parseBoolean;
    case 'date': {
      // Without a dateFormat, Spark's stringToDate (the cast's reading: 2024-1-5, 2024, 2024-01-05T10:00).
      const pattern = options.dateFormat;
      const parser = pattern === undefined ? undefined : dateTimeParser(pattern);
      const slow = parser === undefined ? (text: string) => parseDateDays(text) ?? INVALID : (text: string) => parser.day(text) ?? INVALID;
      if (pattern !== undefined && pattern !== 'yyyy-MM-dd') return slow;
      return (text) => isoDate(text) ?? slow(text);
    }
    case 'timestamp': {
      // The zone is asked for at the first timestamp parsed: a column never read costs no lookup.
      let zone: string | undefined;
      const sessionZone = { instant: (wall: number) => wallClockToInstant(wall, (zone ??= options.timeZone)) };
      const zoneOf = (id: string) => ({ instant: (wall: number) => wallClockToInstant(wall, id) });
      if (options.timestampFormat === undefined) {
        // Spark's stringToTimestamp (the cast's reading), its zone if the text names one.
        return (text) => {
          const t = parseTimestampWallClock(text);
          if (t === undefined) return INVALID;
          if (t.offset !== undefined) return t.wall - t.offset;
          if (t.zone === undefined) return sessionZone.instant(t.wall);
          try {
            return zoneOf(t.zone).instant(t.wall);
          } catch {
            return INVALID;
          }
        };
      }
      const parser = dateTimeParser(options.timestampFormat);
      return (text) => parser.instant(text, sessionZone, zoneOf) ?? INVALID;
    }
    case 'timestamp_ntz': {
      // Spark's parseWithoutTimeZone(allowTimeZone = false): a wall clock; text naming a zone is no value.
      if (options.timestampNTZFormat === undefined) {
        return (text) => {
          const t = parseTimestampWallClock(text);
          return t === undefined || t.offset !== undefined || t.zone !== undefined ? INVALID : t.wall;
        };
      }
      const parser = dateTimeParser(options.timestampNTZFormat);
      return (text) => {
        const wall = parser.wall(text);
        return wall === null || !Number.isNaN(parser.offset) || parser.zone !== undefined ? INVALID : wall;
      };
    }
    default:
      throw new Error(`the reader cannot read a column of type ${type.simpleString()} from text`);
  }
}
