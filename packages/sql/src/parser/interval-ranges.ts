/**
 * The `TO` forms of ANSI interval literals (Spark's IntervalUtils.fromYearMonthString and
 * fromDayTimeString): `INTERVAL '1-2' YEAR TO MONTH` is 14 months, `INTERVAL '1 02:03:04.5' DAY
 * TO SECOND` microseconds; the first field is unbounded, the others within their unit (months
 * 0-11, hours 0-23, minutes and seconds 0-59), and a sign may stand inside the quotes and before
 * them (`-'-1-1'` is 1-1).
 */
import { DayTimeIntervalType, YearMonthIntervalType, type DataType } from '../types/index.js';
import { MICROS_PER_UNIT } from '../types/interval-types.js';
import type { IntervalUnit } from './ast.js';

const DAY_TIME: readonly IntervalUnit[] = ['day', 'hour', 'minute', 'second'];
/** Microseconds per unit, and the largest value the unit takes after the first field. */
const DAY_TIME_UNITS = [
  { micros: MICROS_PER_UNIT.day, max: Infinity },
  { micros: MICROS_PER_UNIT.hour, max: 23 },
  { micros: MICROS_PER_UNIT.minute, max: 59 },
  { micros: MICROS_PER_UNIT.second, max: 59 },
];

/** The value (months or microseconds) and type of the literal, or undefined when the text does not fit the range. */
export function rangedInterval(value: string, from: IntervalUnit, to: IntervalUnit): { value: number; type: DataType } | undefined {
  const outer = /^\s*([+-]?)\s*(.*)$/s.exec(value)!;
  const inner = /^\s*([+-]?)(.*?)\s*$/s.exec(outer[2]!)!;
  const sign = (outer[1] === '-') !== (inner[1] === '-') ? -1 : 1;
  const text = inner[2]!;
  if (from === 'year' && to === 'month') {
    const m = /^(\d+)-(\d{1,2})$/.exec(text);
    if (!m || Number(m[2]) > 11) return undefined;
    return { value: sign * (Number(m[1]) * 12 + Number(m[2])), type: new YearMonthIntervalType(YearMonthIntervalType.YEAR, YearMonthIntervalType.MONTH) };
  }
  const start = DAY_TIME.indexOf(from);
  const end = DAY_TIME.indexOf(to);
  if (start < 0 || end <= start) return undefined;
  // The first field unbounded, then ` h` after days, `:m`, `:s[.fraction]`.
  const fields = text.split(/[ :]/);
  const separators = text.replace(/[^ :]/g, '');
  const expected = DAY_TIME.slice(start + 1, end + 1).map((unit) => (unit === 'hour' ? ' ' : ':')).join('');
  if (fields.length !== end - start + 1 || separators !== expected) return undefined;
  let micros = 0;
  for (let i = 0; i < fields.length; i++) {
    const unit = DAY_TIME_UNITS[start + i]!;
    const seconds = start + i === DayTimeIntervalType.SECOND;
    if (!(seconds ? /^\d+(\.\d{1,9})?$/ : /^\d+$/).test(fields[i]!)) return undefined;
    const amount = Number(fields[i]);
    if (i > 0 && amount >= unit.max + 1) return undefined;
    micros += scaledDecimal(fields[i]!, unit.micros);
  }
  return { value: sign * micros, type: new DayTimeIntervalType(start, end) };
}

/**
 * A non-negative decimal's text times `scale` (microseconds per unit), the digits past a
 * second's sixth fractional one cut as Spark cuts them (it keeps microseconds): 32.99899999
 * seconds is 32,998,999 microseconds, not the 32,999,000 a double's rounding gives.
 */
export function scaledDecimal(digits: string, scale: number): number {
  const m = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(digits);
  if (!m) return Number(digits) * scale;
  const fraction = Number(`${m[2] ?? m[3] ?? ''}000000`.slice(0, 6));
  return Number(m[1] ?? '0') * scale + Math.trunc((fraction * scale) / 1_000_000);
}
