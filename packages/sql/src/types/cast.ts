/**
 * Casting values between Spark types, as `CAST(x AS t)` does. Spark 4 runs with
 * `spark.sql.ansi.enabled = true` by default, and so does this: malformed input and overflow
 * are errors (CAST_INVALID_INPUT, CAST_OVERFLOW), and casts ANSI forbids (a date to an int,
 * a number to a timestamp) are rejected by `canCast`. `{ ansi: false }` gives the legacy
 * behaviour (null for bad input, integral overflow wraps); `tryCast` is `try_cast` (ANSI
 * rules, null instead of a runtime error).
 *
 * Values: integral and floating types and decimals are JS numbers (a bigint beyond 2^53 may
 * be a JS bigint), string, boolean, `Date` for date (UTC midnight) and timestamps, Uint8Array,
 * arrays, `Map`s, and structs as plain objects keyed by field name.
 */
import {
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FractionalType,
  IntegerType,
  IntegralType,
  LongType,
  NullType,
  NumericType,
  StringType,
  TimestampNTZType,
  TimestampType,
} from './data-type.js';
import { ArrayType, MapType, StructType } from './complex-types.js';
import { cellText } from '../format/cell-text.js';
import { defaultTimeZone } from '../format/datetime-text.js';
import { zoneOffsetMs } from '../io/values/time-zone.js';
import { instantOfWallClock, parseDate, parseTimestamp } from './datetime-parse.js';
import { cannotCast, castOverflow, invalidInput } from './cast-errors.js';
import { fromBoolean, stringToNumeric, toDecimal, toNumeric } from './cast-numeric.js';
import type { LongValue } from './long-value.js';

export interface CastOptions {
  /** Spark 4's default, true: errors on bad input and overflow. */
  ansi?: boolean;
  /** The session time zone, for casts between strings, dates and timestamps. */
  timeZone?: string;
}

interface Context {
  ansi: boolean;
  timeZone: string;
}

/** Whether `CAST(from AS to)` is allowed (Spark's `Cast.canAnsiCast`, or `canCast` with ansi false). */
export function canCast(from: DataType, to: DataType, ansi = true): boolean {
  if (from.equals(to) || from instanceof NullType) return true;
  if (to instanceof StringType) return true;
  const datetime = (t: DataType): boolean => t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
  if (from instanceof StringType) {
    return to instanceof NumericType || to instanceof BooleanType || to instanceof BinaryType || datetime(to);
  }
  if (from instanceof NumericType || from instanceof BooleanType) {
    if (to instanceof NumericType || to instanceof BooleanType) return true;
    if (to instanceof TimestampType) return from instanceof NumericType || !ansi;
    if (to instanceof BinaryType) return !ansi && from instanceof IntegralType;
    return false;
  }
  if (datetime(from)) {
    if (datetime(to)) return true;
    // Spark 4's canAnsiCast allows a timestamp to any numeric type (seconds since the epoch), not to a boolean.
    if (from instanceof TimestampType && to instanceof NumericType) return true;
    if (from instanceof TimestampType && to instanceof BooleanType) return !ansi;
    return false;
  }
  if (from instanceof ArrayType && to instanceof ArrayType) return canCast(from.elementType, to.elementType, ansi);
  if (from instanceof MapType && to instanceof MapType) {
    return canCast(from.keyType, to.keyType, ansi) && canCast(from.valueType, to.valueType, ansi);
  }
  if (from instanceof StructType && to instanceof StructType) {
    return from.length === to.length && from.fields.every((f, i) => canCast(f.dataType, to.fields[i].dataType, ansi));
  }
  return false;
}

/** `CAST(value AS to)` where `value` is of type `from`. Null stays null. */
export function cast(value: unknown, from: DataType, to: DataType, options: CastOptions = {}): unknown {
  return castFunction(from, to, options)(value);
}

/** Spark's `try_cast`: ANSI rules, but null where the cast would fail at run time. */
export function tryCast(value: unknown, from: DataType, to: DataType, options: Omit<CastOptions, 'ansi'> = {}): unknown {
  return tryCastFunction(from, to, options)(value);
}

/**
 * The cast from `from` to `to` as a function of one value, checked once (an impossible cast
 * throws here, not per value): what generated code calls in a loop.
 */
export function castFunction(from: DataType, to: DataType, options: CastOptions = {}): (value: unknown) => unknown {
  const ansi = options.ansi ?? true;
  if (!canCast(from, to, ansi)) throw cannotCast(from, to);
  const ctx: Context = { ansi, timeZone: options.timeZone ?? defaultTimeZone() };
  return (value) => castValue(value, from, to, ctx);
}

/** `try_cast` as a function of one value (see castFunction). */
export function tryCastFunction(from: DataType, to: DataType, options: Omit<CastOptions, 'ansi'> = {}): (value: unknown) => unknown {
  const strict = castFunction(from, to, { ...options, ansi: true });
  return (value) => {
    try {
      return strict(value);
    } catch {
      return null;
    }
  };
}

