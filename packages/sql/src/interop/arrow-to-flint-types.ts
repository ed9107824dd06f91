/**
 * Apache Arrow types as Flint's data types, the reverse of flint-to-arrow-types.ts. Arrow types
 * Flint has no exact match for are read as the nearest wider one (unsigned ints, half floats, other
 * date and time units, large strings, dictionaries as their values). Only Arrow's enums are
 * imported: the library itself is loaded by the user who built the table.
 */
import type * as Arrow from 'apache-arrow';
import { arrowEnums } from './arrow-enums.js';
import {
  ArrayType, BinaryType, BooleanType, ByteType, DataType, DateType, DecimalType, DoubleType, FloatType, IntegerType,
  LongType, MapType, NullType, ShortType, StringType, StructField, StructType, TimestampNTZType, TimestampType,
} from '../types/index.js';

export function fromArrowType(type: Arrow.DataType): DataType {
  const { Precision, Type } = arrowEnums();
  switch (type.typeId) {
    case Type.Null: return new NullType();
    case Type.Bool: return new BooleanType();
    case Type.Int: return integerType(type as Arrow.Int);
    case Type.Float: return (type as Arrow.Float).precision === Precision.DOUBLE ? new DoubleType() : new FloatType();
    case Type.Decimal: {
      const { precision, scale } = type as Arrow.Decimal;
      return new DecimalType(precision, scale);
    }
    case Type.Utf8:
    case Type.LargeUtf8: return new StringType();
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary: return new BinaryType();
    case Type.Date: return new DateType();
    case Type.Timestamp: return (type as Arrow.Timestamp).timezone ? new TimestampType() : new TimestampNTZType();
    case Type.List:
    case Type.FixedSizeList: {
      const element = (type as Arrow.List).children[0];
      return new ArrayType(fromArrowType(element.type), element.nullable);
    }
    case Type.Map: {
      const [key, value] = (type as Arrow.Map_).children[0].type.children;
      return new MapType(fromArrowType(key.type), fromArrowType(value.type), value.nullable);
    }
    case Type.Struct: return new StructType(schemaFields((type as Arrow.Struct).children));
    case Type.Dictionary: return fromArrowType((type as Arrow.Dictionary).dictionary);
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
