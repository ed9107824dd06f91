/**
 * The names Spark gives datetime arithmetic, which its analyzer (ResolveBinaryArithmetic) rewrites
 * before the column is named: `d + 1` and `1 + d` on a date are DateAdd, named `date_add(d, 1)`;
 * `d - 1` is `date_sub(d, 1)`; a date ± an `interval day` is DateAdd of ExtractANSIIntervalDays,
 * `date_add(d, (- extractansiintervaldays(INTERVAL '2' DAY)))`; an interval + a date or
 * timestamp puts the datetime first (`DATE '2012-01-01' + INTERVAL '02' MINUTE`), and a datetime ±
 * an interval has no parentheses (`TIMESTAMP '2011-11-11 11:11:11' + (- INTERVAL '2' YEAR)`); a number
 * times an interval names the interval first (`(i * 2)`). Names only:
 * what runs is resolve-expression.ts's.
 */
import type { Expr } from '../expr/expression.js';
import { isAnsiInterval, isDate, isDateLike } from '../expr/type-rules.js';
import { DayTimeIntervalType, type DataType } from '../types/index.js';
import { datetimeArithmeticType } from '../types/coercion.js';
import { dayCountCall } from './resolve-expression.js';
import { dataTypeOf } from './type-of.js';

const isDayInterval = (t: DataType) => t instanceof DayTimeIntervalType && t.startField === DayTimeIntervalType.DAY && t.endField === DayTimeIntervalType.DAY;

const call = (name: string, args: Expr[]): Expr => ({ kind: 'call', name, args });
const days = (interval: Expr) => call('extractansiintervaldays', [interval]);

/** The expression Spark names in place of `e` when `e` is datetime arithmetic it rewrites; else `e`. */
export function datetimeNamingForm(e: Expr): Expr {
  if (e.kind !== 'binary' || (e.op !== '+' && e.op !== '-' && e.op !== '*')) return e;
  const l = typeOrUndefined(e.left);
  const r = typeOrUndefined(e.right);
  if (!l || !r) return e;
  // A number times an interval is MultiplyYMInterval / MultiplyDTInterval(interval, number).
  if (e.op === '*') return isAnsiInterval(r) && !isAnsiInterval(l) ? { ...e, left: e.right, right: e.left } : e;
  const dayCount = dayCountCall(e, l, r);
  if (dayCount) return call(dayCount.name, dayCount.args);
  if (e.op === '-') {
    if (isDate(l) && isDayInterval(r)) return call('date_add', [e.left, { kind: 'unary', op: '-', child: days(e.right) }]);
    return isDateLike(l) && isAnsiInterval(r) ? { ...e, datetime: true } : e;
  }
  if (isDate(l) && isDayInterval(r)) return call('date_add', [e.left, days(e.right)]);
  if (isDayInterval(l) && isDate(r)) return call('date_add', [e.right, days(e.left)]);
  if (isDateLike(l) && isAnsiInterval(r)) return { ...e, datetime: true };
  if (isAnsiInterval(l) && isDateLike(r)) return { ...e, left: e.right, right: e.left, datetime: true };
  return e;
}

/**
 * An operand's type, or undefined where it has none yet (the name is then the operator's own).
 * Arithmetic on datetimes and intervals is typed by Spark's rules (timestamp - date is an
 * interval day to second), not yet rewritten into the calls that carry those types.
 */
function typeOrUndefined(e: Expr): DataType | undefined {
  try {
    if (e.kind === 'binary' && (e.op === '+' || e.op === '-' || e.op === '*' || e.op === '/')) {
      const [l, r] = [typeOrUndefined(e.left), typeOrUndefined(e.right)];
      const datetime = l && r ? datetimeArithmeticType(e.op, l, r) : undefined;
      if (datetime) return datetime;
    }
    return dataTypeOf(e);
  } catch {
    return undefined;
  }
}
