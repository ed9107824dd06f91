/**
 * `sqlZone`, inlined into generated code: a time zone's offset from UTC at an instant, from Intl
 * (region ids, cached per quarter hour, since zones change offsets on such boundaries) or from
 * the text of a fixed offset (`+08:00`, `UTC-5`, `GMT+1`), as Spark's session time zone accepts.
 */
import type { GenState } from '../registry.js';

export const ZONE = `const sqlZone = (() => {
  const fixedOffset = (tz) => {
    const m = /^(?:UTC|GMT|Z)?(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?$/i.exec(tz);
    return m === null ? undefined : m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60000;
  };
  /** A region's offset at an instant, from Intl, kept per quarter hour (the formatter made at its first use). */
  const regionOffsets = (tz) => {
    let f;
    const offsets = new Map();
    return (ms) => {
      const quarter = Math.floor(ms / 900000);
      let off = offsets.get(quarter);
      if (off === undefined) {
        if (f === undefined) {
          try {
            f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
          } catch {
            throw new Error("[INVALID_TIMEZONE] The time zone '" + tz + "' is invalid: use a region ID such as 'America/Los_Angeles' or an offset such as '+08:00'.");
          }
        }
        const p = {};
        for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
        const d = new Date(Date.UTC(2000, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
        d.setUTCFullYear(p.era === 'BC' ? 1 - Number(p.year) : Number(p.year));
        off = d.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
        if (offsets.size > 100000) offsets.clear();
        offsets.set(quarter, off);
      }
      return off;
    };
  };
  /** One zone: \`wall\` turns an instant into its wall clock there, \`instant\` goes back (in a gap, the later offset applies; in an overlap, the earlier instant). */
  const zone = (tz) => {
    const constant = fixedOffset(tz);
    if (constant !== undefined) return { wall: (ms) => ms + constant, instant: (wall) => wall - constant };
    const offsetOf = regionOffsets(tz);
    return {
      wall: (ms) => ms + offsetOf(ms),
      instant: (wall) => {
        const first = wall - offsetOf(wall);
        return wall - offsetOf(first);
      },
    };
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
