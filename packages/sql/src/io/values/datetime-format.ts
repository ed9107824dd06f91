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

/** `wallMs`: the local wall clock as UTC milliseconds; `offsetMs`: the zone's offset at that instant (for X, x, Z). */
export function formatWallClock(wallMs: number, pattern: string, offsetMs = 0): string {
  const d = new Date(wallMs);
  return pattern.replace(/'([^']*)'|\[|\]|y+|M+|d+|H+|h+|m+|s+|S+|E+|a|X+|x+|Z+/g, (token, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const w = token.length;
    switch (token[0]) {
      case '[':
      case ']':
        return '';
      case 'y': return w === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), w);
      case 'M': return w >= 4 ? MONTHS[d.getUTCMonth()]! : w === 3 ? MONTHS[d.getUTCMonth()]!.slice(0, 3) : pad(d.getUTCMonth() + 1, w);
      case 'd': return pad(d.getUTCDate(), w);
      case 'H': return pad(d.getUTCHours(), w);
      case 'h': return pad(d.getUTCHours() % 12 || 12, w);
      case 'm': return pad(d.getUTCMinutes(), w);
      case 's': return pad(d.getUTCSeconds(), w);
      case 'S': return pad(d.getUTCMilliseconds(), 3).slice(0, w).padEnd(w, '0');
      case 'E': return w >= 4 ? DAYS[d.getUTCDay()]! : DAYS[d.getUTCDay()]!.slice(0, 3);
      case 'a': return d.getUTCHours() < 12 ? 'AM' : 'PM';
      default: return offsetText(offsetMs, token[0]!, w);
    }
  });
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
