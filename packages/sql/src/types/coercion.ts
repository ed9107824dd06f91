/**
 * Type coercion rules for the analyzer, following Spark 4's defaults (`spark.sql.ansi.enabled`
 * is true in Spark 4.0, so AnsiTypeCoercion): which type two operands are brought to before
 * arithmetic, a comparison, or a UNION/CASE/COALESCE, and the result type of arithmetic,
 * decimal precision and scale included (DecimalPrecision with `allowPrecisionLoss`).
 */
import {
  AtomicType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  FractionalType,
  IntegerType,
  IntegralType,
  LongType,
  NullType,
  NumericType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
  DECIMAL_MAX_PRECISION,
} from './data-type.js';
import { ArrayType, MapType, StructField, StructType } from './complex-types.js';
import { DayTimeIntervalType, YearMonthIntervalType, isAnsiInterval } from './interval-types.js';

/** Integral and floating types from narrowest to widest (decimal sits between long and float). */
const NUMERIC_ORDER = [ByteType, ShortType, IntegerType, LongType, FloatType, DoubleType];

function numericRank(type: DataType): number {
  return NUMERIC_ORDER.findIndex((cls) => type instanceof cls);
}

/** The decimal that holds every value of an integral type (Spark's `DecimalType.forType`). */
export function decimalForIntegral(type: DataType): DecimalType | undefined {
  if (type instanceof ByteType) return new DecimalType(3, 0);
  if (type instanceof ShortType) return new DecimalType(5, 0);
  if (type instanceof IntegerType) return new DecimalType(10, 0);
  if (type instanceof LongType) return new DecimalType(20, 0);
  if (type instanceof DecimalType) return type;
  return undefined;
}

/**
 * Spark's `DecimalType.adjustPrecisionScale` (spark.sql.decimalOperations.allowPrecisionLoss, the
 * default): a result wider than 38 digits keeps its integer digits and gives up scale, down to 6.
 */
export function boundedDecimal(precision: number, scale: number): DecimalType {
  if (precision <= DECIMAL_MAX_PRECISION) return new DecimalType(precision, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, 6);
  const adjustedScale = Math.max(DECIMAL_MAX_PRECISION - intDigits, minScale);
  return new DecimalType(DECIMAL_MAX_PRECISION, adjustedScale);
}

/** Spark's `DecimalType.bounded`: precision and scale each capped at 38 (a sum's and an average's types). */
export function cappedDecimal(precision: number, scale: number): DecimalType {
  return new DecimalType(Math.min(precision, DECIMAL_MAX_PRECISION), Math.min(scale, DECIMAL_MAX_PRECISION));
}

/** Spark's `widerDecimalType`: the decimal that holds both (the integer digits of the wider, the larger scale). */
export function widerDecimal(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  return cappedDecimal(Math.max(a.precision - a.scale, b.precision - b.scale) + scale, scale);
}

/**
 * Spark's `DecimalType.fromLiteral`: an integer literal beside a decimal is a decimal of just its
 * digits (3 is decimal(1,0), -120 decimal(3,0)), so that `x * 2` costs one digit, not ten.
 */
export function decimalForLiteral(value: number, type: DataType): DecimalType | undefined {
  if (!(type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType)) return decimalForIntegral(type);
  const digits = BigInt(Math.trunc(Math.abs(value))).toString().length;
  return new DecimalType(digits, 0);
}

const isDatetime = (t: DataType): boolean => t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;

/**
 * Spark's `findTightestCommonType`: the type both sides widen to without losing anything, or
 * undefined. Null widens to anything; numbers to the wider one (an integral and a decimal to a
 * decimal that holds both, a decimal and a float/double to double); date/timestamp to timestamp.
 */
