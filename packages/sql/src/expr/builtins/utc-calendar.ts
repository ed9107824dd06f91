/**
 * `sqlUtc`, inlined into generated code: Date.UTC on Spark's proleptic Gregorian calendar.
 * Date.UTC reads a year 0-99 as 1900 + year, so those years are taken 400 years later and moved
 * back: the calendar repeats every 400 years (146097 days exactly), so a month or day that
 * overflows into the next or previous year still lands on the right date.
 */
export const UTC_MS = `function sqlUtc(y, mo, d, h = 0, mi = 0, s = 0, ms = 0) {
  return y >= 0 && y < 100 ? Date.UTC(y + 400, mo, d, h, mi, s, ms) - 12622780800000 : Date.UTC(y, mo, d, h, mi, s, ms);
}`;
