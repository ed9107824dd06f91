/**
 * Literals from JS values, typed as Spark types them (DESIGN.md §8): an integer in int range is
 * `int`, a larger one `bigint`, any other number `double`; a Date is a `timestamp`, a Uint8Array `binary`. Inside the
 * engine a timestamp is epoch milliseconds and a date a day number.
 */
import { BinaryType, DayTimeIntervalType, YearMonthIntervalType, type DataType } from '../types/index.js';
import { dayTimeIntervalText, yearMonthIntervalText } from '../types/interval-types.js';
import { doubleToJavaString } from '../format/index.js';
import type { Expr } from './expression.js';
import { Types } from './types-used.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

export function literalExpr(value: unknown): Expr {
  if (value === null || value === undefined) return { kind: 'literal', value: null, dataType: Types.null };
  switch (typeof value) {
    case 'number':
      if (Number.isInteger(value)) {
        return { kind: 'literal', value, dataType: value >= INT_MIN && value <= INT_MAX ? Types.int : Types.long };
      }
      return { kind: 'literal', value, dataType: Types.double };
    case 'bigint':
      return { kind: 'literal', value: Number(value), dataType: Types.long };
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
 * A literal as it shows in generated column names: strings bare, numbers as Spark prints them,
 * null as NULL. With `sql`, as SQL text (strings quoted).
 */
export function literalText(value: unknown, dataType: DataType, sql: boolean): string {
  if (value === null) return 'NULL';
  switch (dataType.typeName()) {
    case 'string':
      return sql ? `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
    case 'double':
    case 'float':
      return doubleToJavaString(value as number);
    case 'date':
      return `DATE '${new Date((value as number) * 86400000).toISOString().slice(0, 10)}'`;
    case 'binary':
      return `X'${Buffer.from(value as Uint8Array).toString('hex').toUpperCase()}'`;
    case 'timestamp':
      return `TIMESTAMP '${new Date(value as number).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '')}'`;
    default:
      if (dataType instanceof DayTimeIntervalType) return dayTimeIntervalText(Number(value), dataType);
      if (dataType instanceof YearMonthIntervalType) return yearMonthIntervalText(Number(value), dataType);
      return String(value);
  }
}
