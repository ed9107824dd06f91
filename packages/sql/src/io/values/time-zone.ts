/**
 * Wall-clock times in a named time zone → instants, without a time-zone library: the zone's
 * offset at an instant comes from Intl, and a wall-clock time is resolved by asking for the
 * offset at the naive guess and correcting once (enough outside the hour of a DST change).
 * A fixed offset Spark accepts and Intl does not (`+08:00`, `UTC+8`, as SET TIME ZONE sets
 * the session's) is its own offset.
 */

import { defaultTimeZone } from '../../format/datetime-text.js';
import { fixedOffsetMillis, javaZoneId } from '../../format/zone-ids.js';

/** Per zone: Intl's formatter, or null for a zone Intl rejects. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: javaZoneId(timeZone),
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * A reader's zone for timestamps whose text carries none: its `timeZone` option (checked now), else
 * the session's (Spark's CSVOptions/JSONOptions default, resolved on the driver and shipped with
 * the task), else the process's, looked up when first asked for: Intl's first use costs a task
 * thread ~12 ms, and most files have no timestamp to parse.
 */
export function readerTimeZone(given: string | undefined, sessionTimeZone?: string): () => string {
  if (given !== undefined) checkTimeZone(given);
  return () => given ?? sessionTimeZone ?? defaultTimeZone();
}

/** Throws a one-line error for a zone name Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  if (formatterFor(timeZone) === null && fixedOffsetMillis(timeZone) === undefined) {
    throw new Error(`unknown time zone '${timeZone}' (use an IANA name such as 'UTC' or 'Europe/Paris', or an offset such as '+08:00')`);
  }
}

/**
 * Per zone: a fixed offset, or the offsets Intl gave at the start of each day and, for days whose
 * start and end offsets differ (a DST change), at each quarter hour (zones change offsets only on
 * such boundaries). One Intl call per day seen, not per value: Intl costs microseconds a call.
 */
interface ZoneOffsets {
  fixed: number | undefined;
  byDay: Map<number, number>;
  byQuarter: Map<number, number>;
}
const zoneOffsets = new Map<string, ZoneOffsets>();
const DAY_MS = 86_400_000;

function cached(map: Map<number, number>, key: number, compute: () => number): number {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= 100_000) map.clear();
    map.set(key, (value = compute()));
  }
  return value;
}

/** The zone's offset from UTC in milliseconds at the instant `utcMs`. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  let zone = zoneOffsets.get(timeZone);
  if (zone === undefined) {
    const fixed = fixedOffsetMillis(timeZone);
    if (fixed === undefined) checkTimeZone(timeZone);
    zoneOffsets.set(timeZone, (zone = { fixed, byDay: new Map(), byQuarter: new Map() }));
  }
  if (zone.fixed !== undefined) return zone.fixed;
  const day = Math.floor(utcMs / DAY_MS);
  const start = cached(zone.byDay, day, () => intlOffsetMs(day * DAY_MS, timeZone));
  const end = cached(zone.byDay, day + 1, () => intlOffsetMs((day + 1) * DAY_MS, timeZone));
  if (start === end) return start;
  return cached(zone.byQuarter, Math.floor(utcMs / 900_000), () => intlOffsetMs(utcMs, timeZone));
}

/** Intl's offset at an instant: its wall clock there (BC years and years below 100 as they are) less the instant, to the second. */
function intlOffsetMs(utcMs: number, timeZone: string): number {
  const p: Record<string, string> = {};
  for (const part of formatterFor(timeZone)!.formatToParts(new Date(utcMs))) p[part.type] = part.value;
  const wall = new Date(Date.UTC(2000, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
  wall.setUTCFullYear(p.era === 'BC' ? 1 - Number(p.year) : Number(p.year));
  return wall.getTime() - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given fields (`wallMs` as if UTC), as
 * java.time's ZonedDateTime.ofLocal resolves it (Spark's): in an overlap the earlier instant, in a
 * gap the wall clock moved later by the gap (the offset before it). Zone transitions are days
 * apart, so the offsets a day before and after the wall clock are those around any change near it.
 */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  const before = zoneOffsetMs(wallMs - DAY_MS, timeZone);
  const after = zoneOffsetMs(wallMs + DAY_MS, timeZone);
  if (before === after) return wallMs - before;
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = zoneOffsetMs(early, timeZone) === before;
  const lateValid = zoneOffsetMs(late, timeZone) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  return lateValid ? late : early;
}
