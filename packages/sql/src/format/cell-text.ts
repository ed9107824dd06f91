/**
 * One value as `show()` prints it: Spark's `ToPrettyString` (a cast to string that prints null
 * as `NULL`, also inside arrays, maps and structs, and binary as hex bytes). With `nullText`
 * 'null' and `binaryAsUtf8` it is Spark's plain `CAST(x AS STRING)` of nested values.
 */
import {
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegralType,
  NullType,
  TimestampNTZType,
  TimestampType,
} from '../types/data-type.js';
import { ArrayType, MapType, StructType } from '../types/complex-types.js';
import {
  DayTimeIntervalType,
  YearMonthIntervalType,
  dayTimeIntervalText,
  yearMonthIntervalText,
} from '../types/interval-types.js';
import { CalendarIntervalType, calendarIntervalText, type CalendarInterval } from '../types/calendar-interval.js';
import { doubleToJavaString, floatToJavaString } from './java-number.js';
import { formatDate, formatTimestamp } from './datetime-text.js';
import { decimalToString } from './decimal-text.js';

export interface CellTextOptions {
  /** The session time zone timestamps are shown in (an IANA name such as 'Europe/Paris'). */
  timeZone: string;
  /** How a null inside an array, map or struct prints: `NULL` (show) or `null` (cast). */
  nullText?: string;
  /** Binary as its UTF-8 text (cast) instead of hex bytes (show). */
  binaryAsUtf8?: boolean;
}

export function cellText(value: unknown, type: DataType, options: CellTextOptions): string {
  if (value === null || value === undefined || type instanceof NullType) return options.nullText ?? 'NULL';
  if (type instanceof DoubleType) return doubleToJavaString(Number(value));
  if (type instanceof FloatType) return floatToJavaString(Number(value));
  if (type instanceof IntegralType) return integerText(value);
  if (type instanceof DecimalType) return decimalToString(value as number | bigint | string, type.scale);
  if (type instanceof BooleanType) return value ? 'true' : 'false';
  if (type instanceof DateType) return value instanceof Date ? formatDate(value) : String(value);
  if (type instanceof TimestampType) return value instanceof Date ? formatTimestamp(value, options.timeZone) : String(value);
  if (type instanceof TimestampNTZType) return value instanceof Date ? formatTimestamp(value, 'UTC') : String(value);
  if (type instanceof DayTimeIntervalType) return dayTimeIntervalText(Number(value), type);
  if (type instanceof YearMonthIntervalType) return yearMonthIntervalText(Number(value), type);
  if (type instanceof CalendarIntervalType) return calendarIntervalText(value as CalendarInterval);
  if (type instanceof BinaryType && value instanceof Uint8Array) {
    return options.binaryAsUtf8 ? new TextDecoder().decode(value) : binaryText(value);
  }
  if (type instanceof ArrayType && Array.isArray(value)) {
    return `[${value.map((v) => cellText(v, type.elementType, options)).join(', ')}]`;
  }
  if (type instanceof MapType) {
    const entries = value instanceof Map ? [...value] : Object.entries(value as object);
    const text = entries.map(([k, v]) => `${cellText(k, type.keyType, options)} -> ${cellText(v, type.valueType, options)}`);
    return `{${text.join(', ')}}`;
  }
  if (type instanceof StructType) {
    const values = Array.isArray(value) ? value : type.fields.map((f) => (value as Record<string, unknown>)[f.name]);
    return `{${type.fields.map((f, i) => cellText(values[i], f.dataType, options)).join(', ')}}`;
  }
  return String(value);
}

function integerText(value: unknown): string {
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}

/** Spark prints binary as its bytes in upper-case hex: `[01 0A FF]`. */
function binaryText(bytes: Uint8Array): string {
  return `[${Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}]`;
}
