/** The data type instances the engine hands out (types/ classes are immutable, so one of each suffices). */
import {
  ArrayType,
  BooleanType,
  DataType,
  DateType,
  DoubleType,
  IntegerType,
  LongType,
  NullType,
  StringType,
  TimestampType,
} from '../types/index.js';

export const Types = {
  null: new NullType(),
  boolean: new BooleanType(),
  int: new IntegerType(),
  long: new LongType(),
  double: new DoubleType(),
  string: new StringType(),
  date: new DateType(),
  timestamp: new TimestampType(),
  array: (element: DataType): DataType => new ArrayType(element, true),
};