export function findTightestCommonType(a: DataType, b: DataType): DataType | undefined {
  if (a.equals(b)) return a;
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof NumericType && b instanceof NumericType) {
    if (a instanceof DecimalType || b instanceof DecimalType) {
      if (a instanceof FractionalType && !(a instanceof DecimalType)) return new DoubleType();
      if (b instanceof FractionalType && !(b instanceof DecimalType)) return new DoubleType();
      return widerDecimal(decimalForIntegral(a)!, decimalForIntegral(b)!);
    }
    return numericRank(a) >= numericRank(b) ? a : b;
  }
  if (isDatetime(a) && isDatetime(b)) {
    if (a instanceof TimestampType || b instanceof TimestampType) return new TimestampType();
    return new TimestampNTZType();
  }
  return undefined;
}

/**
 * Spark's `findWiderCommonType`, for UNION, CASE, COALESCE, IN and array elements: the tightest
 * common type, else a string when one side is a string and the other atomic, recursing into
 * arrays, maps and structs (fields matched by position).
 */
export function findWiderCommonType(a: DataType, b: DataType): DataType | undefined {
  const tight = findTightestCommonType(a, b);
  if (tight !== undefined) return tight;
  if (a instanceof StringType && isStringPromotable(b)) return a;
  if (b instanceof StringType && isStringPromotable(a)) return b;
  if (a instanceof ArrayType && b instanceof ArrayType) {
    const element = findWiderCommonType(a.elementType, b.elementType);
    return element && new ArrayType(element, a.containsNull || b.containsNull);
  }
  if (a instanceof MapType && b instanceof MapType) {
    const key = findWiderCommonType(a.keyType, b.keyType);
    const value = findWiderCommonType(a.valueType, b.valueType);
    return key && value && new MapType(key, value, a.valueContainsNull || b.valueContainsNull);
  }
  if (a instanceof StructType && b instanceof StructType && a.length === b.length) {
    const fields: StructField[] = [];
    for (let i = 0; i < a.length; i++) {
      const fa = a.fields[i];
      const type = findWiderCommonType(fa.dataType, b.fields[i].dataType);
      if (type === undefined) return undefined;
      fields.push(new StructField(fa.name, type, fa.nullable || b.fields[i].nullable, fa.metadata));
    }
    return new StructType(fields);
  }
  return undefined;
}

function isStringPromotable(t: DataType): boolean {
  return t instanceof NumericType || t instanceof BooleanType || isDatetime(t);
}

/**
 * The type an argument of type `from` is implicitly cast to where a function expects `to`
 * (Spark 4's AnsiTypeCoercion.implicitCast): null and strings become any atomic type, numbers
 * widen but never narrow (an integral into a decimal only if its digits fit), a date becomes a
 * timestamp, and any atomic value a string. Undefined when there is no implicit cast, which
 * the analyzer reports as a data type mismatch.
 */
export function implicitCastType(from: DataType, to: DataType): DataType | undefined {
  if (from.equals(to) || from instanceof NullType) return to;
  const atomic = (t: DataType): boolean => t instanceof AtomicType;
  if (from instanceof StringType) return atomic(to) ? to : undefined;
  if (to instanceof StringType) return atomic(from) ? to : undefined;
  if (from instanceof NumericType && to instanceof NumericType) {
    if (to instanceof DecimalType) {
      const asDecimal = decimalForIntegral(from);
      return asDecimal !== undefined && asDecimal.precision - asDecimal.scale <= to.precision - to.scale && asDecimal.scale <= to.scale
        ? to
        : undefined;
    }
    if (from instanceof DecimalType) return to instanceof FloatType || to instanceof DoubleType ? to : undefined;
    return numericRank(from) <= numericRank(to) ? to : undefined;
  }
  if (from instanceof DateType && (to instanceof TimestampType || to instanceof TimestampNTZType)) return to;
  if (from instanceof ArrayType && to instanceof ArrayType) {
    const element = implicitCastType(from.elementType, to.elementType);
    return element && new ArrayType(element, to.containsNull);
  }
  return undefined;
}

