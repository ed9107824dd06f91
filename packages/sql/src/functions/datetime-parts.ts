/**
 * Date and time functions of Spark 3.5 and 4: extract/date_part/datepart, timestamp_add/
 * timestamp_diff, try_to_timestamp, to_unix_timestamp, the _ltz forms, the session's clock and
 * zone, the nth_value window function, and to_char/to_number with their number formats.
 */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, type ColumnOrName } from './call.js';

const optional = (c: ColumnOrName | undefined): ColumnOrName[] => (c === undefined ? [] : [c]);

/** extract(field, source): `field` a Column (PySpark passes `lit('YEAR')`). */
export const extract = (field: Column, source: ColumnOrName): Column => fn('extract', field, source);
export const date_part = (field: Column, source: ColumnOrName): Column => fn('date_part', field, source);
export const datepart = (field: Column, source: ColumnOrName): Column => fn('datepart', field, source);

/** timestamp_add(unit, quantity, ts): `unit` a literal string (YEAR, ..., MICROSECOND). */
export const timestamp_add = (unit: string, quantity: ColumnOrName, ts: ColumnOrName): Column =>
  new Column(callOf('timestamp_add', [literalExpr(unit), columnExpr(quantity), columnExpr(ts)]));
/** timestamp_diff(unit, start, end): whole units from start to end. */
export const timestamp_diff = (unit: string, start: ColumnOrName, end: ColumnOrName): Column =>
  new Column(callOf('timestamp_diff', [literalExpr(unit), columnExpr(start), columnExpr(end)]));

/** The format arguments are columns, as in PySpark (`F.lit('yyyy-MM-dd')` for a pattern). */
export const try_to_timestamp = (c: ColumnOrName, format?: ColumnOrName): Column => fn('try_to_timestamp', c, ...optional(format));
export const to_unix_timestamp = (timestamp: ColumnOrName, format?: ColumnOrName): Column => fn('to_unix_timestamp', timestamp, ...optional(format));
export const to_timestamp_ltz = (timestamp: ColumnOrName, format?: ColumnOrName): Column => fn('to_timestamp_ltz', timestamp, ...optional(format));
export const make_timestamp_ltz = (
  years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName, mins: ColumnOrName, secs: ColumnOrName, timezone?: ColumnOrName,
): Column => fn('make_timestamp_ltz', years, months, days, hours, mins, secs, ...optional(timezone));

type Fields = [years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName, mins: ColumnOrName, secs: ColumnOrName];
export const make_timestamp_ntz = (...fields: Fields): Column => fn('make_timestamp_ntz', ...fields);
export const try_make_timestamp_ntz = (...fields: Fields): Column => fn('try_make_timestamp_ntz', ...fields);
/** try_make_timestamp(years, ..., secs, timezone?) and try_make_timestamp_ltz: null where make_timestamp fails. */
export const try_make_timestamp = (...[y, mo, d, h, mi, s, timezone]: [...Fields, ColumnOrName?]): Column => fn('try_make_timestamp', y, mo, d, h, mi, s, ...optional(timezone));
export const try_make_timestamp_ltz = (...[y, mo, d, h, mi, s, timezone]: [...Fields, ColumnOrName?]): Column => fn('try_make_timestamp_ltz', y, mo, d, h, mi, s, ...optional(timezone));
/** to_timestamp_ntz(timestamp, format?): a wall clock without a zone; `format` a Column. */
export const to_timestamp_ntz = (timestamp: ColumnOrName, format?: ColumnOrName): Column => fn('to_timestamp_ntz', timestamp, ...optional(format));

export const current_timezone = (): Column => fn('current_timezone');
export const localtimestamp = (): Column => fn('localtimestamp');
export const curdate = (): Column => fn('curdate');

/** nth_value(col, offset, ignoreNulls = false), over a window. */
export const nth_value = (c: ColumnOrName, offset: number, ignoreNulls = false): Column =>
  new Column(callOf('nth_value', [columnExpr(c), literalExpr(offset), literalExpr(ignoreNulls)]));

/** to_char(col, format) / to_varchar: a number through a number format, a date or timestamp through a datetime pattern. */
export const to_char = (c: ColumnOrName, format: Column): Column => fn('to_char', c, format);
export const to_varchar = (c: ColumnOrName, format: Column): Column => fn('to_varchar', c, format);
/** to_number(col, format) / try_to_number: text in a number format as a decimal (try_: null when it does not match). */
export const to_number = (c: ColumnOrName, format: Column): Column => fn('to_number', c, format);
export const try_to_number = (c: ColumnOrName, format: Column): Column => fn('try_to_number', c, format);
