/**
 * The pattern-less date and timestamp texts Spark reads when no `dateFormat`/`timestampFormat`
 * is given (`2024-01-31`, `2024-01-31 12:30`, `2024-01-31T12:30:00.5Z`: DateTimeUtils'
 * stringToDate and stringToTimestamp, the common forms), and their fields as engine values.
 */
import type { Fields } from '../../format/datetime-text.js';
import { wallClockToInstant } from './time-zone.js';

export interface DateTimeFields extends Fields {
  millisecond: number;
  /** Offset from UTC in minutes when the text carries a zone, else undefined. */
  offsetMinutes?: number;
}

function zoneOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'UTC' || text === 'GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

const DEFAULT_TIMESTAMP =
  /^\s*([+-]?\d{4,6})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|GMT|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?)?\s*$/;
const DEFAULT_DATE = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T].*)?$/;

/** Spark's pattern-less timestamp text (DateTimeUtils.stringToTimestamp, the common forms). */
export function parseDefaultTimestamp(text: string): DateTimeFields | undefined {
  const m = DEFAULT_TIMESTAMP.exec(text);
  if (!m) return undefined;
  const f: DateTimeFields = {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0),
    millisecond: m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6) : 0,
  };
  if (m[8] !== undefined) f.offsetMinutes = zoneOffset(m[8]);
  return validFields(f) ? f : undefined;
}

/** Spark's pattern-less date text (DateTimeUtils.stringToDate): `yyyy`, `yyyy-m`, `yyyy-m-d[ ...]`. */
export function parseDefaultDate(text: string): DateTimeFields | undefined {
  const m = DEFAULT_DATE.exec(text);
  if (!m) return undefined;
  const f: DateTimeFields = {
    year: Number(m[1]), month: Number(m[2] ?? 1), day: Number(m[3] ?? 1),
    hour: 0, minute: 0, second: 0, millisecond: 0,
  };
  return validFields(f) ? f : undefined;
}

function validFields(f: DateTimeFields): boolean {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 59) return false;
  const d = new Date(Date.UTC(f.year, f.month - 1, f.day));
  return d.getUTCDate() === f.day;
}

const DAY_MS = 86_400_000;

/** A date as the engine keeps it: days since 1970-01-01. */
export function fieldsToDay(f: DateTimeFields): number {
  const d = new Date(Date.UTC(2000, f.month - 1, f.day));
  d.setUTCFullYear(f.year);
  return Math.round(d.getTime() / DAY_MS);
}

/** A timestamp as the engine keeps it (epoch milliseconds): the text's own offset if any, else the wall clock in `timeZone`. */
export function fieldsToEpochMs(f: DateTimeFields, timeZone: string): number {
  const wall = new Date(Date.UTC(2000, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond));
  wall.setUTCFullYear(f.year);
  const wallMs = wall.getTime();
  if (f.offsetMinutes !== undefined) return wallMs - f.offsetMinutes * 60_000;
  return wallClockToInstant(wallMs, timeZone);
}