/** The common type of many (a CASE's branches, COALESCE's arguments), or undefined. */
export function findWiderTypeOf(types: readonly DataType[]): DataType | undefined {
  let result: DataType | undefined = new NullType();
  for (const t of types) {
    result = result && findWiderCommonType(result, t);
  }
  return result;
}

/**
 * The type both sides of a comparison are cast to. Under ANSI coercion a string compared with a
 * number, date or timestamp is cast to that type (`'1' = 1` compares integers); otherwise as
 * findWiderCommonType. Undefined when the two cannot be compared.
 */
export function comparisonType(a: DataType, b: DataType): DataType | undefined {
  if (a instanceof StringType && isStringPromotable(b)) return b instanceof DecimalType ? new DoubleType() : b;
  if (b instanceof StringType && isStringPromotable(a)) return a instanceof DecimalType ? new DoubleType() : a;
  return findWiderCommonType(a, b);
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | 'div';

/**
 * The result type of `left op right` (Spark's BinaryArithmetic after coercion): integral op
 * integral is the wider integral; with a float or double, double (float op float stays float);
 * `/` is double unless a decimal is involved; `div` is bigint; decimals follow Spark's
 * DecimalPrecision rules. A string operand takes the other operand's numeric type (double
 * if neither is numeric). Dates, timestamps and intervals follow datetimeArithmeticType.
 * Throws a one-line DATATYPE_MISMATCH error for non-numeric operands.
 */
export function arithmeticResultType(op: ArithmeticOperator, left: DataType, right: DataType): DataType {
  const datetime = datetimeArithmeticType(op, left, right);
  if (datetime !== undefined) return datetime;
  const l = left instanceof StringType || left instanceof NullType ? (right instanceof NumericType ? right : new DoubleType()) : left;
  const r = right instanceof StringType || right instanceof NullType ? (l instanceof NumericType ? l : new DoubleType()) : right;
  if (!(l instanceof NumericType) || !(r instanceof NumericType)) {
    throw new Error(
      `[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(${left.simpleString()} ${op} ${right.simpleString()})" due to data type mismatch: the operator '${op}' requires numeric operands, not "${left.simpleString().toUpperCase()}" and "${right.simpleString().toUpperCase()}".`,
    );
  }
  if (op === 'div') return new LongType();
  if (l instanceof DecimalType || r instanceof DecimalType) {
    const a = decimalForIntegral(l);
    const b = decimalForIntegral(r);
    if (a === undefined || b === undefined) return new DoubleType(); // decimal with float/double
    return decimalArithmetic(op, a, b);
  }
  if (op === '/') return new DoubleType();
  if (l instanceof IntegralType && r instanceof IntegralType) return numericRank(l) >= numericRank(r) ? l : r;
  if (l instanceof FloatType && r instanceof FloatType) return new FloatType();
  if (l instanceof FloatType && r instanceof IntegralType) return new FloatType();
  if (r instanceof FloatType && l instanceof IntegralType) return new FloatType();
  return new DoubleType();
}

/**
 * Spark's datetime arithmetic (ResolveBinaryArithmetic, with ANSI intervals, the default):
 * date ± integer and date ± a day or year-month interval is a date; a date plus an interval with
 * a time part, and a timestamp ± interval, is a timestamp; date - date is `interval day`,
 * timestamp - timestamp `interval day to second`; intervals add to the wider interval of their
 * kind and multiply or divide by numbers. Undefined when no datetime or interval is involved.
 */
export function datetimeArithmeticType(op: ArithmeticOperator, left: DataType, right: DataType): DataType | undefined {
  const timestampLike = (t: DataType): boolean => t instanceof TimestampType || t instanceof TimestampNTZType;
  const involved = [left, right].some((t) => isDatetime(t) || isAnsiInterval(t));
  if (!involved) return undefined;
  const additive = op === '+' || op === '-';
  if (additive) {
    if (op === '-' && isDatetime(left) && isDatetime(right)) {
      return left instanceof DateType && right instanceof DateType
        ? new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY)
        : new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.SECOND);
    }
    const [date, other] = isDatetime(left) ? [left, right] : op === '+' ? [right, left] : [undefined, undefined];
    if (date !== undefined && other !== undefined) {
      if (date instanceof DateType) {
        if (other instanceof IntegralType || other instanceof YearMonthIntervalType) return date;
        if (other instanceof DayTimeIntervalType) return other.endField === DayTimeIntervalType.DAY ? date : new TimestampType();
      } else if (timestampLike(date) && isAnsiInterval(other)) {
        return date;
      }
    }
    if (left instanceof DayTimeIntervalType && right instanceof DayTimeIntervalType) {
      return new DayTimeIntervalType(Math.min(left.startField, right.startField), Math.max(left.endField, right.endField));
    }
    if (left instanceof YearMonthIntervalType && right instanceof YearMonthIntervalType) {
      return new YearMonthIntervalType(Math.min(left.startField, right.startField), Math.max(left.endField, right.endField));
    }
  } else if ((op === '*' || op === '/') && isAnsiInterval(left) && right instanceof NumericType) {
    return left;
  } else if (op === '*' && isAnsiInterval(right) && left instanceof NumericType) {
    return right;
  }
  throw new Error(
    `[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(${left.simpleString()} ${op} ${right.simpleString()})" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("${left.simpleString().toUpperCase()}" and "${right.simpleString().toUpperCase()}").`,
  );
}

