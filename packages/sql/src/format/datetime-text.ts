/**
 * Dates and timestamps as Spark casts them to text: `yyyy-MM-dd` and
 * `yyyy-MM-dd HH:mm:ss[.fraction]` (the fraction without trailing zeros), a timestamp shown in
 * the session time zone, a timestamp_ntz and a date as their UTC fields (a date is a `Date`
 * at UTC midnight, DESIGN.md §8).
 */
import { daysFromCivil } from '../io/values/calendar.js';
import { fixedOffsetMillis, javaZoneId } from './zone-ids.js';

let processTimeZone: string | undefined;

/** The process's time zone, the default session time zone (looked up once: Intl is slow). */
export function defaultTimeZone(): string {
  processTimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return processTimeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: javaZoneId(timeZone),
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new Error(`[INVALID_TIMEZONE] The time zone '${timeZone}' is invalid: use a region ID such as 'America/Los_Angeles' or an offset such as '+08:00'.`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function utcFields(date: Date): Fields {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}


function zonedFields(date: Date, timeZone: string): Fields {
  if (timeZone === 'UTC') return utcFields(date);
  const fixed = fixedOffsetMillis(timeZone);
  if (fixed !== undefined) return utcFields(new Date(date.getTime() + fixed));
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
export function timeZoneOffsetMillis(instant: Date, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const f = zonedFields(instant, timeZone);
  const wall = daysFromCivil(f.year, f.month, f.day) * 86_400_000 + ((f.hour * 60 + f.minute) * 60 + f.second) * 1000;
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  return wall - seconds;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dayText(f: Fields): string {
  const year = f.year < 0 ? `-${pad(-f.year, 4)}` : f.year > 9999 ? `+${f.year}` : pad(f.year, 4);
  return `${year}-${pad(f.month)}-${pad(f.day)}`;
}

export function formatDate(date: Date): string {
  assertValid(date);
  return dayText(utcFields(date));
}

/** `timeZone` 'UTC' also serves timestamp_ntz, whose Date holds the wall-clock fields in UTC. */
export function formatTimestamp(date: Date, timeZone: string): string {
  assertValid(date);
  const f = zonedFields(date, timeZone);
  const millis = ((date.getTime() % 1000) + 1000) % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3).replace(/0+$/, '')}`;
  return `${dayText(f)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${fraction}`;
}

function assertValid(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new Error('Invalid Date cannot be shown as a date or timestamp');
}
