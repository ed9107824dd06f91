/**
 * Literals from JS values, typed as Spark types them (DESIGN.md §8): an integer in int range is
 * `int`, a larger one `bigint`, any other number (-0 too) `double`; a Date is a `timestamp`, a Uint8Array `binary`. Inside the
 * engine a timestamp is epoch milliseconds and a date a day number.
 */
import { BinaryType, DayTimeIntervalType, DecimalType, YearMonthIntervalType, type DataType } from '../types/index.js';
import { dayTimeIntervalText, yearMonthIntervalText } from '../types/interval-types.js';
import { doubleToJavaString, floatToJavaString, formatDate, formatTimestamp } from '../format/index.js';
import { javaBigDecimalString } from '../format/decimal-text.js';
import type { Expr } from './expression.js';
import { Types } from './types-used.js';
import { LONG_MAX, LONG_MIN, toLongValue } from '../types/long-value.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function literalExpr(value: unknown): Expr {
  if (value === null || value === undefined) return { kind: 'literal', value: null, dataType: Types.null };
  switch (typeof value) {
    case 'number':
      // -0 is a double, as inference types it (types/infer.ts): an int has no -0.
      if (Number.isInteger(value) && !Object.is(value, -0)) {
        if (value >= INT_MIN && value <= INT_MAX) return { kind: 'literal', value, dataType: Types.int };
        // An integer past 2^53 is exact as a double: a long holds it as a bigint (types/long-value.ts).
        const long = toLongValue(value);
        if (long !== undefined) return { kind: 'literal', value: long, dataType: Types.long };
      }
      return { kind: 'literal', value, dataType: Types.double };
    case 'bigint': {
      const long = toLongValue(value);
      if (long === undefined) throw new RangeError(`[NUMERIC_VALUE_OUT_OF_RANGE] ${value} is out of the range of bigint [${LONG_MIN}, ${LONG_MAX}].`);
      return { kind: 'literal', value: long, dataType: Types.long };
    }
    case 'string':
      return { kind: 'literal', value, dataType: Types.string };
    case 'boolean':
      return { kind: 'literal', value, dataType: Types.boolean };
  }
  if (value instanceof Date) return { kind: 'literal', value: value.getTime(), dataType: Types.timestamp };
  if (value instanceof Uint8Array) return { kind: 'literal', value, dataType: new BinaryType() };
  if (Array.isArray(value)) {
    return { kind: 'call', name: 'array', args: value.map(literalExpr) };
  }
  throw new TypeError(`Unsupported literal value: ${Object.prototype.toString.call(value)}`);
}

/**
 * A literal as it shows in generated column names: strings bare, numbers as Spark prints them
 * (Java's toString: `1.0` for a double, `1.2` for a float, `100.00` for a decimal(5,2)), null as
 * NULL, other values as Spark's Literal.sql (`TIMESTAMP '2024-01-01 10:11:12.5'`, timestamps in
 * UTC). With `sql`, as SQL text (strings quoted).
 */
export function literalText(value: unknown, dataType: DataType, sql: boolean): string {
  if (value === null) return 'NULL';
  switch (dataType.typeName()) {
    case 'string':
      return sql ? `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
    case 'double':
      return doubleToJavaString(value as number);
    case 'float':
      return floatToJavaString(value as number);
    case 'date':
      return `DATE '${formatDate(new Date((value as number) * 86400000))}'`;
    case 'binary':
      return `X'${Buffer.from(value as Uint8Array).toString('hex').toUpperCase()}'`;
    case 'timestamp':
      return `TIMESTAMP '${formatTimestamp(new Date(value as number), 'UTC')}'`;
    case 'timestamp_ntz':
      return `TIMESTAMP_NTZ '${formatTimestamp(new Date(value as number), 'UTC')}'`;
    default:
      if (dataType instanceof DecimalType && (typeof value === 'number' || typeof value === 'string')) return javaBigDecimalString(value, dataType.scale);
      if (dataType instanceof DayTimeIntervalType) return dayTimeIntervalText(Number(value), dataType);
      if (dataType instanceof YearMonthIntervalType) return yearMonthIntervalText(Number(value), dataType);
      return String(value);
  }
}
