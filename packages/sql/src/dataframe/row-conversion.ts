/**
 * Values between the user's JavaScript and the engine. Inside the engine a row is an array in
 * column order, a `date` is a day number (days since 1970-01-01), a `timestamp` epoch
 * milliseconds, a struct a plain object; users see plain objects per row, `Date`s, `Map`s.
 * Integers and decimals have no -0 (JavaScript arithmetic makes one, `-x` of 0): they cross as 0.
 * A double or float keeps its -0, as Spark's do.
 */
import { ArrayType, DataType, MapType, StructType } from '../types/index.js';
import { LONG_MAX, LONG_MIN, toLongValue, type LongValue } from '../types/long-value.js';

const DAY_MS = 86400000;

const SIGNLESS_NUMBERS = new Set(['long', 'integer', 'short', 'byte', 'decimal']);

/** 0 for -0; every other value as it is. */
const withoutNegativeZero = (value: unknown) => (value === 0 ? 0 : value);

/** A user value of type `type` as the engine keeps it. */
export function toInternal(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeName()) {
    case 'date':
      // The Date's UTC day (Date.UTC of its fields would take a year below 100 as 1900 + year).
      if (value instanceof Date) return Math.floor(value.getTime() / DAY_MS);
      if (typeof value === 'string') return Math.floor(Date.parse(`${value.slice(0, 10)}T00:00:00Z`) / DAY_MS);
      return value;
    case 'timestamp':
    case 'timestamp_ntz':
      return value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
    case 'long':
      return typeof value === 'bigint' || Number.isInteger(value) ? internalLong(value as number | bigint) : withoutNegativeZero(value);
    case 'integer':
    case 'short':
    case 'byte':
    case 'decimal':
      return typeof value === 'bigint' ? Number(value) : withoutNegativeZero(value);
    case 'double':
    case 'float':
      return typeof value === 'bigint' ? Number(value) : value;
    case 'array': {
      const element = (type as ArrayType).elementType;
      return (value as unknown[]).map((v) => toInternal(v, element));
    }
    case 'map': {
      const m = type as MapType;
      const entries = value instanceof Map ? [...value] : Object.entries(value as object);
      return new Map(entries.map(([k, v]) => [toInternal(k, m.keyType), toInternal(v, m.valueType)]));
    }
    case 'struct': {
      const s = type as StructType;
      const get = (name: string, i: number) => (Array.isArray(value) ? value[i] : (value as Record<string, unknown>)[name]);
      return Object.fromEntries(s.fields.map((f, i) => [f.name, toInternal(get(f.name, i), f.dataType)]));
    }
    default:
      return value;
  }
}

/** A JS integer (a bigint, or a number, exact past 2^53 too) as a long (types/long-value.ts), or PySpark's error past 64 bits. */
function internalLong(value: number | bigint): LongValue {
  const long = toLongValue(value);
  if (long !== undefined) return long;
  throw new RangeError(`[VALUE_OUT_OF_BOUNDS] Value for \`obj\` must be between ${LONG_MIN} and ${LONG_MAX} (inclusive), got ${value}`);
}

/** An engine value of type `type` as the user sees it. */
export function toExternal(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.typeName()) {
    case 'date':
      return new Date((value as number) * DAY_MS);
    case 'timestamp':
    case 'timestamp_ntz':
      return new Date(value as number);
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'decimal':
      return withoutNegativeZero(value);
    case 'array': {
      const element = (type as ArrayType).elementType;
      return (value as unknown[]).map((v) => toExternal(v, element));
    }
    case 'map': {
      const m = type as MapType;
      const entries = value instanceof Map ? [...value] : Object.entries(value as object);
      return new Map(entries.map(([k, v]) => [toExternal(k, m.keyType), toExternal(v, m.valueType)]));
    }
    case 'struct': {
      const s = type as StructType;
      return Object.fromEntries(s.fields.map((f) => [f.name, toExternal((value as Record<string, unknown>)[f.name], f.dataType)]));
    }
    default:
      return value;
  }
}

/** A converter of engine rows into the user's row objects (keys in column order). */
export function rowsToObjects(schema: StructType): (row: unknown[]) => Record<string, unknown> {
  const fields = schema.fields;
  const plain = fields.every((f) => !['date', 'timestamp', 'timestamp_ntz', 'array', 'map', 'struct'].includes(f.dataType.typeName()));
  const signless = fields.map((f) => SIGNLESS_NUMBERS.has(f.dataType.typeName()));
  return (row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      out[fields[i].name] = !plain ? toExternal(row[i], fields[i].dataType) : signless[i] ? withoutNegativeZero(row[i]) : row[i];
    }
    return out;
  };
}
