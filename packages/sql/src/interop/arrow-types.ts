/**
 * Flint's data types as Apache Arrow types and back, as Spark's ArrowUtils maps them: integers
 * to signed ints of their width, `decimal(p,s)` to Decimal128, `date` to Date32<DAY>, `timestamp`
 * to Timestamp<MICROSECOND, UTC> (`timestamp_ntz` without a zone), arrays to List<element>,
 * maps to Map<entries: key, value>, structs to Struct. Arrow types Flint has no exact match for
 * are read as the nearest wider one (unsigned ints, half floats, other date and time units,
 * large strings, dictionaries as their values).
 */
import * as Arrow from 'apache-arrow';
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType,
  LongType, MapType, NullType, ShortType, StringType, StructField, StructType, TimestampNTZType, TimestampType,
} from '../types/index.js';

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

export function fromArrowType(type: Arrow.DataType): DataType {
  switch (type.typeId) {
    case Arrow.Type.Null: return new NullType();
    case Arrow.Type.Bool: return new BooleanType();
    case Arrow.Type.Int: return integerType(type as Arrow.Int);
    case Arrow.Type.Float: return (type as Arrow.Float).precision === Arrow.Precision.DOUBLE ? new DoubleType() : new FloatType();
    case Arrow.Type.Decimal: {
      const { precision, scale } = type as Arrow.Decimal;
      return new DecimalType(precision, scale);
    }
    case Arrow.Type.Utf8:
    case Arrow.Type.LargeUtf8: return new StringType();
    case Arrow.Type.Binary:
    case Arrow.Type.LargeBinary:
    case Arrow.Type.FixedSizeBinary: return new BinaryType();
    case Arrow.Type.Date: return new DateType();
    case Arrow.Type.Timestamp: return (type as Arrow.Timestamp).timezone ? new TimestampType() : new TimestampNTZType();
    case Arrow.Type.List:
    case Arrow.Type.FixedSizeList: {
      const element = (type as Arrow.List).children[0];
      return new ArrayType(fromArrowType(element.type), element.nullable);
    }
    case Arrow.Type.Map: {
      const [key, value] = (type as Arrow.Map_).children[0].type.children;
      return new MapType(fromArrowType(key.type), fromArrowType(value.type), value.nullable);
    }
    case Arrow.Type.Struct: return new StructType(schemaFields((type as Arrow.Struct).children));
    case Arrow.Type.Dictionary: return fromArrowType((type as Arrow.Dictionary).dictionary);
    default:
      throw new Error(`[UNSUPPORTED_ARROWTYPE] Unsupported arrow type ${String(type)}.`);
  }
}

export function schemaFields(fields: readonly Arrow.Field[]): StructField[] {
  return fields.map((f) => new StructField(f.name, fromArrowType(f.type), f.nullable));
}

/** Signed ints keep their width; an unsigned one takes the next wider signed type (uint64: decimal(20,0)). */
function integerType(type: Arrow.Int): DataType {
  const bits = type.bitWidth + (type.isSigned ? 0 : 1);
  if (bits <= 8) return new ByteType();
  if (bits <= 16) return new ShortType();
  if (bits <= 32) return new IntegerType();
  if (bits <= 64) return new LongType();
  return new DecimalType(20, 0);
}
