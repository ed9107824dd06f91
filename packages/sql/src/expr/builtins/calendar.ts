/**
 * Calendar functions on dates (day numbers since 1970-01-01, as in datetime.ts): ISO weeks, day
 * and month names, building dates from parts, the next weekday, and months_between.
 */
import { Types } from '../types-used.js';
import { all, scalar } from './define.js';
import { UTC_MS } from './utc-calendar.js';

const DATE = Types.date;
const TS = Types.timestamp;
const I = Types.int;
const DAY_MS = 86400000;
const utc = (days: string) => `new Date(${days} * ${DAY_MS})`;

const ISO_WEEK = `function sqlIsoWeek(days) {
  const dow = (new Date(days * ${DAY_MS}).getUTCDay() + 6) % 7;
  const thursday = days - dow + 3;
  const year = new Date(thursday * ${DAY_MS}).getUTCFullYear();
  return Math.floor((thursday - Math.floor(sqlUtc(year, 0, 1) / ${DAY_MS})) / 7) + 1;
}`;

/** next_day's weekday argument prepared ('Mon', 'monday', ...): its day of the week, Sunday 0; -1 for another name. */
const weekday = (name: string) => `['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'].indexOf(${name}.trim().slice(0, 2).toLowerCase())`;
/** The first date after \`days\` falling on weekday \`target\`; null for no weekday (-1). */
const NEXT_DAY = `function sqlNextDay(days, target) {
  if (target < 0) return null;
  const dow = new Date(days * ${DAY_MS}).getUTCDay();
  return days + (((target - dow + 6) % 7) + 1);
}`;

/** Spark's DateTimeUtils.monthsBetween: whole months when the days of month match or both are month ends, else 31-day months. */
const MONTHS_BETWEEN = `function sqlMonthsBetween(t1, t2, roundOff) {
  const a = new Date(t1), b = new Date(t2);
  const months = (a.getUTCFullYear() * 12 + a.getUTCMonth()) - (b.getUTCFullYear() * 12 + b.getUTCMonth());
  const lastDay = (d) => new Date(sqlUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate() === d.getUTCDate();
  if (a.getUTCDate() === b.getUTCDate() || (lastDay(a) && lastDay(b))) return months;
  const secondsOfDay = (d) => d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  const seconds = (a.getUTCDate() - b.getUTCDate()) * 86400 + secondsOfDay(a) - secondsOfDay(b);
  const diff = months + seconds / (31 * 86400);
  return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
}`;

scalar('weekofyear', { args: 1, returns: I, coerce: all(DATE), gen: ([d]) => `sqlIsoWeek(${d})`, helpers: { sqlUtc: UTC_MS, sqlIsoWeek: ISO_WEEK } });
scalar('weekday', { args: 1, returns: I, coerce: all(DATE), gen: ([d]) => `((${utc(d)}.getUTCDay() + 6) % 7)` });
scalar('monthname', {
  args: 1,
  returns: Types.string,
  coerce: all(DATE),
  gen: ([d]) => `['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][${utc(d)}.getUTCMonth()]`,
});
scalar('dayname', { args: 1, returns: Types.string, coerce: all(DATE), gen: ([d]) => `['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][${utc(d)}.getUTCDay()]` });
scalar('make_date', {
  args: 3,
  returns: DATE,
  nullableResult: true,
  coerce: all(I),
  gen: ([y, m, d]) => `((t) => (new Date(t).getUTCDate() === ${d} && new Date(t).getUTCMonth() === ${m} - 1 ? t / ${DAY_MS} : null))(sqlUtc(${y}, ${m} - 1, ${d}))`,
  helpers: { sqlUtc: UTC_MS },
});
scalar('date_from_unix_date', { args: 1, returns: DATE, coerce: all(I), gen: ([n]) => n });
scalar('unix_date', { args: 1, returns: I, coerce: all(DATE), gen: ([d]) => d });
scalar('next_day', { args: 2, returns: DATE, nullableResult: true, coerce: () => [DATE, Types.string], prepared: { 1: weekday }, gen: ([d, day]) => `sqlNextDay(${d}, ${day})`, helpers: { sqlNextDay: NEXT_DAY } });
scalar('months_between', {
  args: [2, 3],
  returns: Types.double,
  coerce: (t) => [TS, TS, Types.boolean].slice(0, t.length),
  gen: ([a, b, r]) => `sqlMonthsBetween(${a}, ${b}, ${r ?? 'true'})`,
  helpers: { sqlUtc: UTC_MS, sqlMonthsBetween: MONTHS_BETWEEN },
});
