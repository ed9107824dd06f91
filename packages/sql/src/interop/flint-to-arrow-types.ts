/**
 * Flint's data types as Apache Arrow types, as Spark's ArrowUtils maps them: integers to signed ints
 * of their width, `decimal(p,s)` to Decimal128, `date` to Date32<DAY>, `timestamp` to
 * Timestamp<MICROSECOND, UTC> (`timestamp_ntz` without a zone), arrays to List<element>, maps to
 * Map<entries: key, value>, structs to Struct. Loaded only by `df.toArrow()` (see rows-to-arrow.ts).
 */
import * as Arrow from 'apache-arrow';
import type { ArrayType, DataType, DecimalType, MapType, StructType } from '../types/index.js';

export function toArrowType(type: DataType): Arrow.DataType {
  switch (type.typeName()) {
    case 'void': return new Arrow.Null();
    case 'boolean': return new Arrow.Bool();
    case 'byte': return new Arrow.Int8();
    case 'short': return new Arrow.Int16();
    case 'integer': return new Arrow.Int32();
    case 'long': return new Arrow.Int64();
    case 'float': return new Arrow.Float32();
    case 'double': return new Arrow.Float64();
    case 'decimal': {
      const { precision, scale } = type as DecimalType;
      return new Arrow.Decimal(scale, precision, 128);
    }
    case 'string': return new Arrow.Utf8();
    case 'binary': return new Arrow.Binary();
    case 'date': return new Arrow.DateDay();
    case 'timestamp': return new Arrow.TimestampMicrosecond('UTC');
    case 'timestamp_ntz': return new Arrow.TimestampMicrosecond();
    case 'array': {
      const { elementType, containsNull } = type as ArrayType;
      return new Arrow.List(new Arrow.Field('element', toArrowType(elementType), containsNull));
    }
    case 'map': {
      const { keyType, valueType, valueContainsNull } = type as MapType;
      const entries = new Arrow.Struct([new Arrow.Field('key', toArrowType(keyType), false), new Arrow.Field('value', toArrowType(valueType), valueContainsNull)]);
      return new Arrow.Map_(new Arrow.Field('entries', entries, false));
    }
    case 'struct':
      return new Arrow.Struct(arrowFields(type as StructType));
    default:
      throw new Error(`[UNSUPPORTED_DATATYPE] Unsupported data type ${type.simpleString()} for Arrow.`);
  }
}

export function arrowFields(schema: StructType): Arrow.Field[] {
  return schema.fields.map((f) => new Arrow.Field(f.name, toArrowType(f.dataType), f.nullable));
}
