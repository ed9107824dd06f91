/**
 * Text → dates and timestamps with a Spark datetime pattern (tokens from datetime-pattern.ts), as
 * Spark's TimestampFormatter parses: java.time's strict, case-insensitive reading (`MM` exactly two
 * digits, `M` one or more, `yyyy` four, `MMM` Jan, `MMMM` January, `a` AM/PM, fractions of 1 to n
 * `S` digits, offsets and zone ids), missing fields from 1970-01-01 00:00 (Spark's toLocalDate
 * and toLocalTime), and Java's message for text that does not parse (ANSI mode's error).
 */
import { fixedOffsetMillis } from '../../format/zone-ids.js';
import { patternTokens, type PatternToken } from './datetime-pattern.js';
import { daysFromCivil, daysInMonth, isLeapYear, MONTHS } from './calendar.js';

const DAY_MS = 86_400_000;

/** Field slots a parse fills (NaN: absent). */
const enum Slot { Year, Month, Day, DayOfYear, Hour, ClockHourOfAmPm, HourOfAmPm, ClockHourOfDay, Minute, Second, Milli, AmPm, Era, Offset }
const SLOTS = 14;

/** What a pattern letter reads: its regular expression and where the matched text goes. */
interface FieldReader {
  regex: string;
  slot: Slot;
  value: (text: string) => number;
}

const number = Number;
const lookup = (names: string[], base = 0) => {
  const map = new Map(names.map((n, i) => [n.toLowerCase(), i + base]));
  return (text: string) => map.get(text.toLowerCase()) ?? NaN;
};
const alternatives = (names: string[]) => `(${names.join('|')})`;

/** Minutes east of UTC of an offset text (Z, +08, +0800, +08:00, GMT+8, +08:00:00), NaN for none. */
const offsetMinutes = (text: string): number => (fixedOffsetMillis(text) ?? NaN) / 60_000;

const OFFSET = '[+-]\\d{2}(?::?\\d{2}){0,2}';
const GMT_OFFSET = '(?:GMT|UTC)(?:[+-]\\d{1,2}(?::?\\d{2}){0,2})?';

