/**
 * Dates and timestamps written with a Spark datetime pattern (tokens from datetime-pattern.ts), as
 * date_format, from_unixtime and to_char and the JSON and CSV generators (`dateFormat`,
 * `timestampFormat`) write them: java.time's texts in Locale.US (Jan, January, Fri, Friday, AM,
 * AD, Q1, 1st quarter), numbers padded to the run's width, fractions cut to it, offsets (X, x, Z,
 * O) and zone names (VV, z), and optional sections `[...]`, which print whenever their fields
 * exist (always, here).
 */
import { patternTokens, type PatternToken } from './datetime-pattern.js';
import { daysFromCivil, MONTHS } from './calendar.js';
import { zoneOffsetMs } from './time-zone.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const QUARTERS = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];
const DAY_MS = 86_400_000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Java's offset texts: X (Z for zero) and x by width (1: +HH[mm], 2/4: +HHmm[ss], 3/5: +HH:mm[:ss]), Z (1-3: +HHmm, 4: GMT+HH:mm, 5: as XXXXX), O (GMT+H[:mm], OOOO: GMT+HH:mm). */
function offsetText(offsetMs: number, letter: string, width: number): string {
  const seconds = Math.round(offsetMs / 1000);
  if (letter === 'Z' && width === 4) return offsetText(offsetMs, 'O', 4);
  if (letter === 'Z' && width === 5) return offsetText(offsetMs, 'X', 5);
  if (seconds === 0 && letter === 'X') return 'Z';
  if (seconds === 0 && letter === 'O') return 'GMT';
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor(abs / 60) % 60, 2);
  const ss = abs % 60 === 0 ? '' : pad(abs % 60, 2);
  if (letter === 'O') return width === 4 ? `GMT${sign}${hh}:${mm}${ss && `:${ss}`}` : `GMT${sign}${Number(hh)}${mm === '00' && !ss ? '' : `:${mm}`}${ss && `:${ss}`}`;
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (width === 1) return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
  if (width === 3 || width === 5) return `${sign}${hh}:${mm}${width === 5 && ss ? `:${ss}` : ''}`;
  return `${sign}${hh}${mm}${width === 4 ? ss : ''}`;
}

const zoneNameFormats = new Map<string, Intl.DateTimeFormat | null>();

/** A zone's name in Locale.US (z: short, zzzz: long), as Intl spells it (its formatter made once per zone and style). */
function zoneName(zoneId: string, wallMs: number, offsetMs: number, long: boolean): string {
  const key = `${long ? 'l' : 's'}${zoneId}`;
  let format = zoneNameFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zoneId, timeZoneName: long ? 'long' : 'short' });
    } catch {
      format = null;
    }
    zoneNameFormats.set(key, format);
  }
  return format?.formatToParts(new Date(wallMs - offsetMs)).find((p) => p.type === 'timeZoneName')?.value ?? zoneId;
}

/** java.time's year texts: yy the last two digits, else padded to the width, + past four digits when the run is 4 or more. */
function yearText(year: number, width: number): string {
  if (width === 2) return pad(((year % 100) + 100) % 100, 2);
  const digits = pad(Math.abs(year), width);
  return year < 0 ? `-${digits}` : width >= 4 && digits.length > width ? `+${digits}` : digits;
}

const dayOfYear = (d: Date) => Math.floor(d.getTime() / DAY_MS) - daysFromCivil(d.getUTCFullYear(), 1, 1) + 1;

/** One piece of a compiled pattern: the text it prints for a wall clock (read with getUTC*), the zone's offset and id. */
type Piece = (d: Date, offsetMs: number, zoneId: string) => string;

