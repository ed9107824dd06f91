/**
 * Spark 4's cast error messages, and values written as SQL literals the way they quote them
 * (`'abc'`, `128L`, `1.0E10D`).
 */
import {
  ByteType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  LongType,
  ShortType,
  StringType,
} from './data-type.js';
import { doubleToJavaString, floatToJavaString } from '../format/java-number.js';

export const sqlType = (type: DataType): string => `"${type.simpleString().toUpperCase()}"`;

export function sqlLiteral(value: unknown, type: DataType): string {
  if (type instanceof StringType) return `'${String(value)}'`;
  if (type instanceof LongType) return `${value}L`;
  if (type instanceof ShortType) return `${value}S`;
  if (type instanceof ByteType) return `${value}Y`;
  // Spark's toSQLValue writes a non-finite double or float bare: NaN, Infinity, -Infinity.
  if ((type instanceof DoubleType || type instanceof FloatType) && !Number.isFinite(Number(value))) return String(Number(value));
  if (type instanceof DoubleType) return `${doubleToJavaString(Number(value))}D`;
  if (type instanceof FloatType) return `${floatToJavaString(Number(value))}F`;
  if (type instanceof DecimalType) return `${value}BD`;
  return String(value);
}

export function invalidInput(value: unknown, from: DataType, to: DataType): Error {
  return new Error(
    `[CAST_INVALID_INPUT] The value ${sqlLiteral(value, from)} of the type ${sqlType(from)} cannot be cast to ${sqlType(to)} because it is malformed. Correct the value as per the syntax, or change its target type. Use \`try_cast\` to tolerate malformed input and return NULL instead. SQLSTATE: 22018`,
  );
}

export function castOverflow(value: unknown, from: DataType, to: DataType): Error {
  return new Error(
    `[CAST_OVERFLOW] The value ${sqlLiteral(value, from)} of the type ${sqlType(from)} cannot be cast to ${sqlType(to)} due to an overflow. Use \`try_cast\` to tolerate overflow and return NULL instead. SQLSTATE: 22003`,
  );
}

export function decimalOutOfRange(value: unknown, to: DecimalType): Error {
  return new Error(decimalOutOfRangeMessage(value, to.precision, to.scale));
}

/** Spark's NUMERIC_VALUE_OUT_OF_RANGE text; the generated decimal arithmetic builds its own from it (expr/decimal-arithmetic.ts). */
export function decimalOutOfRangeMessage(value: unknown, precision: number | string, scale: number | string): string {
  return `[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] ${value} cannot be represented as Decimal(${precision}, ${scale}). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead. SQLSTATE: 22003`;
}

export function cannotCast(from: DataType, to: DataType): Error {
  return new Error(
    `[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(${from.simpleString()} AS ${to.simpleString().toUpperCase()})" due to data type mismatch: cannot cast ${sqlType(from)} to ${sqlType(to)}. SQLSTATE: 42K09`,
  );
}
