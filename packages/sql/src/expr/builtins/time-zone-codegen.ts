/**
 * `sqlZone`, inlined into generated code: a time zone's offset from UTC at an instant, from Intl
 * (region ids and Java's short ids, through the readers' per-day cache) or from the text of a fixed
 * offset (`+08:00`, `UTC-5`, `GMT+1`, `EST`), read as Spark reads zone ids (format/zone-ids.ts).
 */
import type { GenState } from '../registry.js';
import { FORMAT_FUNCTIONS_SYMBOL } from '../../io/format-functions-runtime.js';

export const ZONE = `const sqlZone = (() => {
  const runtime = () => globalThis[Symbol.for(${JSON.stringify(FORMAT_FUNCTIONS_SYMBOL)})];
  /**
   * A region: io/values/time-zone.ts's offsets (Intl, kept per day) and wall clock to instant
   * (java.time's: in an overlap the earlier instant, in a gap the wall clock moved later by it),
   * once Intl has taken the id (checked at the first use).
   */
  const region = (tz) => {
    const { zoneOffsetMs, wallClockToInstant, intlKnowsZone } = runtime();
    let checked = false;
    const check = () => {
      if (!intlKnowsZone(tz)) {
        throw new Error("[INVALID_TIMEZONE] The time zone '" + tz + "' is invalid: use a region ID such as 'America/Los_Angeles' or an offset such as '+08:00'.");
      }
      checked = true;
    };
    return {
      wall: (ms) => (checked || check(), ms + zoneOffsetMs(ms, tz)),
      instant: (wall) => (checked || check(), wallClockToInstant(wall, tz)),
    };
  };
  /** One zone: \`wall\` turns an instant into its wall clock there, \`instant\` goes back. */
  const zone = (tz) => {
    const constant = runtime().fixedOffsetMillis(tz);
    return constant === undefined ? region(tz) : { wall: (ms) => ms + constant, instant: (wall) => wall - constant };
  };
  const zones = new Map();
  /** The zone of an id, made once (prepared once per generated function for a constant id). */
  const of = (tz) => {
    let z = zones.get(tz);
    if (z === undefined) {
      z = zone(tz);
      zones.set(tz, z);
    }
    return z;
  };
  return { of };
})();`;

/** Generated code for a zone known while generating (the session's): its sqlZone object, made once in the prologue. */
export const constantZone = (state: GenState, tz: string): string => state.constant(`sqlZone.of(${JSON.stringify(tz)})`);
