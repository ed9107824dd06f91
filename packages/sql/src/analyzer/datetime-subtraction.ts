/**
 * A datetime minus a datetime, as Spark 4's ResolveBinaryArithmetic rewrites it (non-legacy
 * intervals): with a timestamp on either side it is SubtractTimestamps, an `interval day to
 * second`; else with a date on the right it is SubtractDates, an `interval day`. A date, text or
 * NULL beside a timestamp is cast to it, and a timestamp beside a timestamp_ntz is cast to
 * timestamp_ntz (Spark's TypeCoercion for SubtractTimestamps); text or NULL left of a date is
 * cast to a date. Undefined when the operands are not such a pair.
 */
import type { Expr } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { isDate, isNull, isString } from '../expr/type-rules.js';
import { TimestampNTZType, type DataType } from '../types/index.js';
import { castTo } from './resolve-expression.js';

const isTimestampLike = (t: DataType) => t.typeName() === 'timestamp' || t.typeName() === 'timestamp_ntz';

export function datetimeSubtraction(left: Expr, right: Expr, l: DataType, r: DataType): Expr | undefined {
  if (isTimestampLike(l) || isTimestampLike(r)) {
    const castable = (t: DataType) => isTimestampLike(t) || isDate(t) || isString(t) || isNull(t);
    if (!castable(l) || !castable(r)) return undefined;
    const target = l.typeName() === 'timestamp_ntz' || r.typeName() === 'timestamp_ntz' ? new TimestampNTZType() : Types.timestamp;
    return { kind: 'call', name: 'subtract_timestamps', args: [castTo(left, target), castTo(right, target)] };
  }
  if (isDate(r) && (isDate(l) || isString(l) || isNull(l))) return { kind: 'call', name: 'subtract_dates', args: [castTo(left, Types.date), right] };
  return undefined;
}
