/**
 * `printSchema()`'s text: Spark's `StructType.treeString`, byte for byte —
 * `root`, then ` |-- name: type (nullable = true)` with nested arrays, maps and structs
 * indented by `    |` per level. Ends with a newline, as Spark's does.
 */
import { DecimalType, type DataType } from '../types/data-type.js';
import { ArrayType, MapType, StructType, type StructField } from '../types/complex-types.js';
import { escapeMetaCharacters } from './escape.js';

export function treeString(schema: StructType, maxDepth = Number.MAX_SAFE_INTEGER): string {
  const out: string[] = ['root\n'];
  const depth = maxDepth > 0 ? maxDepth : Number.MAX_SAFE_INTEGER;
  for (const field of schema.fields) appendField(field, ' |', out, depth);
  return out.join('');
}

/** Scala's `DataType.typeName`, which differs from PySpark's only for decimals (`decimal(10,2)`). */
function treeTypeName(type: DataType): string {
  return type instanceof DecimalType ? type.simpleString() : type.typeName();
}

function appendField(field: StructField, prefix: string, out: string[], maxDepth: number): void {
  if (maxDepth <= 0) return;
  out.push(`${prefix}-- ${escapeMetaCharacters(field.name)}: ${treeTypeName(field.dataType)} (nullable = ${field.nullable})\n`);
  appendNested(field.dataType, `${prefix}    |`, out, maxDepth);
}

function appendNested(type: DataType, prefix: string, out: string[], maxDepth: number): void {
  const depth = maxDepth - 1;
  if (depth <= 0) return;
  if (type instanceof StructType) {
    for (const field of type.fields) appendField(field, prefix, out, depth);
  } else if (type instanceof ArrayType) {
    out.push(`${prefix}-- element: ${treeTypeName(type.elementType)} (containsNull = ${type.containsNull})\n`);
    appendNested(type.elementType, `${prefix}    |`, out, depth);
  } else if (type instanceof MapType) {
    out.push(`${prefix}-- key: ${treeTypeName(type.keyType)}\n`);
    appendNested(type.keyType, `${prefix}    |`, out, depth);
    out.push(`${prefix}-- value: ${treeTypeName(type.valueType)} (valueContainsNull = ${type.valueContainsNull})\n`);
    appendNested(type.valueType, `${prefix}    |`, out, depth);
  }
}
