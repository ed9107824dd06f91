/**
 * A UDF's result as the engine keeps a value of its declared return type. A value that is not of
 * that type is null, as Spark's EvaluatePython.makeFromJava makes a Python UDF's mismatched result
 * (an `int` UDF returning 'abc' or 2.5 gives null), except that any value becomes a string's text.
 * Integers wrap to their width as Java's narrowing does; a `Date` is a date's day or a timestamp's
 * milliseconds; a struct is read from an object by field name or from an array by position.
 */
import type { ArrayType, DataType, MapType, StructType } from '../../types/index.js';

const DAY_MS = 86400000;

const INTEGER_WIDTH: Readonly<Record<string, string>> = {
  byte: '(x << 24) >> 24',
  short: '(x << 16) >> 16',
  integer: 'x | 0',
};

/** A long: its 64 bits in the engine's exact form (types/long-value.ts; generated code has LONG_HELPERS). */
const LONG = `(typeof v === 'bigint' ? sqlLong(BigInt.asIntN(64, v)) : typeof v === 'number' && Number.isInteger(v) ? (Number.isSafeInteger(v) ? v + 0 : sqlLong(BigInt.asIntN(64, BigInt(v)))) : null)`;

/**
 * The source of an arrow function converting a UDF's result to `type` (null for a mismatch).
 * `hoist` makes the source of an element's, entry's or field's converter a name, made once
 * (CodegenContext.constant), not once per row, entry or field.
 */
export function udfResultSource(type: DataType, hoist: (source: string) => string): string {
  return `((v) => v === null || v === undefined ? null : ${convert(type, hoist)})`;
}

/** Whether a value of `type` is or holds a long (then the converter calls LONG_HELPERS' sqlLong). */
export function containsLong(type: DataType): boolean {
  switch (type.typeName()) {
    case 'long':
      return true;
    case 'array':
      return containsLong((type as ArrayType).elementType);
    case 'map':
      return containsLong((type as MapType).keyType) || containsLong((type as MapType).valueType);
    case 'struct':
      return (type as StructType).fields.some((f) => containsLong(f.dataType));
    default:
      return false;
  }
}

function convert(type: DataType, hoist: (source: string) => string): string {
  const name = type.typeName();
  if (name === 'long') return LONG;
  const width = INTEGER_WIDTH[name];
  if (width !== undefined) {
    return `(typeof v === 'bigint' ? ${width.replace('x', 'Number(BigInt.asIntN(64, v))')} : typeof v === 'number' && Number.isInteger(v) ? ${width.replace('x', 'v')} : null)`;
  }
  const nested = (inner: DataType) => hoist(udfResultSource(inner, hoist));
  switch (name) {
    case 'boolean':
      return `(typeof v === 'boolean' ? v : null)`;
    case 'float':
      return `(typeof v === 'number' ? Math.fround(v) : null)`;
    case 'double':
    case 'decimal':
      return `(typeof v === 'number' ? v : null)`;
    case 'string':
      return `(typeof v === 'string' ? v : String(v))`;
    case 'binary':
      return `(v instanceof Uint8Array ? v : typeof v === 'string' ? new TextEncoder().encode(v) : null)`;
    case 'date':
      return `(v instanceof Date ? Math.floor(v.getTime() / ${DAY_MS}) : null)`;
    case 'timestamp':
    case 'timestamp_ntz':
      return `(v instanceof Date ? v.getTime() : null)`;
    case 'array':
      return `(Array.isArray(v) ? v.map(${nested((type as ArrayType).elementType)}) : null)`;
    case 'map': {
      const { keyType, valueType } = type as MapType;
      const entries = `(v instanceof Map ? [...v] : Object.entries(v))`;
      return `(typeof v === 'object' ? new Map(${entries}.map(([k, x]) => [${nested(keyType)}(k), ${nested(valueType)}(x)])) : null)`;
    }
    case 'struct': {
      const fields = (type as StructType).fields.map(
        (f, i) => `${JSON.stringify(f.name)}: ${nested(f.dataType)}(Array.isArray(v) ? v[${i}] : v[${JSON.stringify(f.name)}])`,
      );
      return `(typeof v === 'object' && !(v instanceof Date) ? { ${fields.join(', ')} } : null)`;
    }
    default:
      return 'v';
  }
}
