/**
 * Dates and timestamps written with a Spark (Java DateTimeFormatter) pattern, as the JSON and CSV
 * generators write them (`dateFormat`, `timestampFormat`): letters y M d H h m s S E a, the
 * offsets X to XXXXX (Z for UTC), x to xxxxx and Z, quoted literals, and optional sections `[...]`,
 * which print whenever their fields exist (always, here).
 */
import { timeZoneOffsetMillis } from '../../format/datetime-text.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Java's offset letters: X (Z for zero) and x by width (1: +HH[mm], 2/4: +HHmm[ss], 3/5: +HH:mm[:ss]), Z as +HHmm. */
function offsetText(offsetMs: number, letter: string, width: number): string {
  const seconds = Math.round(offsetMs / 1000);
  if (seconds === 0 && letter === 'X') return 'Z';
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor(abs / 60) % 60, 2);
  const ss = abs % 60 === 0 ? '' : pad(abs % 60, 2);
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (width === 1) return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
  if (width === 3 || width === 5) return `${sign}${hh}:${mm}${width === 5 && ss ? `:${ss}` : ''}`;
  return `${sign}${hh}${mm}${width === 4 ? ss : ''}`;
}

/** One piece of a compiled pattern: the text it prints for a wall clock (read with getUTC*) and the zone's offset. */
type Piece = (d: Date, offsetMs: number) => string;

function piece(token: string): Piece | string {
  const w = token.length;
  switch (token[0]) {
    case '[':
    case ']':
      return '';
    case 'y': return w === 2 ? (d) => pad(d.getUTCFullYear() % 100, 2) : (d) => pad(d.getUTCFullYear(), w);
    case 'M':
      if (w >= 4) return (d) => MONTHS[d.getUTCMonth()]!;
      return w === 3 ? (d) => MONTHS[d.getUTCMonth()]!.slice(0, 3) : (d) => pad(d.getUTCMonth() + 1, w);
    case 'd': return (d) => pad(d.getUTCDate(), w);
    case 'H': return (d) => pad(d.getUTCHours(), w);
    case 'h': return (d) => pad(d.getUTCHours() % 12 || 12, w);
    case 'm': return (d) => pad(d.getUTCMinutes(), w);
    case 's': return (d) => pad(d.getUTCSeconds(), w);
    case 'S': return (d) => pad(d.getUTCMilliseconds(), 3).slice(0, w).padEnd(w, '0');
    case 'E': return w >= 4 ? (d) => DAYS[d.getUTCDay()]! : (d) => DAYS[d.getUTCDay()]!.slice(0, 3);
    case 'a': return (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM');
    default: return (_, offsetMs) => offsetText(offsetMs, token[0]!, w);
  }
}

/** A formatter of wall clocks: `wallMs` the local wall clock as UTC milliseconds, `offsetMs` the zone's offset at that instant (for X, x, Z). */
export type WallClockFormatter = (wallMs: number, offsetMs?: number) => string;

/** A pattern read once into its pieces (literal text merged), for formatting many values. */
function compileWallClockFormat(pattern: string): WallClockFormatter {
  const pieces: (Piece | string)[] = [];
  for (const [token, quoted] of pattern.matchAll(/'([^']*)'|\[|\]|y+|M+|d+|H+|h+|m+|s+|S+|E+|a|X+|x+|Z+|[^'[\]yMdHhmsSEaXxZ]+|'/g)) {
    const next = quoted !== undefined ? (quoted === '' ? "'" : quoted) : /^[^[\]yMdHhmsSEaXxZ]/.test(token) ? token : piece(token);
    if (typeof next === 'string' && typeof pieces.at(-1) === 'string') pieces[pieces.length - 1] += next;
    else pieces.push(next);
  }
  return (wallMs, offsetMs = 0) => {
    const d = new Date(wallMs);
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : p(d, offsetMs);
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

/** `wallMs`: the local wall clock as UTC milliseconds; `offsetMs`: the zone's offset at that instant (for X, x, Z). */
function formatWallClock(wallMs: number, pattern: string, offsetMs = 0): string {
  return wallClockFormatter(pattern)(wallMs, offsetMs);
}

/** A date (days since the epoch) with a pattern. */
export function formatDayWithPattern(day: number, pattern: string): string {
  return formatWallClock(day * DAY_MS, pattern);
}

/** A timestamp (epoch milliseconds) with a pattern, on the wall clock of `timeZone`. */
export function formatInstantWithPattern(epochMs: number, pattern: string, timeZone: string): string {
  const offset = timeZoneOffsetMillis(new Date(epochMs), timeZone);
  return formatWallClock(epochMs + offset, pattern, offset);
}
