/**
 * Date and time functions. Inside the engine a `date` is a day number (days since 1970-01-01) and
 * a `timestamp` is milliseconds since the epoch. A timestamp's calendar fields are read in the
 * session time zone (`timeZoneAware` functions): a zone's `wall` (`sqlZone.of(tz)`) turns an instant into
 * its wall clock there (as UTC milliseconds, read with getUTC*), its `instant` goes back.
 */
import { Types } from '../types-used.js';
import { AnalysisException } from '../../analyzer/analysis-error.js';
import { sqlLiteral, sqlType } from '../../types/cast-errors.js';
import type { Expr } from '../expression.js';
import { prettyName } from '../names.js';
import { literalText } from '../literal.js';
import { isNumeric } from '../type-rules.js';
import { DayTimeIntervalType, type DataType } from '../../types/index.js';
import { all, scalar } from './define.js';
import { ZONE, constantZone } from './time-zone-codegen.js';
import { UTC_MS } from './utc-calendar.js';
import type { GenState } from '../registry.js';
import { FORMAT_FUNCTIONS_SYMBOL } from '../../io/format-functions-runtime.js';
import { DATE_PATTERN, REQUIRE_PARSED, datePattern, parseWithPatternCode, readDay, readInstant } from './pattern-parse-errors.js';

const DATE = Types.date;
const TS = Types.timestamp;
const I = Types.int;
const DAY_MS = 86400000;

/**
 * A Java DateTimeFormatter pattern compiled into a formatter of wall clocks given as UTC
 * milliseconds (io/values/datetime-format.ts): prepared once for a literal pattern.
 */
export const WALL_CLOCK_FORMATTER = `const sqlWallClockFormatter = globalThis[Symbol.for(${JSON.stringify(FORMAT_FUNCTIONS_SYMBOL)})].wallClockFormatter;`;
export const wallClockFormatter = (pattern: string) => `sqlWallClockFormatter(${pattern})`;
/** Generated code formatting instant `ms` with `formatter` on the wall clock of zone `tz` (its offset and id for X, x, Z, O, VV, z). */
export const formatInstant = (state: GenState, formatter: string, ms: string, tz: string) =>
  `((ms) => { const w = ${constantZone(state, tz)}.wall(ms); return ${formatter}(w, w - ms, ${JSON.stringify(tz)}); })(${ms})`;

/** A truncation unit argument prepared: lower case, once when a literal. */
const lowerCase = (unit: string) => `${unit}.toLowerCase()`;
/** `ms` truncated to `unit` (lower case), or null for an unknown unit. */
const TRUNC = `function sqlTruncTimestamp(unit, ms) {
  const d = new Date(ms);
  switch (unit) {
    case 'year': case 'yyyy': case 'yy': return sqlUtc(d.getUTCFullYear(), 0, 1);
    case 'quarter': return sqlUtc(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
    case 'month': case 'mon': case 'mm': return sqlUtc(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'week': { const day = (d.getUTCDay() + 6) % 7; return sqlUtc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day); }
    case 'day': case 'dd': return sqlUtc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case 'hour': return Math.floor(ms / 3600000) * 3600000;
    case 'minute': return Math.floor(ms / 60000) * 60000;
    case 'second': return Math.floor(ms / 1000) * 1000;
    default: return null;
  }
}`;

const ADD_MONTHS = `function sqlAddMonths(days, n) {
  const d = new Date(days * ${DAY_MS});
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + n, day = d.getUTCDate();
  const last = new Date(sqlUtc(y, m + 1, 0)).getUTCDate();
  return Math.floor(sqlUtc(y, m, Math.min(day, last)) / ${DAY_MS});
}`;

