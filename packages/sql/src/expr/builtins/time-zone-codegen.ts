/**
 * `sqlZone`, inlined into generated code: a time zone's offset from UTC at an instant, from Intl
 * (region ids, cached per quarter hour, since zones change offsets on such boundaries) or from
 * the text of a fixed offset (`+08:00`, `UTC-5`, `GMT+1`), as Spark's session time zone accepts.
 */
export const ZONE = `const sqlZone = (() => {
  const fixed = new Map();
  const formatters = new Map();
  const offsets = new Map();
  const fixedOffset = (tz) => {
    if (!fixed.has(tz)) {
      const m = /^(?:UTC|GMT|Z)?(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?$/i.exec(tz);
      fixed.set(tz, m === null ? undefined : m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60000);
    }
    return fixed.get(tz);
  };
  const offsetOf = (ms, tz) => {
    const constant = fixedOffset(tz);
    if (constant !== undefined) return constant;
    const key = tz + '|' + Math.floor(ms / 900000);
    let off = offsets.get(key);
    if (off === undefined) {
      let f = formatters.get(tz);
      if (f === undefined) {
        try {
          f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
        } catch {
          throw new Error("[INVALID_TIMEZONE] The time zone '" + tz + "' is invalid: use a region ID such as 'America/Los_Angeles' or an offset such as '+08:00'.");
        }
        formatters.set(tz, f);
      }
      const p = {};
      for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
      const d = new Date(Date.UTC(2000, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
      d.setUTCFullYear(p.era === 'BC' ? 1 - Number(p.year) : Number(p.year));
      off = d.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
      if (offsets.size > 100000) offsets.clear();
      offsets.set(key, off);
    }
    return off;
  };
  return {
    wall: (ms, tz) => ms + offsetOf(ms, tz),
    /** The instant whose wall clock reads \`wall\` (in a gap, the later offset applies; in an overlap, the earlier instant). */
    instant: (wall, tz) => {
      const first = wall - offsetOf(wall, tz);
      return wall - offsetOf(first, tz);
    },
  };
})();`;
