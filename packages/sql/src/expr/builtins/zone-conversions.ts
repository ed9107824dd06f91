/**
 * Moving timestamps between time zones and building them from fields: from_utc_timestamp,
 * to_utc_timestamp, convert_timezone (a timestamp_ntz's wall clock from one zone to another),
 * make_timestamp, the ANSI interval builders make_dt_interval and make_ym_interval, and
 * make_interval (a calendar interval) with the addition of one to a date or timestamp.
 * Zone arguments take region ids, offsets and Java's short ids (`PST`, `JST`, ...).
 */
import { CalendarIntervalType, DayTimeIntervalType, TimestampNTZType, YearMonthIntervalType, type DataType } from '../../types/index.js';
import { Types } from '../types-used.js';
import { scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';
import { UTC_MS } from './utc-calendar.js';

const TS = Types.timestamp;
const NTZ = new TimestampNTZType();
const S = Types.string;

const helpers = { sqlZone: ZONE };
/** A zone argument prepared: the sqlZone of its id (read as Spark reads it: format/zone-ids.ts), made once when a literal. */
export const zoneOf = (tz: string) => `sqlZone.of(${tz})`;

/** from_utc_timestamp: the UTC wall clock of `ts` read in `tz`; to_utc_timestamp the other way. */
scalar('from_utc_timestamp', { args: 2, returns: TS, coerce: () => [TS, S], prepared: { 1: zoneOf }, gen: ([t, zone]) => `${zone}.wall(${t})`, helpers });
scalar('to_utc_timestamp', { args: 2, returns: TS, coerce: () => [TS, S], prepared: { 1: zoneOf }, gen: ([t, zone]) => `${zone}.instant(${t})`, helpers });

/** convert_timezone([sourceTz, ]targetTz, sourceTs): a timestamp_ntz; a timestamp argument gives its wall clock in the session zone. */
scalar('convert_timezone', {
  args: [2, 3],
  returns: NTZ,
  coerce: (t) => [...t.slice(0, -1).map(() => S), t.at(-1)!.typeName() === 'timestamp' ? TS : NTZ],
  timeZoneAware: true,
  prepared: { 0: zoneOf, 1: (tz, types) => (types.length === 3 ? zoneOf(tz) : tz) },
  gen: (args, types, session, state) => {
    const [from, to, ts] = args.length === 3 ? args : [state.constant(zoneOf(JSON.stringify(session))), args[0], args[1]];
    const wall = types.at(-1)!.typeName() === 'timestamp' ? `${constantZone(state, session)}.wall(${ts})` : ts;
    return `${to}.wall(${from}.instant(${wall}))`;
  },
  helpers,
});

/** The wall clock of the fields as UTC milliseconds, with Spark's (ANSI) errors for a field out of range; 60 seconds is the next minute. */
export const MAKE_WALL = `function sqlMakeWall(y, mo, d, h, mi, sec) {
  const check = (value, name, low, high) => {
    if (!(value >= low && value <= high)) throw new Error('[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid value for ' + name + ' (valid values ' + low + ' - ' + high + '): ' + value + '. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error. SQLSTATE: 22023');
  };
  check(mo, 'MonthOfYear', 1, 12);
  check(d, 'DayOfMonth', 1, 31);
  check(h, 'HourOfDay', 0, 23);
  check(mi, 'MinuteOfHour', 0, 59);
  if (sec !== 60) check(Math.floor(sec), 'SecondOfMinute', 0, 59);
  const day = sqlUtc(y, mo - 1, d);
  if (new Date(day).getUTCDate() !== d) throw new Error("[DATETIME_FIELD_OUT_OF_BOUNDS] Invalid date '" + new Date(Date.UTC(2000, mo - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' }).toUpperCase() + ' ' + d + "'. If necessary set \\"spark.sql.ansi.enabled\\" to \\"false\\" to bypass this error. SQLSTATE: 22023");
  return day + h * 3600000 + mi * 60000 + Math.round(sec * 1000);
}`;
/** make_timestamp's helpers (sqlMakeWall calls sqlUtc). */
export const MAKE_WALL_HELPERS = { ...helpers, sqlUtc: UTC_MS, sqlMakeWall: MAKE_WALL };

scalar('make_timestamp', {
  args: [6, 7],
  returns: TS,
  coerce: (t) => [Types.int, Types.int, Types.int, Types.int, Types.int, Types.double, S].slice(0, t.length),
  timeZoneAware: true,
  prepared: { 6: zoneOf },
  gen: ([y, mo, d, h, mi, sec, zone], _types, session, state) => `${zone ?? constantZone(state, session)}.instant(sqlMakeWall(${y}, ${mo}, ${d}, ${h}, ${mi}, ${sec}))`,
  helpers: MAKE_WALL_HELPERS,
});

const MICROS_PER_MINUTE = 60_000_000;
/** make_dt_interval(days, hours, mins, secs): microseconds; absent fields are 0. */
scalar('make_dt_interval', {
  args: [0, 4],
  returns: new DayTimeIntervalType(),
  coerce: (t) => [Types.int, Types.int, Types.int, Types.double].slice(0, t.length),
  pretty: (a) => `make_dt_interval(${[...a, ...['0', '0', '0', '0.000000'].slice(a.length)].join(', ')})`,
  gen: ([d = '0', h = '0', mi = '0', s = '0']) => `((${d} * 24 + ${h}) * 60 + ${mi}) * ${MICROS_PER_MINUTE} + Math.round(${s} * 1e6)`,
});
/** make_ym_interval(years, months): months. */
scalar('make_ym_interval', {
  args: [0, 2],
  returns: new YearMonthIntervalType() as DataType,
  coerce: (t) => [Types.int, Types.int].slice(0, t.length),
  pretty: (a) => `make_ym_interval(${[...a, ...['0', '0'].slice(a.length)].join(', ')})`,
  gen: ([y = '0', m = '0']) => `(${y} * 12 + ${m})`,
});

/** make_interval(years, months, weeks, days, hours, mins, secs): a calendar interval; absent fields are 0. */
scalar('make_interval', {
  args: [0, 7],
  returns: new CalendarIntervalType(),
  coerce: (t) => [Types.int, Types.int, Types.int, Types.int, Types.int, Types.int, Types.double].slice(0, t.length),
  pretty: (a) => `make_interval(${[...a, ...['0', '0', '0', '0', '0', '0', '0.000000'].slice(a.length)].join(', ')})`,
  gen: ([y = '0', mo = '0', w = '0', d = '0', h = '0', mi = '0', s = '0']) =>
    `({ months: ${y} * 12 + ${mo}, days: ${w} * 7 + ${d}, microseconds: (${h} * 60 + ${mi}) * ${MICROS_PER_MINUTE} + Math.round(${s} * 1e6) })`,
});

/**
 * A timestamp plus `sign` times a calendar interval (Spark's timestampAddInterval): months and
 * days move the wall clock in the session zone (a month end clamps), microseconds the instant.
 */
const ADD_CALENDAR = `function sqlAddCalendar(ms, iv, sign, zone) {
  const d = new Date(zone.wall(ms));
  const m = d.getUTCMonth() + sign * iv.months;
  const last = new Date(sqlUtc(d.getUTCFullYear(), m + 1, 0)).getUTCDate();
  const wall = sqlUtc(d.getUTCFullYear(), m, Math.min(d.getUTCDate(), last) + sign * iv.days, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return zone.instant(wall) + sign * Math.trunc(iv.microseconds / 1000);
}`;

scalar('timestamp_add_calendar_interval', {
  args: 3,
  returns: TS,
  timeZoneAware: true,
  pretty: ([t, iv, sign]) => `${t} ${sign === '-1' ? '-' : '+'} ${iv}`,
  gen: ([t, iv, sign], _types, tz, state) => `sqlAddCalendar(${t}, ${iv}, ${sign}, ${constantZone(state, tz)})`,
  helpers: { sqlZone: ZONE, sqlUtc: UTC_MS, sqlAddCalendar: ADD_CALENDAR },
});

/** A date plus a calendar interval without microseconds (Spark's DateAddInterval in ANSI mode). */
scalar('date_add_calendar_interval', {
  args: 3,
  returns: Types.date,
  pretty: ([d, iv, sign]) => `${d} ${sign === '-1' ? '-' : '+'} ${iv}`,
  gen: ([d, iv, sign], _types, _tz, state) =>
    `(${iv}.microseconds !== 0 ? (() => { throw new Error('[INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION] Cannot add an interval to a date because its microseconds part is not 0. SQLSTATE: 22006'); })() : ` +
    `Math.floor(sqlAddCalendar(${d} * 86400000, ${iv}, ${sign}, ${constantZone(state, 'UTC')}) / 86400000))`,
  helpers: { sqlZone: ZONE, sqlUtc: UTC_MS, sqlAddCalendar: ADD_CALENDAR },
});
