/**
 * Parsing dates and timestamps with Spark's datetime patterns (`yyyy-MM-dd`,
 * `dd/MM/yyyy HH:mm:ss.SSS`, `yyyy-MM-dd'T'HH:mm:ssXXX`, optional `[...]` sections), and the
 * pattern-less forms Spark accepts (`2024-01-31`, `2024-01-31 12:30`, `2024-01-31T12:30:00.5Z`).
 * A pattern compiles once into a regular expression plus field setters.
 */
import { wallClockToInstant } from './time-zone.js';

export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Offset from UTC in minutes when the text carries a zone, else undefined. */
  offsetMinutes?: number;
}

type Setter = (f: DateTimeFields, text: string) => boolean;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function zoneOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'UTC' || text === 'GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

const ZONE_REGEX = '(Z|UTC|GMT|(?:UTC|GMT)?[+-]\\d{1,2}(?::?\\d{2})?)';

function fieldFor(letter: string, count: number): { regex: string; set: Setter } | undefined {
  const numeric = (key: keyof DateTimeFields, digits: string): { regex: string; set: Setter } => ({
    regex: `(\\d{${digits}})`,
    set: (f, t) => ((f[key] as number) = Number(t), true),
  });
  switch (letter) {
    case 'y':
    case 'u':
      if (count === 2) return { regex: '(\\d{2})', set: (f, t) => ((f.year = 2000 + Number(t)), true) };
      return numeric('year', count >= 4 ? '4,9' : '1,9');
    case 'M':
    case 'L':
      if (count >= 3) {
        return {
          regex: '([A-Za-z]+)',
          set: (f, t) => {
            const i = MONTHS.findIndex((m) => t.toLowerCase().startsWith(m));
            f.month = i + 1;
            return i >= 0;
          },
        };
      }
      return numeric('month', count === 2 ? '2' : '1,2');
    case 'd':
      return numeric('day', count === 2 ? '2' : '1,2');
    case 'H':
    case 'k':
      return numeric('hour', count === 2 ? '2' : '1,2');
    case 'h':
      return { regex: `(\\d{${count === 2 ? '2' : '1,2'}})`, set: (f, t) => ((f.hour = Number(t) % 12), true) };
    case 'a':
      return { regex: '([AaPp][Mm])', set: (f, t) => ((f.hour += t.toUpperCase() === 'PM' ? 12 : 0), true) };
    case 'm':
      return numeric('minute', count === 2 ? '2' : '1,2');
    case 's':
      return numeric('second', count === 2 ? '2' : '1,2');
    case 'S':
      return {
        regex: `(\\d{1,${Math.max(count, 1)}})`,
        set: (f, t) => ((f.millisecond = Math.floor(Number(`0.${t}`) * 1000 + 1e-6)), true),
      };
    case 'X':
    case 'x':
    case 'Z':
    case 'z':
    case 'V':
    case 'O':
      return {
        regex: ZONE_REGEX,
        set: (f, t) => {
          f.offsetMinutes = zoneOffset(t);
          return f.offsetMinutes !== undefined;
        },
      };
    default:
      return undefined;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A compiled Spark datetime pattern. */
export class DateTimePattern {
  private readonly regex: RegExp;
  private readonly setters: Setter[] = [];

  constructor(readonly pattern: string) {
    let source = '';
    let i = 0;
    while (i < pattern.length) {
      const c = pattern[i];
      if (c === "'") {
        const end = pattern.indexOf("'", i + 1);
        if (end < 0) throw new Error(`unterminated quote in datetime pattern '${pattern}'`);
        source += end === i + 1 ? "'" : escapeRegex(pattern.slice(i + 1, end));
        i = end + 1;
      } else if (c === '[') {
        source += '(?:';
        i++;
      } else if (c === ']') {
        source += ')?';
        i++;
      } else if (/[A-Za-z]/.test(c)) {
        let count = 1;
        while (pattern[i + count] === c) count++;
        const field = fieldFor(c, count);
        if (!field) throw new Error(`unsupported letter '${c}' in datetime pattern '${pattern}'`);
        source += field.regex;
        this.setters.push(field.set);
        i += count;
      } else {
        source += escapeRegex(c);
        i++;
      }
    }
    this.regex = new RegExp(`^${source}$`);
  }

  parse(text: string): DateTimeFields | undefined {
    const m = this.regex.exec(text);
    if (!m) return undefined;
    const f: DateTimeFields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    for (let i = 0; i < this.setters.length; i++) {
      const group = m[i + 1];
      if (group !== undefined && !this.setters[i](f, group)) return undefined;
    }
    return validFields(f) ? f : undefined;
  }
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
