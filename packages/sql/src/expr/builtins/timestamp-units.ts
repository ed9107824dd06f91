/**
 * timestamp_add(unit, quantity, ts) and timestamp_diff(unit, start, end) (SQL's TIMESTAMPADD and
 * TIMESTAMPDIFF, Spark's DateTimeUtils.timestampAdd/timestampDiff): units up to HOUR move the
 * instant; DAY, WEEK and DAYOFYEAR move the wall clock's date in the session time zone, MONTH,
 * QUARTER and YEAR its month (the day clamped to the month's last). A difference counts whole
 * units between the two wall clocks, as java.time's ChronoUnit.between does. Engine timestamps are
 * milliseconds, so MICROSECOND steps are whole milliseconds (a fraction is dropped).
 */
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';
import { UTC_MS } from './utc-calendar.js';

const ADD_UNITS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'DAYOFYEAR', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND'];
const DIFF_UNITS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND'];

function checkUnit(unit: unknown, units: readonly string[], functionName: string): void {
  if (typeof unit === 'string' && units.includes(unit.toUpperCase())) return;
  throw new AnalysisException(
    'INVALID_PARAMETER_VALUE.DATETIME_UNIT',
    `The value of parameter(s) \`unit\` in \`${functionName}\` is invalid: expects one of the units without quotes ${units.join(', ')}, but got the string literal '${String(unit)}'. SQLSTATE: 22023`,
  );
}

/** The unit argument prepared: upper case (once, since Spark requires a literal). */
const upperCase = (unit: string) => `${unit}.toUpperCase()`;

/** `n` units (upper case) after `ms`, calendar units on the wall clock of \`zone\` (a sqlZone). */
const ADD = `function sqlTimestampAdd(unit, n, ms, zone) {
  switch (unit) {
    case 'MICROSECOND': return ms + Math.trunc(n / 1000);
    case 'MILLISECOND': return ms + n;
    case 'SECOND': return ms + n * 1000;
    case 'MINUTE': return ms + n * 60000;
    case 'HOUR': return ms + n * 3600000;
  }
  const w = new Date(zone.wall(ms));
  const at = (month, day) => sqlUtc(w.getUTCFullYear(), month, day, w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
  const days = { DAY: 1, DAYOFYEAR: 1, WEEK: 7 }[unit];
  if (days !== undefined) return zone.instant(at(w.getUTCMonth(), w.getUTCDate() + n * days));
  const month = w.getUTCMonth() + n * { MONTH: 1, QUARTER: 3, YEAR: 12 }[unit];
  const last = new Date(sqlUtc(w.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return zone.instant(at(month, Math.min(w.getUTCDate(), last)));
}`;

/** Whole units from wall clock a to b (LocalDateTime.until): months count down when b's day and time fall before a's. */
const DIFF = `function sqlTimestampDiff(u, a, b, zone) {
  const fixed = { MICROSECOND: 0.001, MILLISECOND: 1, SECOND: 1000, MINUTE: 60000, HOUR: 3600000 }[u];
  if (fixed !== undefined) return Math.trunc((b - a) / fixed);
  const wa = zone.wall(a), wb = zone.wall(b);
  if (u === 'DAY' || u === 'WEEK') return Math.trunc((wb - wa) / (u === 'DAY' ? 86400000 : 604800000));
  const da = new Date(wa), db = new Date(wb);
  let months = (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth();
  const rest = (d) => ((d.getUTCDate() * 24 + d.getUTCHours()) * 3600000) + (d.getUTCMinutes() * 60000) + d.getUTCSeconds() * 1000 + d.getUTCMilliseconds();
  if (months > 0 && rest(db) < rest(da)) months--;
  else if (months < 0 && rest(db) > rest(da)) months++;
  return Math.trunc(months / { MONTH: 1, QUARTER: 3, YEAR: 12 }[u]);
}`;

scalar('timestamp_add', {
  args: 3,
  returns: (_, [unit]) => {
    checkUnit(unit, ADD_UNITS, 'timestampadd');
    return Types.timestamp;
  },
  coerce: () => [Types.string, Types.long, Types.timestamp],
  timeZoneAware: true,
  pretty: ([unit, n, ts]) => `timestampadd(${unit}, ${n}, ${ts})`,
  prepared: { 0: upperCase },
  gen: ([unit, n, ts], _, tz, state) => `sqlTimestampAdd(${unit}, ${n}, ${ts}, ${constantZone(state, tz)})`,
  helpers: { sqlZone: ZONE, sqlUtc: UTC_MS, sqlTimestampAdd: ADD },
  aliases: ['timestampadd'],
});

scalar('timestamp_diff', {
  args: 3,
  returns: (_, [unit]) => {
    checkUnit(unit, DIFF_UNITS, 'timestampdiff');
    return Types.long;
  },
  coerce: () => [Types.string, Types.timestamp, Types.timestamp],
  timeZoneAware: true,
  pretty: ([unit, a, b]) => `timestampdiff(${unit}, ${a}, ${b})`,
  prepared: { 0: upperCase },
  gen: ([unit, a, b], _, tz, state) => `sqlTimestampDiff(${unit}, ${a}, ${b}, ${constantZone(state, tz)})`,
  helpers: { sqlZone: ZONE, sqlTimestampDiff: DIFF },
  aliases: ['timestampdiff'],
});
