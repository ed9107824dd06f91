/**
 * Spark's ANSI interval types, the types of `INTERVAL '90' DAY` and `INTERVAL '1-2' YEAR TO
 * MONTH`: DayTimeIntervalType (a count of microseconds, shown to the precision of its fields)
 * and YearMonthIntervalType (a count of months). `interval day`, `interval year to month` are
 * their SQL names. Values are JS numbers (microseconds, months).
 */
import { AtomicType, type DataType, type JsonValue } from './data-type.js';

export const DAY_TIME_FIELDS = ['day', 'hour', 'minute', 'second'] as const;
export const YEAR_MONTH_FIELDS = ['year', 'month'] as const;
/** Microseconds per day-time unit (a week is seven days): the scale of a day-time interval's value. */
export const MICROS_PER_UNIT = {
  week: 7 * 86_400_000_000,
  day: 86_400_000_000,
  hour: 3_600_000_000,
  minute: 60_000_000,
  second: 1_000_000,
  millisecond: 1_000,
  microsecond: 1,
} as const;

function intervalName(fields: readonly string[], start: number, end: number): string {
  return start === end ? `interval ${fields[start]}` : `interval ${fields[start]} to ${fields[end]}`;
}

function checkFields(kind: string, fields: readonly string[], start: number, end: number): void {
  if (!(start >= 0 && end < fields.length && start <= end && Number.isInteger(start) && Number.isInteger(end))) {
    throw new Error(`[INVALID_INTERVAL_FORMAT] ${kind} fields must run from one of ${fields.join(', ')} to a later one, got (${start}, ${end}).`);
  }
}

export class DayTimeIntervalType extends AtomicType {
  static readonly DAY = 0;
  static readonly HOUR = 1;
  static readonly MINUTE = 2;
  static readonly SECOND = 3;
  constructor(
    readonly startField = DayTimeIntervalType.DAY,
    readonly endField = DayTimeIntervalType.SECOND,
  ) {
    super();
    checkFields('Day-time interval', DAY_TIME_FIELDS, startField, endField);
  }
  typeName(): string {
    return intervalName(DAY_TIME_FIELDS, this.startField, this.endField);
  }
  override jsonValue(): JsonValue {
    return this.typeName();
  }
  override toString(): string {
    return `DayTimeIntervalType(${this.startField}, ${this.endField})`;
  }
}

export class YearMonthIntervalType extends AtomicType {
  static readonly YEAR = 0;
  static readonly MONTH = 1;
  constructor(
    readonly startField = YearMonthIntervalType.YEAR,
    readonly endField = YearMonthIntervalType.MONTH,
  ) {
    super();
    checkFields('Year-month interval', YEAR_MONTH_FIELDS, startField, endField);
  }
  typeName(): string {
    return intervalName(YEAR_MONTH_FIELDS, this.startField, this.endField);
  }
  override jsonValue(): JsonValue {
    return this.typeName();
  }
  override toString(): string {
    return `YearMonthIntervalType(${this.startField}, ${this.endField})`;
  }
}

const MICROS_PER_SECOND = 1_000_000;
const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

const two = (n: number): string => String(n).padStart(2, '0');

/** Seconds with up to six fraction digits, trailing zeros dropped, and a leading 0 below 10. */
function secondsText(micros: number): string {
  const whole = Math.floor(micros / MICROS_PER_SECOND);
  const fraction = String(micros % MICROS_PER_SECOND).padStart(6, '0').replace(/0+$/, '');
  return `${whole < 10 ? '0' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Spark's ANSI-style text: `INTERVAL '1 02:03:04.5' DAY TO SECOND`, `INTERVAL '90' DAY`. */
export function dayTimeIntervalText(micros: number, type: DayTimeIntervalType): string {
  const { startField: start, endField: end } = type;
  let rest = Math.abs(micros);
  let text = micros < 0 ? '-' : '';
  const units = [MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE];
  if (start === DayTimeIntervalType.SECOND) {
    text += secondsText(rest);
  } else {
    const lead = Math.floor(rest / units[start]);
    text += start === DayTimeIntervalType.DAY ? String(lead) : two(lead);
    rest %= units[start];
  }
  for (let field = start + 1; field <= end; field++) {
    if (field === DayTimeIntervalType.SECOND) {
      text += `:${secondsText(rest)}`;
    } else {
      text += `${field === DayTimeIntervalType.HOUR ? ' ' : ':'}${two(Math.floor(rest / units[field]))}`;
      rest %= units[field];
    }
  }
  const fields = start === end ? DAY_TIME_FIELDS[start] : `${DAY_TIME_FIELDS[start]} TO ${DAY_TIME_FIELDS[end]}`;
  return `INTERVAL '${text}' ${fields.toUpperCase()}`;
}

/** Spark's ANSI-style text: `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '3' MONTH`. */
export function yearMonthIntervalText(months: number, type: YearMonthIntervalType): string {
  const sign = months < 0 ? '-' : '';
  const abs = Math.abs(months);
  const year = `${sign}${Math.floor(abs / 12)}`;
  if (type.startField !== type.endField) return `INTERVAL '${year}-${abs % 12}' YEAR TO MONTH`;
  return type.startField === YearMonthIntervalType.YEAR ? `INTERVAL '${year}' YEAR` : `INTERVAL '${months}' MONTH`;
}

/** An ANSI interval (day-time or year-month), not a calendar interval. */
export const isAnsiInterval = (t: DataType): boolean => t instanceof DayTimeIntervalType || t instanceof YearMonthIntervalType;