function castValue(value: unknown, from: DataType, to: DataType, ctx: Context): unknown {
  if (value === null || value === undefined) return null;
  if (from.equals(to)) return value;
  if (to instanceof StringType) {
    return cellText(value, from, { timeZone: ctx.timeZone, nullText: 'null', binaryAsUtf8: true });
  }
  if (from instanceof StringType) return fromString(String(value), to, ctx);
  if (to instanceof NumericType) {
    if (from instanceof BooleanType) return toNumeric(fromBoolean(value as boolean), new IntegerType(), to, ctx.ansi);
    if (from instanceof TimestampType) return timestampToNumeric(value as Date, to, ctx);
    return toNumeric(value as LongValue, from, to, ctx.ansi);
  }
  if (to instanceof BooleanType) {
    if (from instanceof TimestampType) return (value as Date).getTime() !== 0;
    return Number(value) !== 0;
  }
  if (to instanceof BinaryType) return integralBytes(value as number | bigint, from);
  if (to instanceof DateType || to instanceof TimestampType || to instanceof TimestampNTZType) {
    return toDatetime(value, from, to, ctx);
  }
  if (from instanceof ArrayType && to instanceof ArrayType) {
    return (value as unknown[]).map((v) => castValue(v, from.elementType, to.elementType, ctx));
  }
  if (from instanceof MapType && to instanceof MapType) {
    const entries = value instanceof Map ? [...value] : Object.entries(value as object);
    return new Map(entries.map(([k, v]) => [castValue(k, from.keyType, to.keyType, ctx), castValue(v, from.valueType, to.valueType, ctx)]));
  }
  if (from instanceof StructType && to instanceof StructType) {
    const values = Array.isArray(value) ? value : from.fields.map((f) => (value as Record<string, unknown>)[f.name]);
    return Object.fromEntries(to.fields.map((f, i) => [f.name, castValue(values[i], from.fields[i].dataType, f.dataType, ctx)]));
  }
  throw cannotCast(from, to);
}

function fromString(text: string, to: DataType, ctx: Context): unknown {
  const fail = (): null => {
    if (ctx.ansi) throw invalidInput(text, new StringType(), to);
    return null;
  };
  if (to instanceof NumericType) {
    const parsed = stringToNumeric(text, to, ctx.ansi);
    if (parsed === undefined) return fail();
    return to instanceof DecimalType ? toDecimal(Number(parsed), to, ctx.ansi) : parsed;
  }
  if (to instanceof BooleanType) {
    const t = text.trim().toLowerCase();
    if (['t', 'true', 'y', 'yes', '1'].includes(t)) return true;
    if (['f', 'false', 'n', 'no', '0'].includes(t)) return false;
    return fail();
  }
  if (to instanceof DateType) return parseDate(text) ?? fail();
  if (to instanceof TimestampType) return parseTimestamp(text, ctx.timeZone) ?? fail();
  if (to instanceof TimestampNTZType) return parseTimestamp(text, 'UTC') ?? fail();
  if (to instanceof BinaryType) return new TextEncoder().encode(text);
  throw cannotCast(new StringType(), to);
}

function toDatetime(value: unknown, from: DataType, to: DataType, ctx: Context): Date | null {
  if (from instanceof NumericType || from instanceof BooleanType) {
    // Seconds since the epoch; a NaN or infinite double is CAST_INVALID_INPUT under ANSI (doubleToTimestampAnsi), else null.
    const seconds = Number(value);
    if (!Number.isFinite(seconds)) {
      if (ctx.ansi) throw invalidInput(value, from, to);
      return null;
    }
    return new Date(Math.floor(seconds * 1000));
  }
  const date = value as Date;
  // The wall clock the value shows, as UTC milliseconds: dates and timestamp_ntz hold it already.
  const wall = from instanceof TimestampType ? date.getTime() + zoneOffsetMs(date.getTime(), ctx.timeZone) : date.getTime();
  if (to instanceof DateType) return new Date(Math.floor(wall / 86_400_000) * 86_400_000);
  if (to instanceof TimestampNTZType) return new Date(wall);
  return instantOfWallClock(wall, ctx.timeZone) ?? null;
}

/**
 * A timestamp as seconds since the epoch: fractional for float, double and decimal, floored for
 * integral types, where one out of range is CAST_OVERFLOW under ANSI (the value written as Spark's
 * TIMESTAMP literal in the session time zone) and wraps otherwise.
 */
function timestampToNumeric(date: Date, to: DataType, ctx: Context): unknown {
  const seconds = date.getTime() / 1000;
  if (to instanceof FractionalType) return toNumeric(seconds, new DoubleType(), to, ctx.ansi);
  try {
    return toNumeric(Math.floor(seconds), new LongType(), to, ctx.ansi);
  } catch {
    throw castOverflow(`TIMESTAMP '${cellText(date, new TimestampType(), { timeZone: ctx.timeZone })}'`, new TimestampType(), to);
  }
}

/** Spark's integral → binary: the value's big-endian two's-complement bytes at its width. */
function integralBytes(value: number | bigint, from: DataType): Uint8Array {
  const width = ({ byte: 1, short: 2, integer: 4, long: 8 } as Record<string, number>)[from.typeName()] ?? 8;
  const out = new Uint8Array(width);
  let v = BigInt.asUintN(width * 8, BigInt(value));
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