function piece(letter: string, w: number): Piece {
  const num = (get: (d: Date) => number): Piece => (w === 1 ? (d) => String(get(d)) : (d) => pad(get(d), w));
  switch (letter) {
    case 'G': return w === 4 ? (d) => (d.getUTCFullYear() > 0 ? 'Anno Domini' : 'Before Christ') : (d) => (d.getUTCFullYear() > 0 ? 'AD' : 'BC');
    case 'y': return (d) => yearText(d.getUTCFullYear(), w);
    case 'M':
    case 'L':
      if (w === 4) return (d) => MONTHS[d.getUTCMonth()]!;
      return w === 3 ? (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3) : num((d) => d.getUTCMonth() + 1);
    case 'd': return num((d) => d.getUTCDate());
    case 'D': return num(dayOfYear);
    case 'Q':
    case 'q': {
      const quarter = (d: Date) => Math.floor(d.getUTCMonth() / 3);
      if (w === 3) return (d) => `Q${quarter(d) + 1}`;
      return w === 4 ? (d) => QUARTERS[quarter(d)]! : num((d) => quarter(d) + 1);
    }
    case 'E': return w === 4 ? (d) => DAYS[d.getUTCDay()]! : (d) => DAYS[d.getUTCDay()]!.slice(0, 3);
    case 'F': return (d) => String(((d.getUTCDate() - 1) % 7) + 1);
    case 'a': return (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM');
    case 'H': return num((d) => d.getUTCHours());
    case 'h': return num((d) => d.getUTCHours() % 12 || 12);
    case 'K': return num((d) => d.getUTCHours() % 12);
    case 'k': return num((d) => d.getUTCHours() || 24);
    case 'm': return num((d) => d.getUTCMinutes());
    case 's': return num((d) => d.getUTCSeconds());
    case 'S': return (d) => pad(d.getUTCMilliseconds(), 3).slice(0, w).padEnd(w, '0');
    case 'V': return (_d, _o, zoneId) => zoneId;
    case 'z': return (d, offsetMs, zoneId) => zoneName(zoneId, d.getTime(), offsetMs, w === 4);
    default: return (_, offsetMs) => offsetText(offsetMs, letter, w);
  }
}

/** A formatter of wall clocks: `wallMs` the local wall clock as UTC milliseconds, `offsetMs` the zone's offset at that instant and `zoneId` the zone (for X, x, Z, O, V, z). */
export type WallClockFormatter = (wallMs: number, offsetMs?: number, zoneId?: string) => string;

/** A pattern read once into its pieces (literal text merged), for formatting many values. */
function compileWallClockFormat(pattern: string): WallClockFormatter {
  const pieces: (Piece | string)[] = [];
  const add = (tokens: readonly PatternToken[]) => {
    for (const token of tokens) {
      if (token.kind === 'optional') add(token.tokens);
      else if (token.kind === 'field') pieces.push(piece(token.letter, token.count));
      else if (typeof pieces.at(-1) === 'string') pieces[pieces.length - 1] += token.text;
      else pieces.push(token.text);
    }
  };
  add(patternTokens(pattern, false));
  return (wallMs, offsetMs = 0, zoneId = 'UTC') => {
    const d = new Date(wallMs);
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : p(d, offsetMs, zoneId);
    return out;
  };
}

const formatters = new Map<string, WallClockFormatter>();

/** The compiled formatter of a pattern, kept by its text. */
export function wallClockFormatter(pattern: string): WallClockFormatter {
  let f = formatters.get(pattern);
  if (f === undefined) {
    if (formatters.size >= 1024) formatters.clear();
    f = compileWallClockFormat(pattern);
    formatters.set(pattern, f);
  }
  return f;
}

/** A date (days since the epoch) with a pattern. */
export function formatDayWithPattern(day: number, pattern: string): string {
  return wallClockFormatter(pattern)(day * DAY_MS);
}

/** A timestamp (epoch milliseconds) with a pattern, on the wall clock of `timeZone` (its offset cached per day, not an Intl call per value). */
export function formatInstantWithPattern(epochMs: number, pattern: string, timeZone: string): string {
  const offset = zoneOffsetMs(epochMs, timeZone);
  return wallClockFormatter(pattern)(epochMs + offset, offset, timeZone);
}
