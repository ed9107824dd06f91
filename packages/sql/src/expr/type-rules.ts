/**
 * The type questions expressions ask (is it numeric? what do `int + bigint` make?), answered by
 * PySpark's type names so that the rules read like Spark's TypeCoercion.
 */
import { findTightestCommonType, type DataType } from '../types/index.js';
import { Types } from './types-used.js';

const INTEGRAL = ['byte', 'short', 'integer', 'long'];
const NUMERIC_ORDER = ['byte', 'short', 'integer', 'long', 'decimal', 'float', 'double'];

export const isNumeric = (t: DataType): boolean => NUMERIC_ORDER.includes(t.typeName());
export const isIntegral = (t: DataType): boolean => INTEGRAL.includes(t.typeName());
export const isDecimal = (t: DataType): boolean => t.typeName() === 'decimal';
export const isString = (t: DataType): boolean => t.typeName() === 'string';
export const isNull = (t: DataType): boolean => t.typeName() === 'void' || t.typeName() === 'null';
export const isDate = (t: DataType): boolean => t.typeName() === 'date';
export const isDateLike = (t: DataType): boolean => ['date', 'timestamp', 'timestamp_ntz'].includes(t.typeName());
/** Spark's DateAdd / DateSub take the day count as an integer (or NULL). */
export const isDayCount = (t: DataType): boolean => isIntegral(t) || isNull(t);
export { isAnsiInterval } from '../types/interval-types.js';
export const isBoolean = (t: DataType): boolean => t.typeName() === 'boolean';

export function sameType(a: DataType, b: DataType): boolean {
  return a.simpleString() === b.simpleString();
}

/** The wider of two numeric types (Spark's findTightestCommonType for numbers). */
export function widerNumeric(a: DataType, b: DataType): DataType {
  return NUMERIC_ORDER.indexOf(a.typeName()) >= NUMERIC_ORDER.indexOf(b.typeName()) ? a : b;
}

/**
 * A type both sides can be cast to for comparison or for a union/CASE branch, or undefined. A
 * decimal and an integral or another decimal widen to the decimal that holds both (Spark's
 * widerDecimalType: decimal(10,2) and int make decimal(12,2)), a decimal and a float or double to double.
 * Spark compares a string with a number as doubles... in Spark 4 with ANSI on, as the number's
 * type; we follow the simpler pre-ANSI rule of casting the string to the numeric side.
 */
export function commonType(a: DataType, b: DataType): DataType | undefined {
  if (sameType(a, b)) return a;
  if (isNull(a)) return b;
  if (isNull(b)) return a;
  if (isNumeric(a) && isNumeric(b)) return isDecimal(a) || isDecimal(b) ? findTightestCommonType(a, b) : widerNumeric(a, b);
  if (isString(a) && (isNumeric(b) || isDateLike(b) || isBoolean(b))) return b;
  if (isString(b) && (isNumeric(a) || isDateLike(a) || isBoolean(a))) return a;
  if (isDateLike(a) && isDateLike(b)) return Types.timestamp;
  return undefined;
}

/** The common type of several (each next one widening what came before, kept where none is common); none: string, as array() and map() of nothing are. */
export const widestType = (types: DataType[]): DataType => (types.length === 0 ? Types.string : types.reduce((a, b) => commonType(a, b) ?? a));

/** The result type of `+ - * %` on two numbers (an integral result is the wider integral type). */
export function arithmeticType(a: DataType, b: DataType): DataType {
  if (isNull(a) && isNull(b)) return Types.double;
  if (isNull(a)) return b;
  if (isNull(b)) return a;
  if (isString(a) || isString(b)) return Types.double;
  return widerNumeric(a, b);
}
