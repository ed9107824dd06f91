/**
 * A type as Spark's `DataType.sql` spells it (schema_of_json, schema_of_csv, error messages):
 * upper-case names, `STRUCT<a: BIGINT, b: STRING>`, `ARRAY<INT>`, `MAP<STRING, INT>`, field
 * names in backticks unless they are plain identifiers, `NOT NULL` on non-nullable fields.
 */
import { ArrayType, MapType, StructType } from './complex-types.js';
import type { DataType } from './data-type.js';

function fieldName(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) && !/^\d+$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

export function sqlTypeText(type: DataType): string {
  if (type instanceof StructType) {
    return `STRUCT<${type.fields.map((f) => `${fieldName(f.name)}: ${sqlTypeText(f.dataType)}${f.nullable ? '' : ' NOT NULL'}`).join(', ')}>`;
  }
  if (type instanceof ArrayType) return `ARRAY<${sqlTypeText(type.elementType)}>`;
  if (type instanceof MapType) return `MAP<${sqlTypeText(type.keyType)}, ${sqlTypeText(type.valueType)}>`;
  return type.simpleString().toUpperCase();
}