function fieldReader(letter: string, count: number): FieldReader {
  const digits = (slot: Slot, fixed = count === 2) => ({ regex: fixed ? '(\\d{2})' : '(\\d{1,19})', slot, value: number });
  switch (letter) {
    case 'y':
      if (count === 2) return { regex: '(\\d{2})', slot: Slot.Year, value: (t) => 2000 + Number(t) };
      if (count < 4) return { regex: `(-?\\d{${count},19})`, slot: Slot.Year, value: number };
      return { regex: `(\\d{${count}}|-\\d{${count}}|[+-]\\d{${count + 1},19})`, slot: Slot.Year, value: number };
    case 'M':
    case 'L':
      if (count === 3) return { regex: alternatives(MONTHS.map((m) => m.slice(0, 3))), slot: Slot.Month, value: lookup(MONTHS.map((m) => m.slice(0, 3)), 1) };
      if (count === 4) return { regex: alternatives(MONTHS), slot: Slot.Month, value: lookup(MONTHS, 1) };
      return digits(Slot.Month);
    case 'd': return digits(Slot.Day);
    case 'D': return { regex: count === 1 ? '(\\d{1,19})' : `(\\d{${count},3})`, slot: Slot.DayOfYear, value: number };
    case 'H': return digits(Slot.Hour);
    case 'h': return digits(Slot.ClockHourOfAmPm);
    case 'K': return digits(Slot.HourOfAmPm);
    case 'k': return digits(Slot.ClockHourOfDay);
    case 'm': return digits(Slot.Minute);
    case 's': return digits(Slot.Second);
    case 'S': return { regex: `(\\d{1,${count}})`, slot: Slot.Milli, value: (t) => Number(`${t}00`.slice(0, 3)) };
    case 'a': return { regex: '(AM|PM)', slot: Slot.AmPm, value: lookup(['AM', 'PM']) };
    case 'G':
      return count === 4
        ? { regex: '(Before Christ|Anno Domini)', slot: Slot.Era, value: lookup(['Before Christ', 'Anno Domini']) }
        : { regex: '(BC|AD)', slot: Slot.Era, value: lookup(['BC', 'AD']) };
    case 'X': return { regex: `(Z|${OFFSET})`, slot: Slot.Offset, value: offsetMinutes };
    case 'Z':
      if (count === 4) return { regex: `(${GMT_OFFSET})`, slot: Slot.Offset, value: offsetMinutes };
      return { regex: count === 5 ? `(Z|${OFFSET})` : `(${OFFSET})`, slot: Slot.Offset, value: offsetMinutes };
    case 'x': return { regex: `(${OFFSET})`, slot: Slot.Offset, value: offsetMinutes };
    case 'O': return { regex: `(${GMT_OFFSET})`, slot: Slot.Offset, value: offsetMinutes };
    default:
      // V and z: a zone id or name, resolved when the wall clock is known (zoneAt).
      return { regex: '([A-Za-z][A-Za-z0-9_/+-]*|[+-]\\d{2}(?::?\\d{2})?)', slot: Slot.Offset, value: () => NaN };
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One step of the sequential walk that explains a failure, as java.time reads: greedy, no backtracking. */
type Step = { re: RegExp; reader?: FieldReader; letter?: string } | { optional: Step[] };

const RANGES: [Slot, string, number, number | string, number][] = [
  [Slot.Month, 'MonthOfYear', 1, 12, 12],
  [Slot.Day, 'DayOfMonth', 1, '28/31', 31],
  [Slot.DayOfYear, 'DayOfYear', 1, '365/366', 366],
  [Slot.ClockHourOfDay, 'ClockHourOfDay', 1, 24, 24],
  [Slot.ClockHourOfAmPm, 'ClockHourOfAmPm', 1, 12, 12],
  [Slot.HourOfAmPm, 'HourOfAmPm', 0, 11, 11],
  [Slot.Hour, 'HourOfDay', 0, 23, 23],
  [Slot.Minute, 'MinuteOfHour', 0, 59, 59],
  [Slot.Second, 'SecondOfMinute', 0, 59, 59],
];

/** A compiled pattern for reading text. One instance is used by one thread at a time (its slots are reused). */
export class DateTimeParser {
  private readonly regex: RegExp;
  private readonly readers: FieldReader[] = [];
  private readonly steps: Step[];
  private readonly zoneGroups: number[] = [];
  private readonly slots = new Float64Array(SLOTS);
  /** After a successful parse: the text's offset in minutes (NaN for none) and zone id (undefined for none). */
  offset = NaN;
  zone: string | undefined;

  constructor(readonly pattern: string) {
    const build = (tokens: readonly PatternToken[]): { source: string; steps: Step[] } => {
      let source = '';
      const steps: Step[] = [];
      for (const token of tokens) {
        if (token.kind === 'literal') {
          source += escapeRegex(token.text);
          steps.push({ re: new RegExp(escapeRegex(token.text), 'iy') });
        } else if (token.kind === 'optional') {
          const inner = build(token.tokens);
          source += `(?:${inner.source})?`;
          steps.push({ optional: inner.steps });
        } else {
          const reader = fieldReader(token.letter, token.count);
          if (token.letter === 'V' || token.letter === 'z') this.zoneGroups.push(this.readers.length);
          this.readers.push(reader);
          source += reader.regex;
          steps.push({ re: new RegExp(reader.regex, 'iy'), reader, letter: token.letter });
        }
      }
      return { source, steps };
    };
    const { source, steps } = build(patternTokens(pattern, true));
    this.regex = new RegExp(`^${source}$`, 'i');
    this.steps = steps;
  }

  /** The wall clock the text spells, as UTC milliseconds, or null; sets `offset` and `zone`. */
  wall(text: string): number | null {
    const m = this.regex.exec(text);
    if (m === null) return null;
    const slots = this.slots;
    slots.fill(NaN);
    const readers = this.readers;
    for (let i = 0; i < readers.length; i++) {
      const group = m[i + 1];
      if (group !== undefined) slots[readers[i]!.slot] = readers[i]!.value(group);
    }
    this.zone = undefined;
    for (const i of this.zoneGroups) if (m[i + 1] !== undefined) this.zone = m[i + 1];
    this.offset = slots[Slot.Offset]!;
    if (this.zone !== undefined) {
      const fixed = offsetMinutes(this.zone);
      if (!Number.isNaN(fixed)) [this.offset, this.zone] = [fixed, undefined];
    }
    return resolveWallClock(slots);
  }

  /** The instant the text names: its own offset or zone if it has one, else `zone`'s wall clock. */
  instant(text: string, zone: { instant(wallMs: number): number }, zoneOf: (id: string) => { instant(wallMs: number): number }): number | null {
    const wall = this.wall(text);
    if (wall === null) return null;
    if (!Number.isNaN(this.offset)) return wall - this.offset * 60_000;
    if (this.zone !== undefined) {
      try {
        return zoneOf(this.zone).instant(wall);
      } catch {
        return null;
      }
    }
    return zone.instant(wall);
  }

  /** The date (days since 1970-01-01) the text names, or null. */
  day(text: string): number | null {
    const wall = this.wall(text);
    return wall === null ? null : Math.floor(wall / DAY_MS);
  }

  /** Java's DateTimeParseException text for text this pattern does not read (ANSI mode's CANNOT_PARSE_TIMESTAMP). */
  failure(text: string): string {
    const slots = new Float64Array(SLOTS).fill(NaN);
    const walk = (steps: Step[], at: number): number => {
      for (const step of steps) {
        if ('optional' in step) {
          const saved = slots.slice();
          const end = walk(step.optional, at);
          if (end < 0) slots.set(saved);
          else at = end;
          continue;
        }
        step.re.lastIndex = at;
        const m = step.re.exec(text);
        if (m === null) return ~at;
        if (step.reader !== undefined) slots[step.reader.slot] = step.reader.value(m[0]);
        at += m[0].length;
      }
      return at;
    };
    const end = walk(this.steps, 0);
    if (end < 0) return `could not be parsed at index ${~end}`;
    if (end < text.length) return `could not be parsed, unparsed text found at index ${end}`;
    for (const [slot, name, low, high, max] of RANGES) {
      const v = slots[slot]!;
      if (!Number.isNaN(v) && (v < low || v > max)) return `could not be parsed: Invalid value for ${name} (valid values ${low} - ${high}): ${v}`;
    }
    const month = Number.isNaN(slots[Slot.Month]!) ? 1 : slots[Slot.Month]!;
    const day = slots[Slot.Day]!;
    const year = Number.isNaN(slots[Slot.Year]!) ? 1970 : slots[Slot.Year]!;
    if (month === 2 && day === 29 && !isLeapYear(year)) return `could not be parsed: Invalid date 'February 29' as '${year}' is not a leap year`;
    return `could not be parsed: Invalid date '${MONTHS[month - 1]!.toUpperCase()} ${day}'`;
  }
}

/** Spark's toLocalDate/toLocalTime over java.time's strict ranges: the wall clock in UTC milliseconds, or null. */
function resolveWallClock(s: Float64Array): number | null {
  let year = s[Slot.Year]!;
  const era = s[Slot.Era]!;
  if (!Number.isNaN(era)) {
    if (year < 1) return null;
    if (era === 0) year = 1 - year;
  }
  const hasYear = !Number.isNaN(year);
  if (!hasYear) year = 1970;
  let days: number;
  const dayOfYear = s[Slot.DayOfYear]!;
  if (!Number.isNaN(dayOfYear) && hasYear && Number.isNaN(s[Slot.Month]!) && Number.isNaN(s[Slot.Day]!)) {
    if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)) return null;
    days = daysFromCivil(year, 1, 1) + dayOfYear - 1;
  } else {
    const month = Number.isNaN(s[Slot.Month]!) ? 1 : s[Slot.Month]!;
    const day = Number.isNaN(s[Slot.Day]!) ? 1 : s[Slot.Day]!;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    days = daysFromCivil(year, month, day);
  }
  const minute = Number.isNaN(s[Slot.Minute]!) ? 0 : s[Slot.Minute]!;
  const second = Number.isNaN(s[Slot.Second]!) ? 0 : s[Slot.Second]!;
  if (minute > 59 || second > 59) return null;
  const hour = resolveHour(s);
  if (hour === null) return null;
  return days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + (Number.isNaN(s[Slot.Milli]!) ? 0 : s[Slot.Milli]!);
}

