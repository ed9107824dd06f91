/**
 * Numeric casts: text to numbers, and numbers between integral, floating and decimal types,
 * with Spark's ANSI checks (overflow is an error) or its legacy behaviour (integral overflow
 * wraps as Java's narrowing does, decimal overflow is null).
 */
import {
  ByteType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  IntegralType,
  LongType,
  ShortType,
} from './data-type.js';
import { castOverflow, decimalOutOfRange } from './cast-errors.js';
import { plainNumberString, roundDecimalString } from '../format/decimal-text.js';
import { longOfDouble, longValue, type LongValue } from './long-value.js';

function integralBits(type: DataType): number {
  if (type instanceof ByteType) return 8;
  if (type instanceof ShortType) return 16;
  if (type instanceof IntegerType) return 32;
  if (type instanceof LongType) return 64;
  throw new Error(`not an integral type: ${type.simpleString()}`);
}


const INTEGER_TEXT = /^[+-]?\d+$/;
const LEGACY_INTEGER_TEXT = /^([+-]?\d*)(?:\.\d*)?$/;
const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DOUBLE_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/;

/**
 * Text (trimmed) as a number of type `to`, or undefined when malformed or out of range — Spark
 * reports both as CAST_INVALID_INPUT. Integral text must be whole under ANSI (`'1.5'` fails);
 * the legacy cast truncates it. For a decimal the caller rounds and range-checks with toDecimal.
 */
export function stringToNumeric(text: string, to: DataType, ansi: boolean): LongValue | undefined {
  const t = text.trim();
  if (to instanceof IntegralType) {
    let whole: string;
    if (INTEGER_TEXT.test(t)) whole = t;
    else {
      const m = ansi ? null : LEGACY_INTEGER_TEXT.exec(t);
      if (m === null || !/\d/.test(t)) return undefined;
      whole = /\d/.test(m[1]) ? m[1] : '0';
    }
    const v = BigInt(whole);
    const bits = integralBits(to);
    return v === BigInt.asIntN(bits, v) ? longValue(v) : undefined;
  }
  if (to instanceof DecimalType) return DECIMAL_TEXT.test(t) ? Number(t) : undefined; // range: toDecimal
  const special = floatingSpecial(t.toLowerCase());
  const value = special ?? (DOUBLE_TEXT.test(t) ? Number(t.replace(/[dDfF]$/, '')) : undefined);
  if (value === undefined) return undefined;
  return to instanceof FloatType ? Math.fround(value) : value;
}

function floatingSpecial(t: string): number | undefined {
  if (t === 'nan') return NaN;
  if (['inf', '+inf', 'infinity', '+infinity'].includes(t)) return Infinity;
  if (['-inf', '-infinity'].includes(t)) return -Infinity;
  return undefined;
}

/** A number of type `from` as type `to` (both numeric). */
export function toNumeric(value: LongValue, from: DataType, to: DataType, ansi: boolean): LongValue | null {
  if (to instanceof DoubleType) return Number(value);
  if (to instanceof FloatType) return Math.fround(Number(value));
  if (to instanceof DecimalType) return toDecimal(Number(value), to, ansi);
  const bits = integralBits(to);
  const fromFloating = from instanceof FloatType || from instanceof DoubleType;
  if (typeof value === 'bigint' || (Number.isInteger(value) && !fromFloating)) {
    const v = BigInt(value);
    if (v === BigInt.asIntN(bits, v)) return longValue(v);
    if (ansi) throw castOverflow(value, from, to);
    return longValue(BigInt.asIntN(bits, v));
  }
  if (ansi || !fromFloating) {
    const truncated = Math.trunc(value);
    const inRange = Number.isFinite(truncated) && BigInt(truncated) === BigInt.asIntN(bits, BigInt(truncated));
    if (!inRange && ansi) throw castOverflow(value, from, to);
    if (!inRange) return longValue(BigInt.asIntN(bits, BigInt(truncated))); // a decimal wraps, as Decimal.toInt does
    return longValue(BigInt(truncated));
  }
  return legacyFractionalToIntegral(value, bits);
}

/** Java's `(long) d` (longOfDouble), `(int) d`, and `(byte) (int) d`: NaN is 0, saturation, then wrapping. */
function legacyFractionalToIntegral(value: number, bits: number): LongValue {
  if (bits === 64) return longOfDouble(value);
  if (Number.isNaN(value)) return 0;
  const max = 2n ** 31n - 1n;
  const min = -(2n ** 31n);
  let v = Number.isFinite(value) ? BigInt(Math.trunc(value)) : value > 0 ? max : min;
  if (v > max) v = max;
  if (v < min) v = min;
  return longValue(BigInt.asIntN(bits, v));
}

/**
 * Rounds half up to the decimal's scale, as Spark reads a double through its shortest text
 * (`1.005` → `1.01` at scale 2); too many integer digits is NUMERIC_VALUE_OUT_OF_RANGE under
 * ANSI, null otherwise.
 */
export function toDecimal(value: number, to: DecimalType, ansi: boolean): number | null {
  const rounded = Number.isFinite(value) ? roundDecimalString(plainNumberString(value), to.scale) : undefined;
  const intDigits = rounded?.replace(/^-/, '').split('.')[0].replace(/^0+/, '').length ?? Infinity;
  if (intDigits > to.precision - to.scale) {
    if (ansi) throw decimalOutOfRange(Number.isFinite(value) ? plainNumberString(value) : value, to);
    return null;
  }
  return Number(rounded);
}

export const fromBoolean = (b: boolean): number => (b ? 1 : 0);