/** Spark's DecimalPrecision result types (with precision loss allowed, the default). */
export function decimalArithmetic(op: Exclude<ArithmeticOperator, 'div'>, a: DecimalType, b: DecimalType): DecimalType {
  const [p1, s1, p2, s2] = [a.precision, a.scale, b.precision, b.scale];
  switch (op) {
    case '+':
    case '-':
      return boundedDecimal(Math.max(s1, s2) + Math.max(p1 - s1, p2 - s2) + 1, Math.max(s1, s2));
    case '*':
      return boundedDecimal(p1 + p2 + 1, s1 + s2);
    case '/': {
      const scale = Math.max(6, s1 + p2 + 1);
      return boundedDecimal(p1 - s1 + s2 + scale, scale);
    }
    case '%':
      return boundedDecimal(Math.min(p1 - s1, p2 - s2) + Math.max(s1, s2), Math.max(s1, s2));
  }
}

/**
 * Spark's round/bround of a decimal(p, s) at `scale` (RoundBase): one more integer digit (9.9
 * rounds to 10), the scale cut to `scale`, or for a negative scale an integer with room for the
 * rounded digits.
 */
export function roundedDecimalType(type: DecimalType, scale: number): DecimalType {
  const integerDigits = type.precision - type.scale + 1;
  if (scale < 0) return new DecimalType(Math.min(Math.max(integerDigits, -scale + 1), DECIMAL_MAX_PRECISION), 0);
  const kept = Math.min(type.scale, scale);
  return new DecimalType(Math.min(integerDigits + kept, DECIMAL_MAX_PRECISION), kept);
}

/** Spark's ceil and floor of a decimal: an integer decimal with one more digit (9.5 to 10), unless already one. */
export const ceilFloorDecimalType = (type: DecimalType): DecimalType => (type.scale === 0 ? type : cappedDecimal(type.precision - type.scale + 1, 0));

/** The result type of `sum(x)`: bigint for integrals, double for floats, decimal(p + 10, s) (capped at 38). */
export function sumResultType(type: DataType): DataType {
  if (type instanceof DecimalType) return cappedDecimal(type.precision + 10, type.scale);
  if (type instanceof IntegralType) return new LongType();
  return new DoubleType();
}

/** The result type of `avg(x)`: double, or decimal(p + 4, s + 4) for decimals (capped at 38). */
export function avgResultType(type: DataType): DataType {
  if (type instanceof DecimalType) return cappedDecimal(type.precision + 4, type.scale + 4);
  return new DoubleType();
}