const utc = (days: string) => `new Date(${days} * ${DAY_MS})`;
/** The session zone's wall clock of an instant, and back (the zone made once, in the prologue). */
const wall = (state: GenState, ms: string, tz: string) => `${constantZone(state, tz)}.wall(${ms})`;
const instant = (state: GenState, ms: string, tz: string) => `${constantZone(state, tz)}.instant(${ms})`;
const field = (name: string, getter: (d: string) => string, helpers?: Record<string, string>) =>
  scalar(name, { args: 1, returns: I, coerce: all(DATE), gen: ([x]) => getter(x), helpers });

field('year', (x) => `${utc(x)}.getUTCFullYear()`);
field('month', (x) => `(${utc(x)}.getUTCMonth() + 1)`);
field('dayofmonth', (x) => `${utc(x)}.getUTCDate()`);
field('day', (x) => `${utc(x)}.getUTCDate()`);
field('dayofweek', (x) => `(${utc(x)}.getUTCDay() + 1)`);
field('dayofyear', (x) => `(${x} - Math.floor(sqlUtc(${utc(x)}.getUTCFullYear(), 0, 1) / ${DAY_MS}) + 1)`, { sqlUtc: UTC_MS });
field('quarter', (x) => `(Math.floor(${utc(x)}.getUTCMonth() / 3) + 1)`);
const clockField = (name: string, getter: string) =>
  scalar(name, {
    args: 1,
    returns: I,
    coerce: all(TS),
    timeZoneAware: true,
    gen: ([x], _, tz, state) => `new Date(${wall(state, x!, tz)}).${getter}()`,
    helpers: { sqlZone: ZONE },
  });
clockField('hour', 'getUTCHours');
clockField('minute', 'getUTCMinutes');
clockField('second', 'getUTCSeconds');

/** With a pattern, text that does not parse is null with spark.sql.ansi.enabled=false, else an error (pattern-parse-errors.ts). */
scalar('to_date', {
  args: [1, 2],
  returns: DATE,
  nullableResult: true,
  ansiAware: true,
  coerce: (t) => (t.length === 1 ? [DATE] : [Types.string, Types.string]),
  prepared: { 1: datePattern },
  timeZoneAware: true,
  gen: ([x, f], _t, tz, state, mode) => (f === undefined ? x! : parseWithPatternCode(x!, f, readDay(constantZone(state, tz)), 'try_to_date', mode)),
  helpers: { sqlDatePattern: DATE_PATTERN, sqlRequireParsed: REQUIRE_PARSED, sqlZone: ZONE },
});
scalar('to_timestamp', {
  args: [1, 2],
  returns: TS,
  nullableResult: true,
  ansiAware: true,
  coerce: (t) => (t.length === 1 ? [TS] : [Types.string, Types.string]),
  timeZoneAware: true,
  prepared: { 1: datePattern },
  gen: ([x, f], _, tz, state, mode) => (f === undefined ? x! : parseWithPatternCode(x!, f, readInstant(constantZone(state, tz)), 'try_to_timestamp', mode)),
  helpers: { sqlDatePattern: DATE_PATTERN, sqlRequireParsed: REQUIRE_PARSED, sqlZone: ZONE },
});
scalar('date_format', {
  args: 2,
  returns: Types.string,
  coerce: () => [TS, Types.string],
  timeZoneAware: true,
  prepared: { 1: wallClockFormatter },
  gen: ([x, format], _, tz, state) => formatInstant(state, format!, x!, tz),
  helpers: { sqlWallClockFormatter: WALL_CLOCK_FORMATTER, sqlZone: ZONE },
});
scalar('datediff', { args: 2, returns: I, coerce: all(DATE), gen: ([end, start]) => `(${end} - ${start})`, aliases: ['date_diff'] });
/**
 * Spark's DateAdd/DateSub take an INT, SMALLINT or TINYINT day count; ANSI coercion (Spark 4's
 * default) casts a string or NULL to it but no BIGINT, decimal or double.
 */
