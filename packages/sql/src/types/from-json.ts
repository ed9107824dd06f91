/**
 * Reads a type back from its `jsonValue()` / `json()` form (PySpark's `_parse_datatype_json_value`),
 * so schemas can be stored beside data and restored exactly.
 */
import { DataType, type JsonValue } from './data-type.js';
import { ArrayType, MapType, StructField, StructType, type FieldMetadata } from './complex-types.js';
import { parseDataType } from './ddl.js';

export function dataTypeFromJson(json: string | JsonValue): DataType {
  const value: JsonValue = typeof json === 'string' && /^\s*[[{"]/.test(json) ? JSON.parse(json) : json;
  return fromJsonValue(value);
}

function fromJsonValue(value: JsonValue): DataType {
  if (typeof value === 'string') {
    return parseDataType(value === 'null' ? 'void' : value);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Could not parse a data type from JSON: ${JSON.stringify(value)}`);
  }
  switch (value.type) {
    case 'array':
      return new ArrayType(fromJsonValue(value.elementType), value.containsNull !== false);
    case 'map':
      return new MapType(fromJsonValue(value.keyType), fromJsonValue(value.valueType), value.valueContainsNull !== false);
    case 'struct': {
      const fields = Array.isArray(value.fields) ? value.fields : [];
      return new StructType(fields.map(fieldFromJson));
    }
    default:
      throw new Error(`Could not parse a data type from JSON: ${JSON.stringify(value)}`);
  }
}

function fieldFromJson(value: JsonValue): StructField {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof value.name !== 'string') {
    throw new Error(`Could not parse a struct field from JSON: ${JSON.stringify(value)}`);
  }
  const metadata = (value.metadata ?? {}) as FieldMetadata;
  return new StructField(value.name, fromJsonValue(value.type), value.nullable !== false, metadata);
}
