/**
 * An ANSI interval times or divided by a number (the analyzer rewrites `interval * n`, `n *
 * interval` and `interval / n` into these): Spark's MultiplyYMInterval, MultiplyDTInterval,
 * DivideYMInterval and DivideDTInterval. A year-month interval is months (an int), a day-time one
 * microseconds (a long); the result is `interval year to month` or `interval day to second`,
 * rounded HALF_UP. Integral numbers multiply exactly (Java's Math.multiplyExact: `integer
 * overflow`, `long overflow`) and divide exactly with HALF_UP (Guava's IntMath/LongMath.divide),
 * doubles round with DoubleMath.roundToInt/roundToLong, decimals with BigDecimal.setScale(0,
 * HALF_UP) and intValueExact/longValueExact (`Overflow`); a zero divisor is
 * INTERVAL_DIVIDED_BY_ZERO.
 */
import { DayTimeIntervalType, DecimalType, YearMonthIntervalType, type DataType } from '../../types/index.js';
import { arithmeticOverflowMessage } from '../ansi-arithmetic.js';
import { scalar } from './define.js';

const INTERVAL_DIVIDED_BY_ZERO = '[INTERVAL_DIVIDED_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. SQLSTATE: 22012';

/** How the helper treats the number: by its Spark type. */
function numberKind(t: DataType | undefined): string {
  if (t instanceof DecimalType) return `'decimal'`;
  const name = t?.typeName();
  if (name === 'long') return `'long'`;
  return name === 'byte' || name === 'short' || name === 'integer' ? `'int'` : `'double'`;
}

// The helpers are made once per generated function, not per row.
const HELPER = `const sqlIntervalTimes = (() => {
  const overflow = (message) => { throw new Error(message); };
  const LONG = 9223372036854775808n;
  const inRange = (x, end) => x >= -end && x < end;
  const halfUp = (a, b) => {
    if (b < 0n) { a = -a; b = -b; }
    const q = a / b, r = a % b;
    return 2n * (r < 0n ? -r : r) >= b ? (a < 0n ? q - 1n : q + 1n) : q;
  };
  return (months, divide, v, n, kind, scale) => {
    const limit = months ? 2147483648n : LONG;
    if (divide && (kind === 'decimal' ? Number(n) === 0 : n === 0)) overflow(${JSON.stringify(INTERVAL_DIVIDED_BY_ZERO)});
    if (kind === 'double') {
      const x = divide ? v / n : v * n;
      if (!Number.isFinite(x)) overflow('input is infinite or NaN');
      const r = x < 0 ? -Math.round(-x) : Math.round(x);
      if (!(r >= -Number(limit) && r < Number(limit))) overflow('rounded value is out of range for input ' + x + ' and rounding mode HALF_UP');
      return r + 0;
    }
    const a = BigInt(v);
    if (kind === 'decimal') {
      const m = /^(-?)(\\d*)(?:\\.(\\d*))?$/.exec(typeof n === 'number' ? n.toFixed(scale) : String(n));
      const digits = BigInt((m[2] || '0') + (m[3] || '')) * (m[1] === '-' ? -1n : 1n);
      const unit = 10n ** BigInt((m[3] || '').length);
      const q = divide ? halfUp(a * unit, digits) : halfUp(a * digits, unit);
      if (!inRange(q, limit)) overflow('Overflow');
      return Number(q);
    }
    const b = BigInt(n);
    if (divide) {
      if (b === -1n && a === -limit) overflow(${JSON.stringify(arithmeticOverflowMessage('Overflow in integral divide', 'try_divide'))});
      return Number(halfUp(a, b));
    }
    const p = a * b;
    if (!months || kind === 'long') { if (!inRange(p, LONG)) overflow('long overflow'); }
    if (months && !inRange(p, limit)) overflow('integer overflow');
    return Number(p);
  };
})();`;

const YEAR_TO_MONTH = new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.MONTH);
const DAY_TO_SECOND = new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.SECOND);

for (const [name, months, divide] of [
  ['multiply_ym_interval', true, false],
  ['multiply_dt_interval', false, false],
  ['divide_ym_interval', true, true],
  ['divide_dt_interval', false, true],
] as const) {
  scalar(name, {
    args: 2,
    returns: months ? YEAR_TO_MONTH : DAY_TO_SECOND,
    gen: ([interval, n], types) => `sqlIntervalTimes(${months}, ${divide}, ${interval}, ${n}, ${numberKind(types[1])}, ${types[1] instanceof DecimalType ? types[1].scale : 0})`,
    pretty: ([interval, n]) => `(${interval} ${divide ? '/' : '*'} ${n})`,
    helpers: { sqlIntervalTimes: HELPER },
  });
}