function checkDayCount(name: string) {
  return (args: readonly Expr[], [, type]: readonly DataType[]): void => {
    if (type === undefined || ['integer', 'short', 'byte', 'void', 'string'].includes(type.typeName())) return;
    const sql = (e: Expr) =>
      e.kind !== 'literal' || e.value === null ? prettyName(e) : isNumeric(e.dataType) ? sqlLiteral(e.value, e.dataType) : literalText(e.value, e.dataType, true);
    throw new AnalysisException(
      'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
      `Cannot resolve "${name}(${args.map(sql).join(', ')})" due to data type mismatch: The second parameter requires the ("INT" or "SMALLINT" or "TINYINT") type, however "${sql(args[1]!)}" has the type ${sqlType(type)}. SQLSTATE: 42K09`,
    );
  };
}
scalar('date_add', { args: 2, returns: DATE, coerce: () => [DATE, I], checkArgs: checkDayCount('date_add'), gen: ([d, n]) => `(${d} + ${n})`, aliases: ['dateadd'] });
scalar('date_sub', { args: 2, returns: DATE, coerce: () => [DATE, I], checkArgs: checkDayCount('date_sub'), gen: ([d, n]) => `(${d} - ${n})` });
scalar('add_months', { args: 2, returns: DATE, coerce: () => [DATE, I], gen: ([d, n]) => `sqlAddMonths(${d}, ${n})`, helpers: { sqlUtc: UTC_MS, sqlAddMonths: ADD_MONTHS } });
scalar('last_day', {
  args: 1,
  returns: DATE,
  coerce: all(DATE),
  gen: ([d]) => `Math.floor(sqlUtc(${utc(d)}.getUTCFullYear(), ${utc(d)}.getUTCMonth() + 1, 0) / ${DAY_MS})`,
  helpers: { sqlUtc: UTC_MS },
});
scalar('date_trunc', {
  args: 2,
  returns: TS,
  nullableResult: true,
  coerce: () => [Types.string, TS],
  timeZoneAware: true,
  prepared: { 0: lowerCase },
  gen: ([unit, ts], _, tz, state) => `((w) => w === null ? null : ${instant(state, 'w', tz)})(sqlTruncTimestamp(${unit}, ${wall(state, ts!, tz)}))`,
  helpers: { sqlUtc: UTC_MS, sqlTruncTimestamp: TRUNC, sqlZone: ZONE },
});
scalar('trunc', {
  args: 2,
  returns: DATE,
  nullableResult: true,
  coerce: () => [DATE, Types.string],
  prepared: { 1: lowerCase },
  gen: ([d, unit]) => `((ms) => ms === null ? null : Math.floor(ms / ${DAY_MS}))(sqlTruncTimestamp(${unit}, ${d} * ${DAY_MS}))`,
  helpers: { sqlUtc: UTC_MS, sqlTruncTimestamp: TRUNC },
});
scalar('current_date', {
  args: 0,
  returns: DATE,
  pretty: () => 'current_date()',
  timeZoneAware: true,
  gen: (_, __, tz, state) => `Math.floor(${wall(state, 'Date.now()', tz)} / ${DAY_MS})`,
  helpers: { sqlZone: ZONE },
});
scalar('current_timestamp', { args: 0, returns: TS, pretty: () => 'current_timestamp()', gen: () => `Date.now()`, aliases: ['now'] });
scalar('from_unixtime', {
  args: [1, 2],
  returns: Types.string,
  coerce: (t) => [Types.long, Types.string].slice(0, t.length),
  timeZoneAware: true,
  pretty: ([s, f]) => `from_unixtime(${s}, ${f ?? 'yyyy-MM-dd HH:mm:ss'})`,
  prepared: { 1: wallClockFormatter },
  gen: ([s, format], _, tz, state) => formatInstant(state, format ?? state.constant(wallClockFormatter(`'yyyy-MM-dd HH:mm:ss'`)), `${s} * 1000`, tz),
  helpers: { sqlWallClockFormatter: WALL_CLOCK_FORMATTER, sqlZone: ZONE },
});

/*
 * Date and timestamp arithmetic with intervals (the analyzer rewrites `d + INTERVAL ...` into
 * these): a day-time interval is microseconds, a year-month interval months.
 */
