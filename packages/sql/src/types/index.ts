export {
  DataType,
  AtomicType,
  NumericType,
  IntegralType,
  FractionalType,
  NullType,
  StringType,
  BinaryType,
  BooleanType,
  DateType,
  TimestampType,
  TimestampNTZType,
  ByteType,
  ShortType,
  IntegerType,
  LongType,
  FloatType,
  DoubleType,
  DecimalType,
  DECIMAL_MAX_PRECISION,
  type JsonValue,
} from './data-type.js';
export { ArrayType, MapType, StructField, StructType, type FieldMetadata } from './complex-types.js';
export {
  DayTimeIntervalType,
  YearMonthIntervalType,
  dayTimeIntervalText,
  yearMonthIntervalText,
} from './interval-types.js';
export { CalendarIntervalType, calendarIntervalText, type CalendarInterval } from './calendar-interval.js';
export { parseDataType } from './ddl.js';
export { dataTypeFromJson } from './from-json.js';
export { inferType, inferSchema, mergeTypes, hasNullType, isPlainObject } from './infer.js';
export { cast, tryCast, canCast, castFunction, tryCastFunction, type CastOptions } from './cast.js';
export { parseDate, parseTimestamp } from './datetime-parse.js';
export {
  findTightestCommonType,
  findWiderCommonType,
  findWiderTypeOf,
  comparisonType,
  implicitCastType,
  arithmeticResultType,
  decimalArithmetic,
  decimalForIntegral,
  boundedDecimal,
  sumResultType,
  avgResultType,
  type ArithmeticOperator,
} from './coercion.js';
