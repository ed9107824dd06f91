/**
 * Wall-clock times in a named time zone → instants, without a time-zone library: the zone's
 * offset at an instant comes from Intl, and a wall-clock time is resolved by asking for the
 * offset at the naive guess and correcting once (enough outside the hour of a DST change).
 */

import { defaultTimeZone } from '../../format/datetime-text.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * A reader's zone for timestamps whose text carries none: its `timeZone` option (checked now), else
 * the process's, looked up when first asked for: Intl's first use costs a task thread ~12 ms, and
 * most files have no timestamp to parse.
 */
export function readerTimeZone(given: string | undefined): () => string {
  if (given !== undefined) checkTimeZone(given);
  return () => given ?? defaultTimeZone();
}

/** Throws a one-line error for a zone name Intl does not know. */
export function checkTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new Error(`unknown time zone '${timeZone}' (use an IANA name such as 'UTC' or 'Europe/Paris')`);
  }
}

/** The zone's offset from UTC in milliseconds at the instant `utcMs`. */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given fields (`wallMs` as if UTC). */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(first, timeZone);
}
