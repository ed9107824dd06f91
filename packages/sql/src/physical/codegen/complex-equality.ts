/**
 * `=` and `<=>` over structs, arrays, maps and binary values, as Spark compares them (its
 * ordering's equiv): field by field, element by element, byte by byte; inside them null equals
 * null and NaN equals NaN. Plain `===` compared such values by identity, so
 * `record = named_struct('a', 1)` was never true. Structs are plain objects (fields in order),
 * arrays arrays, maps Maps, binary Uint8Arrays.
 */
import type { DataType } from '../../types/index.js';

const COMPLEX_TYPES = new Set(['struct', 'array', 'map', 'binary']);

export const isComplexType = (t: DataType): boolean => COMPLEX_TYPES.has(t.typeName());

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
