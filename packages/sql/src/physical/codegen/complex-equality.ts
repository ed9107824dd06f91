/**
 * `=`, `<=>`, `<`, `<=`, `>`, `>=` over structs, arrays, maps and binary values, as Spark compares
 * them (its interpreted ordering): field by field, element by element, unsigned byte by byte, a
 * shorter prefix first; inside them null equals null and sorts first, NaN equals NaN and sorts
 * last. Plain JavaScript compared such values by identity (=) or as text (<), so
 * `record = named_struct('a', 1)` was never true and `array(10) < array(9)` was. Structs are
 * plain objects (fields in order), arrays arrays, maps Maps, binary Uint8Arrays.
 */
import type { DataType } from '../../types/index.js';

const COMPLEX_TYPES = new Set(['struct', 'array', 'map', 'binary']);

export const isComplexType = (t: DataType): boolean => COMPLEX_TYPES.has(t.typeName());

/** Types whose values are JS primitives (numbers, bigints, strings, booleans): `===` and a Map compare them by value. */
const PRIMITIVE_VALUED_TYPES = new Set(['string', 'boolean', 'byte', 'short', 'integer', 'long', 'float', 'double', 'decimal', 'date', 'timestamp', 'timestamp_ntz']);

export const isPrimitiveValued = (t: DataType): boolean => PRIMITIVE_VALUED_TYPES.has(t.typeName());

/**
 * Code for SQL `l = r` of two non-null values of `type` (`l`, `r` are variables or literals, read
 * twice): `===` with NaN equal to NaN for primitive values, else by value (sqlEquals, SQL_EQUALS).
 */
export const equalsCode = (l: string, r: string, type: DataType): string =>
  isPrimitiveValued(type) ? `${l} === ${r} || (${l} !== ${l} && ${r} !== ${r})` : `sqlEquals(${l}, ${r})`;

export const SQL_EQUALS = `function sqlEquals(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a !== a && b !== b;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const items = (v) => (v instanceof Map ? [...v].flat() : Array.isArray(v) || ArrayBuffer.isView(v) ? v : Object.values(v));
  const x = items(a), y = items(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!sqlEquals(x[i], y[i])) return false;
  return true;
}`;

export const SQL_COMPARE = `function sqlCompare(a, b) {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : a !== a ? (b !== b ? 0 : 1) : -1;
  if (typeof a !== 'object') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date) return sqlCompare(a.getTime(), b.getTime());
  const items = (v) => (v instanceof Map ? [...v].flat() : Array.isArray(v) || ArrayBuffer.isView(v) ? v : Object.values(v));
  const x = items(a), y = items(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) { const c = sqlCompare(x[i], y[i]); if (c !== 0) return c; }
  return x.length - y.length;
}`;
