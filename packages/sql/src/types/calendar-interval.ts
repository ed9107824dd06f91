/**
 * Spark's CalendarIntervalType (`interval`), the type of make_interval: months, days and
 * microseconds kept apart, since a month and a day have no fixed length. A value is a plain
 * object `{ months, days, microseconds }`; it prints as Spark's CalendarInterval.toString.
 */
import { AtomicType } from './data-type.js';

export interface CalendarInterval {
  readonly months: number;
  readonly days: number;
  readonly microseconds: number;
}

export class CalendarIntervalType extends AtomicType {
  typeName(): string {
    return 'interval';
  }
}

const MICROS_PER_MINUTE = 60_000_000;
const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

/** `100 years 11 months 8 days 12 hours 30 minutes 1.001001 seconds`; `0 seconds` when empty. */
export function calendarIntervalText({ months, days, microseconds }: CalendarInterval): string {
  const parts: string[] = [];
  const unit = (value: number, name: string) => value !== 0 && parts.push(`${value} ${name}`);
  unit(Math.trunc(months / 12), 'years');
  unit(months % 12, 'months');
  unit(days, 'days');
  unit(Math.trunc(microseconds / MICROS_PER_HOUR), 'hours');
  unit(Math.trunc((microseconds % MICROS_PER_HOUR) / MICROS_PER_MINUTE), 'minutes');
  const micros = microseconds % MICROS_PER_MINUTE;
  if (micros !== 0) {
    const abs = Math.abs(micros);
    const fraction = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '');
    parts.push(`${micros < 0 ? '-' : ''}${Math.floor(abs / 1_000_000)}${fraction ? `.${fraction}` : ''} seconds`);
  }
  return parts.length === 0 ? '0 seconds' : parts.join(' ');
}