/** The hour of day from H, or h/K with a (am without it), or k, or a alone (PM: 12); null out of range. */
function resolveHour(s: Float64Array): number | null {
  const h24 = s[Slot.Hour]!;
  const clock12 = s[Slot.ClockHourOfAmPm]!;
  const h12 = s[Slot.HourOfAmPm]!;
  const clock24 = s[Slot.ClockHourOfDay]!;
  const pm = s[Slot.AmPm]!;
  if (clock12 < 1 || clock12 > 12 || h12 > 11 || clock24 < 1 || clock24 > 24 || h24 > 23) return null;
  if (!Number.isNaN(h24)) return h24;
  const ofAmPm = !Number.isNaN(clock12) ? clock12 % 12 : h12;
  if (!Number.isNaN(ofAmPm)) return ofAmPm + (pm === 1 ? 12 : 0);
  if (!Number.isNaN(clock24)) return clock24 % 24;
  return pm === 1 ? 12 : 0;
}

const parsers = new Map<string, DateTimeParser>();

/** The parser of a pattern, compiled once (Spark's pattern errors are thrown here). */
export function dateTimeParser(pattern: string): DateTimeParser {
  let p = parsers.get(pattern);
  if (p === undefined) {
    if (parsers.size >= 1024) parsers.clear();
    p = new DateTimeParser(pattern);
    parsers.set(pattern, p);
  }
  return p;
}
