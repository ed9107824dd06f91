/**
 * Wall-clock times in a named time zone → instants, without a time-zone library: the zone's
 * offset at an instant comes from Intl, and a wall-clock time is resolved by asking for the
 * offset at the naive guess and correcting once (enough outside the hour of a DST change).
 * A fixed offset Spark accepts and Intl does not (`+08:00`, `UTC+8`, as SET TIME ZONE sets
 * the session's) is its own offset.
 */

import { defaultTimeZone, fixedOffsetMillis } from '../../format/datetime-text.js';

/** Per zone: Intl's formatter, or null for a zone Intl rejects. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
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

/** The zone's offset from UTC in milliseconds at the instant `utcMs`. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (formatter === null) {
    checkTimeZone(timeZone);
    return fixedOffsetMillis(timeZone)!;
  }
  const parts = formatter.formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given fields (`wallMs` as if UTC). */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(first, timeZone);
}