const MICROS_PER_DAY = 86400000000;
/** date - date (Spark 4's SubtractDates): the days between them as an `interval day`. */
scalar('subtract_dates', { args: 2, returns: new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY), gen: ([a, b]) => `((${a} - ${b}) * ${MICROS_PER_DAY})`, pretty: ([a, b]) => `(${a} - ${b})` });
scalar('date_add_interval', { args: 2, returns: DATE, gen: ([d, micros]) => `(${d} + Math.trunc(${micros} / ${MICROS_PER_DAY}))`, pretty: ([a, b]) => `${a} + ${b}` });
/** A timestamp_ntz stays a timestamp_ntz (Spark's TimestampAddInterval and TimestampAddYMInterval keep the input's type). */
const sameTimestampType = ([t]: DataType[]) => (t?.typeName() === 'timestamp_ntz' ? t : TS);
const isNtz = (types: DataType[]) => types[0]?.typeName() === 'timestamp_ntz';
scalar('timestamp_add_interval', { args: 2, returns: sameTimestampType, gen: ([t, micros]) => `(${t} + Math.trunc(${micros} / 1000))`, pretty: ([a, b]) => `${a} + ${b}` });
/**
 * timestamp - timestamp (Spark 4's SubtractTimestamps): the microseconds between the two wall
 * clocks in the session time zone (Spark's DateTimeUtils.subtractTimestamps: a DST shift between
 * them does not count), a timestamp_ntz's as they are; engine timestamps are milliseconds, so
 * the result is a whole number of milliseconds.
 */
scalar('subtract_timestamps', {
  args: 2,
  returns: new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.SECOND),
  timeZoneAware: true,
  gen: ([a, b], types, tz, state) => (isNtz(types) ? `((${a} - ${b}) * 1000)` : `((${wall(state, a!, tz)} - ${wall(state, b!, tz)}) * 1000)`),
  helpers: { sqlZone: ZONE },
  pretty: ([a, b]) => `(${a} - ${b})`,
});
/**
 * Months are added to the wall clock in the session time zone (a timestamp_ntz is a wall clock
 * already), the day clamped to the month's last.
 */
scalar('timestamp_add_months', {
  args: 2,
  returns: sameTimestampType,
  timeZoneAware: true,
  gen: ([t, n], types, tz, state) => {
    const shifted = `sqlUtc(d.getUTCFullYear(), d.getUTCMonth() + ${n}, Math.min(d.getUTCDate(), new Date(sqlUtc(d.getUTCFullYear(), d.getUTCMonth() + ${n} + 1, 0)).getUTCDate()), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds())`;
    if (isNtz(types)) return `((d) => ${shifted})(new Date(${t}))`;
    return `((d) => ${instant(state, shifted, tz)})(new Date(${wall(state, t!, tz)}))`;
  },
  helpers: { sqlZone: ZONE, sqlUtc: UTC_MS },
  pretty: ([a, b]) => `${a} + ${b}`,
});

/** Timestamps from and to epoch seconds, milliseconds and microseconds (engine timestamps are milliseconds). */
scalar('timestamp_seconds', { args: 1, returns: TS, coerce: () => [Types.double], gen: ([s]) => `Math.floor(${s} * 1000)` });
scalar('timestamp_millis', { args: 1, returns: TS, coerce: () => [Types.long], gen: ([ms]) => ms! });
scalar('timestamp_micros', { args: 1, returns: TS, coerce: () => [Types.long], gen: ([us]) => `Math.floor(${us} / 1000)` });
scalar('unix_seconds', { args: 1, returns: Types.long, coerce: all(TS), gen: ([t]) => `Math.floor(${t} / 1000)` });
scalar('unix_millis', { args: 1, returns: Types.long, coerce: all(TS), gen: ([t]) => t! });
scalar('unix_micros', { args: 1, returns: Types.long, coerce: all(TS), gen: ([t]) => `(${t} * 1000)` });
