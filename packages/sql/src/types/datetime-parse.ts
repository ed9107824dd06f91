/**
 * Text to dates and timestamps as Spark's cast reads it (`stringToDate`, `stringToTimestamp`),
 * and as its CSV and JSON readers read text when no `dateFormat`/`timestampFormat` is given:
 * `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, then for timestamps `[ T][h]h[:[m]m[:[s]s[.fraction]]]`
 * and an optional zone (`Z`, `+hh:mm`, `UTC`, `Europe/Paris`); without a zone the wall-clock
 * time is in the session time zone. Dates become `Date`s at UTC midnight (DESIGN.md §8).
 * Returns undefined for text that is not a date or timestamp. JS Dates keep milliseconds, so
 * digits beyond the third of a fraction are dropped.
 */
import { fixedOffsetMillis } from '../format/zone-ids.js';
import { wallClockToInstant } from '../io/values/time-zone.js';
import { daysFromCivil, daysInMonth } from '../io/values/calendar.js';

const DATE = /^([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T].*)?)?)?$/s;
const TIMESTAMP =
  /^([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](?:(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z_]+\/[A-Za-z_/+-]+)?)?)?)?$/;

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DAY_MS = 86_400_000;

function utcDate(year: number, month: number, day: number, ms = 0): number {
  return daysFromCivil(year, month, day) * DAY_MS + ms;
}

/** A date text's day number (days since 1970-01-01), or undefined. */
export function parseDateDays(text: string): number | undefined {
  const m = DATE.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  if (!validDay(year, month, day)) return undefined;
  return Math.round(utcDate(year, month, day) / DAY_MS);
}

export function parseDate(text: string): Date | undefined {
  const days = parseDateDays(text);
  return days === undefined ? undefined : new Date(days * DAY_MS);
}

/** A timestamp text's wall clock (UTC milliseconds of its fields) and fixed offset (milliseconds ahead of UTC) or zone name; undefined when it is none. */
export function parseTimestampWallClock(text: string): { wall: number; offset: number | undefined; zone: string | undefined } | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const wall = utcDate(year, month, day, ((hour * 60 + minute) * 60 + second) * 1000 + millis);
  const zone = m[8];
  const offset = zone === undefined ? undefined : fixedOffsetMillis(zone);
  return { wall, offset, zone: offset === undefined ? zone : undefined };
}

export function parseTimestamp(text: string, timeZone: string): Date | undefined {
  const parsed = parseTimestampWallClock(text);
  if (parsed === undefined) return undefined;
  if (parsed.offset !== undefined) return new Date(parsed.wall - parsed.offset);
  return instantOfWallClock(parsed.wall, parsed.zone ?? timeZone);
}

/**
 * The instant whose wall clock in `timeZone` reads `wall` (UTC milliseconds of the wall-clock
 * fields), resolved as the readers and SQL functions resolve it (java.time: a gap moves the time
 * later, an overlap takes the earlier offset). Undefined for an unknown zone.
 */
export function instantOfWallClock(wall: number, timeZone: string): Date | undefined {
  try {
    return new Date(wallClockToInstant(wall, timeZone));
  } catch {
    return undefined;
  }
}
