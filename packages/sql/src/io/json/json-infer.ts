/**
 * Schema inference for JSON documents, as Spark's JsonInferSchema does it: integers are
 * `bigint` (beyond bigint: decimal(p,0)), other numbers `double`, strings `string`, objects
 * structs with their fields sorted by name, arrays arrays of their elements' common type.
 * Types merge across documents: numbers widen (bigint + double = double), structs take the
 * union of their fields, and anything else that disagrees becomes a string. A field that was
 * only ever null (or an empty array's element) is a string in the end.
 */
import {
  ArrayType, BooleanType, DataType, DecimalType, DoubleType, LongType, NullType, StringType, StructField, StructType,
} from '../../types/index.js';
import type { JsonOptions } from './json-options.js';
import { JsonFraction } from './json-parser.js';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A JSON number's type from its source text (JSON.parse loses the difference between 1 and 1.0). */
export function jsonNumberType(text: string, options: JsonOptions): DataType {
  if (/^-?\d+$/.test(text)) {
    const big = BigInt(text);
    if (big >= LONG_MIN && big <= LONG_MAX) return new LongType();
    const digits = text.replace('-', '').length;
    return digits <= 38 ? new DecimalType(digits, 0) : new DoubleType();
  }
  if (options.prefersDecimal) {
    const [mantissa, exponent = '0'] = text.replace('-', '').toLowerCase().split('e');
    const [whole, fraction = ''] = mantissa.split('.');
    const scale = Math.max(fraction.length - Number(exponent), 0);
    const precision = Math.max(whole.replace(/^0+/, '').length + scale, scale, 1);
    if (precision <= 38) return new DecimalType(precision, scale);
  }
  return new DoubleType();
}

function isNumericName(name: string): boolean {
  return name === 'long' || name === 'decimal' || name === 'double';
}

export function mergeJsonTypes(a: DataType, b: DataType): DataType {
  const an = a.typeName();
  const bn = b.typeName();
  if (an === 'void') return b;
  if (bn === 'void') return a;
  if (a instanceof StructType && b instanceof StructType) {
    const byName = new Map<string, DataType>();
    for (const f of [...a.fields, ...b.fields]) {
      const seen = byName.get(f.name);
      byName.set(f.name, seen ? mergeJsonTypes(seen, f.dataType) : f.dataType);
    }
    return structSorted([...byName].map(([name, type]) => new StructField(name, type, true)));
  }
  if (a instanceof ArrayType && b instanceof ArrayType) return new ArrayType(mergeJsonTypes(a.elementType, b.elementType), true);
  if (isNumericName(an) && isNumericName(bn)) {
    if (an === 'double' || bn === 'double') return new DoubleType();
    if (an === 'long' && bn === 'long') return a;
    const digits = (t: DataType) => (t instanceof DecimalType ? t.precision - t.scale : 20);
    const scale = Math.max(a instanceof DecimalType ? a.scale : 0, b instanceof DecimalType ? b.scale : 0);
    const range = Math.max(digits(a), digits(b));
    return range + scale > 38 ? new DoubleType() : new DecimalType(range + scale, scale);
  }
  if (a.equals(b)) return a;
  return new StringType();
}

function structSorted(fields: StructField[]): StructType {
  return new StructType([...fields].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)));
}

/** The type of one value from parseJsonDocument. */
export function inferJsonValueType(value: unknown, options: JsonOptions): DataType {
  if (value === null) return new NullType();
  if (options.primitivesAsString && (typeof value !== 'object' || value instanceof JsonFraction)) return new StringType();
  switch (typeof value) {
    case 'string': return new StringType();
    case 'boolean': return new BooleanType();
    case 'number':
    case 'bigint': return jsonNumberType(String(value), options);
  }
  if (value instanceof JsonFraction) return jsonNumberType(value.text, options);
  if (Array.isArray(value)) {
    let element: DataType = new NullType();
    for (const v of value) element = mergeJsonTypes(element, inferJsonValueType(v, options));
    return new ArrayType(element, true);
  }
  const fields = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => new StructField(k, inferJsonValueType(v, options), true),
  );
  return structSorted(fields);
}

/** Spark's canonicalizeType: `void` becomes `string`, inside arrays and structs too. */
export function canonicalJsonType(type: DataType): DataType {
  if (type instanceof NullType) return new StringType();
  if (type instanceof ArrayType) return new ArrayType(canonicalJsonType(type.elementType), true);
  if (type instanceof StructType) return new StructType(type.fields.map((f) => new StructField(f.name, canonicalJsonType(f.dataType), true)));
  return type;
}
