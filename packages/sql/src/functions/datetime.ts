/** Date and time functions (pyspark.sql.functions' datetime family). */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, fnWithValues, numberOrColumn, type ColumnOrName } from './call.js';

export const year = (c: ColumnOrName): Column => fn('year', c);
export const month = (c: ColumnOrName): Column => fn('month', c);
export const dayofmonth = (c: ColumnOrName): Column => fn('dayofmonth', c);
export const dayofweek = (c: ColumnOrName): Column => fn('dayofweek', c);
export const dayofyear = (c: ColumnOrName): Column => fn('dayofyear', c);
export const quarter = (c: ColumnOrName): Column => fn('quarter', c);
export const hour = (c: ColumnOrName): Column => fn('hour', c);
export const minute = (c: ColumnOrName): Column => fn('minute', c);
export const second = (c: ColumnOrName): Column => fn('second', c);
export const last_day = (c: ColumnOrName): Column => fn('last_day', c);
export const to_date = (c: ColumnOrName, format?: string): Column => fnWithValues('to_date', c, format);
export const to_timestamp = (c: ColumnOrName, format?: string): Column => fnWithValues('to_timestamp', c, format);
export const date_format = (c: ColumnOrName, format: string): Column => fnWithValues('date_format', c, format);
export const datediff = (end: ColumnOrName, start: ColumnOrName): Column => fn('datediff', end, start);
export const date_add = (c: ColumnOrName, days: number | ColumnOrName): Column =>
  typeof days === 'number' ? fnWithValues('date_add', c, days) : fn('date_add', c, days);
export const date_sub = (c: ColumnOrName, days: number | ColumnOrName): Column =>
  typeof days === 'number' ? fnWithValues('date_sub', c, days) : fn('date_sub', c, days);
export const add_months = (c: ColumnOrName, months: ColumnOrName | number): Column => new Column(callOf('add_months', [columnExpr(c), numberOrColumn(months)]));
export const date_trunc = (format: string, c: ColumnOrName): Column => new Column(callOf('date_trunc', [literalExpr(format), columnExpr(c)]));
export const trunc = (c: ColumnOrName, format: string): Column => fnWithValues('trunc', c, format);
export const current_date = (): Column => fn('current_date');
export const current_timestamp = (): Column => fn('current_timestamp');
/** unix_timestamp(timestamp?, format = 'yyyy-MM-dd HH:mm:ss'): epoch seconds (of now without a timestamp); text is read with the format. */
export const unix_timestamp = (timestamp?: ColumnOrName, format = 'yyyy-MM-dd HH:mm:ss'): Column =>
  timestamp === undefined ? fn('unix_timestamp') : fnWithValues('unix_timestamp', timestamp, format);
export const from_unixtime = (c: ColumnOrName, format?: string): Column => fnWithValues('from_unixtime', c, format);
export const day = (c: ColumnOrName): Column => fn('day', c);
export const weekofyear = (c: ColumnOrName): Column => fn('weekofyear', c);
export const weekday = (c: ColumnOrName): Column => fn('weekday', c);
export const monthname = (c: ColumnOrName): Column => fn('monthname', c);
export const dayname = (c: ColumnOrName): Column => fn('dayname', c);
export const make_date = (y: ColumnOrName, m: ColumnOrName, d: ColumnOrName): Column => fn('make_date', y, m, d);
export const date_diff = (end: ColumnOrName, start: ColumnOrName): Column => fn('date_diff', end, start);
export const dateadd = date_add;
export const date_from_unix_date = (c: ColumnOrName): Column => fn('date_from_unix_date', c);
export const unix_date = (c: ColumnOrName): Column => fn('unix_date', c);
export const next_day = (c: ColumnOrName, dayOfWeek: string): Column => fnWithValues('next_day', c, dayOfWeek);
export const months_between = (date1: ColumnOrName, date2: ColumnOrName, roundOff = true): Column =>
  new Column(callOf('months_between', [columnExpr(date1), columnExpr(date2), literalExpr(roundOff)]));
export const now = (): Column => fn('now');
export const timestamp_seconds = (c: ColumnOrName): Column => fn('timestamp_seconds', c);
export const timestamp_millis = (c: ColumnOrName): Column => fn('timestamp_millis', c);
export const timestamp_micros = (c: ColumnOrName): Column => fn('timestamp_micros', c);
export const unix_seconds = (c: ColumnOrName): Column => fn('unix_seconds', c);
export const unix_millis = (c: ColumnOrName): Column => fn('unix_millis', c);
export const unix_micros = (c: ColumnOrName): Column => fn('unix_micros', c);
