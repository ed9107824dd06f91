/**
 * Schema inference from JavaScript values, PySpark's rules (`_infer_type`, `_infer_schema`,
 * `_merge_type`) mapped to JS (DESIGN.md §8): a safe integer is `bigint`, any other number
 * `double` (-0 too: a bigint has no -0, and the sign is what atan2 or 1/x see), a Date `timestamp`, a plain object `struct`, an array `array`, a Map `map`,
 * a Uint8Array `binary`. Types merge across rows; as JS cannot tell `1.0` from `1`,
 * `bigint` merged with `double` is `double`.
 */
import {
  BinaryType,
  BooleanType,
  DataType,
  DoubleType,
  LongType,
  NullType,
  StringType,
  TimestampType,
} from './data-type.js';
import { ArrayType, MapType, StructField, StructType } from './complex-types.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The Spark type of one JS value; null and undefined are `void` (NullType). */
export function inferType(value: unknown): DataType {
  if (value === null || value === undefined) return new NullType();
  switch (typeof value) {
    case 'boolean':
      return new BooleanType();
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? new LongType() : new DoubleType();
    case 'bigint':
      return new LongType();
    case 'string':
      return new StringType();
  }
  if (value instanceof Date) return new TimestampType();
  if (value instanceof Uint8Array) return new BinaryType();
  if (Array.isArray(value)) {
    return new ArrayType(value.map(inferType).reduce((a, b) => mergeTypes(a, b), new NullType() as DataType), true);
  }
  if (value instanceof Map) {
    let keyType: DataType = new NullType();
    let valueType: DataType = new NullType();
    for (const [k, v] of value) {
      keyType = mergeTypes(keyType, inferType(k));
      valueType = mergeTypes(valueType, inferType(v));
    }
    return new MapType(keyType, valueType, true);
  }
  if (isPlainObject(value)) {
    return new StructType(Object.entries(value).map(([k, v]) => new StructField(k, inferType(v), true)));
  }
  throw new Error(`[CANNOT_INFER_TYPE_FOR_FIELD] Can not infer a Spark type for ${describe(value)}.`);
}

/**
 * PySpark's `_merge_type`: null yields to the other type, numbers widen to double, structs
 * merge field by field (fields missing on one side are kept), and anything else must agree.
 */
export function mergeTypes(a: DataType, b: DataType, fieldName?: string): DataType {
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof LongType && b instanceof DoubleType) return b;
  if (a instanceof DoubleType && b instanceof LongType) return a;
  if (a instanceof StructType && b instanceof StructType) {
    const other = new Map(b.fields.map((f) => [f.name, f]));
    const merged = a.fields.map((f) => {
      const match = other.get(f.name);
      const path = fieldName === undefined ? f.name : `${fieldName}.${f.name}`;
      return match === undefined ? f : new StructField(f.name, mergeTypes(f.dataType, match.dataType, path), true);
    });
    const known = new Set(a.names);
    return new StructType([...merged, ...b.fields.filter((f) => !known.has(f.name))]);
  }
  if (a instanceof ArrayType && b instanceof ArrayType) {
    return new ArrayType(mergeTypes(a.elementType, b.elementType, fieldName && `element in array field ${fieldName}`), true);
  }
  if (a instanceof MapType && b instanceof MapType) {
    return new MapType(
      mergeTypes(a.keyType, b.keyType, fieldName && `key of map field ${fieldName}`),
      mergeTypes(a.valueType, b.valueType, fieldName && `value of map field ${fieldName}`),
      true,
    );
  }
  if (a.equals(b)) return a;
  const where = fieldName === undefined ? '' : ` (field ${fieldName})`;
  throw new Error(`[CANNOT_MERGE_TYPE] Can not merge type \`${a.constructor.name}\` and \`${b.constructor.name}\`${where}.`);
}

/**
 * The schema of `createDataFrame(rows)` without a schema. Rows are plain objects (columns are
 * their keys, sorted by name as PySpark sorts dict keys) or arrays (columns `_1`, `_2`, ... or
 * `names`). Throws PySpark's CANNOT_DETERMINE_TYPE when a column, or something nested in one,
 * is null in every row.
 */
export function inferSchema(rows: readonly unknown[], names?: readonly string[]): StructType {
  if (rows.length === 0) throw new Error('[CANNOT_INFER_EMPTY_SCHEMA] Can not infer schema from an empty dataset.');
  let schema: DataType = new NullType();
  for (const row of rows) schema = mergeTypes(schema, rowType(row, names));
  let struct = schema as StructType;
  if (names !== undefined && !Array.isArray(rows[0])) {
    // Column names given with object rows rename the inferred columns by position, as PySpark does.
    struct = new StructType(struct.fields.map((f, i) => (i < names.length ? new StructField(names[i], f.dataType, true) : f)));
  }
  if (struct.fields.some((f) => hasNullType(f.dataType))) {
    throw new Error('[CANNOT_DETERMINE_TYPE] Some of types cannot be determined after inferring.');
  }
  return struct;
}

function rowType(row: unknown, names?: readonly string[]): StructType {
  if (Array.isArray(row)) {
    return new StructType(row.map((v, i) => new StructField(names?.[i] ?? `_${i + 1}`, inferType(v), true)));
  }
  if (isPlainObject(row)) {
    const keys = Object.keys(row).sort();
    return new StructType(keys.map((k) => new StructField(k, inferType(row[k]), true)));
  }
  throw new Error(`[CANNOT_INFER_SCHEMA_FOR_TYPE] Can not infer schema for type: ${describe(row)}.`);
}

export function hasNullType(type: DataType): boolean {
  if (type instanceof NullType) return true;
  if (type instanceof ArrayType) return hasNullType(type.elementType);
  if (type instanceof MapType) return hasNullType(type.keyType) || hasNullType(type.valueType);
  if (type instanceof StructType) return type.fields.some((f) => hasNullType(f.dataType));
  return false;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'object';
}
