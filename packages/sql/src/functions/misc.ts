/**
 * Where rows come from (spark_partition_id, monotonically_increasing_id, input_file_name, uuid),
 * the stack and inline generators, and functions of several families added together: arrays_zip,
 * array_insert, regexp_instr, soundex, conv, typeof, width_bucket, mode, percentile, the regr_*
 * aggregates, time zone conversions, make_timestamp and the interval builders (make_interval,
 * make_dt_interval, make_ym_interval).
 */
import { Column, columnExpr, operand } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { lit } from './core.js';
import { fn, fnWithValues, flat, numberOrColumn, type ColumnOrName } from './call.js';

type Cols = (ColumnOrName | ColumnOrName[])[];

export const spark_partition_id = (): Column => fn('spark_partition_id');
export const monotonically_increasing_id = (): Column => fn('monotonically_increasing_id');
export const input_file_name = (): Column => fn('input_file_name');
export const input_file_block_start = (): Column => fn('input_file_block_start');
export const input_file_block_length = (): Column => fn('input_file_block_length');
export const uuid = (): Column => fn('uuid');

/** stack(n, v1, v2, ...): a number is a literal here (PySpark passes lit(n)). */
export const stack = (...cols: (ColumnOrName | number)[]): Column => new Column(callOf('stack', cols.map(numberOrColumn)));
export const inline = (c: ColumnOrName): Column => fn('inline', c);
export const inline_outer = (c: ColumnOrName): Column => fn('inline_outer', c);

export const arrays_zip = (...cols: Cols): Column => fn('arrays_zip', ...flat(cols));
export const array_insert = (arr: ColumnOrName, pos: ColumnOrName | number, value: unknown): Column =>
  new Column(callOf('array_insert', [columnExpr(arr), numberOrColumn(pos), value instanceof Column ? value.expr : literalExpr(value)]));

/** regexp_instr(str, regexp, idx?): a string regexp names a column, as in PySpark (use lit for a pattern). */
export const regexp_instr = (str: ColumnOrName, regexp: ColumnOrName, idx?: ColumnOrName | number): Column =>
  new Column(callOf('regexp_instr', [columnExpr(str), columnExpr(regexp), ...(idx === undefined ? [] : [numberOrColumn(idx)])]));
export const soundex = (c: ColumnOrName): Column => fn('soundex', c);
export const conv = (c: ColumnOrName, fromBase: number, toBase: number): Column => fnWithValues('conv', c, fromBase, toBase);
const typeOf = (c: ColumnOrName): Column => fn('typeof', c);
/** `F.typeof(c)`: the type's SQL name (`typeof` is a JavaScript keyword, but a fine export and property name). */
export { typeOf as typeof };
export const width_bucket = (v: ColumnOrName, min: ColumnOrName, max: ColumnOrName, numBucket: ColumnOrName | number): Column =>
  new Column(callOf('width_bucket', [columnExpr(v), columnExpr(min), columnExpr(max), numberOrColumn(numBucket)]));

/** mode(col, deterministic = false): with deterministic, the smallest of the values tied for most frequent. */
export const mode = (c: ColumnOrName, deterministic = false): Column => (deterministic ? fnWithValues('mode', c, true) : fn('mode', c));
/** percentile(col, percentage, frequency = 1): the exact percentile; a percentage array gives an array. */
export function percentile(c: ColumnOrName, percentage: Column | number | readonly number[], frequency: ColumnOrName | number = 1): Column {
  const p = percentage instanceof Column ? percentage : lit(percentage as number | number[]);
  return new Column(callOf('percentile', [columnExpr(c), p.expr, numberOrColumn(frequency)]));
}

const regr = (name: string) => (y: ColumnOrName, x: ColumnOrName): Column => fn(name, y, x);
export const regr_count = regr('regr_count');
export const regr_avgx = regr('regr_avgx');
export const regr_avgy = regr('regr_avgy');
export const regr_sxx = regr('regr_sxx');
export const regr_syy = regr('regr_syy');
export const regr_sxy = regr('regr_sxy');
export const regr_slope = regr('regr_slope');
export const regr_intercept = regr('regr_intercept');
export const regr_r2 = regr('regr_r2');

/** A zone given as a string is a literal zone id (PySpark's), a Column reads it per row. */
export const from_utc_timestamp = (ts: ColumnOrName, tz: Column | string): Column => new Column(callOf('from_utc_timestamp', [columnExpr(ts), operand(tz)]));
export const to_utc_timestamp = (ts: ColumnOrName, tz: Column | string): Column => new Column(callOf('to_utc_timestamp', [columnExpr(ts), operand(tz)]));
/** convert_timezone(sourceTz | null, targetTz, sourceTs): without a source zone, the session's. */
export const convert_timezone = (sourceTz: Column | null | undefined, targetTz: Column, sourceTs: ColumnOrName): Column =>
  new Column(callOf('convert_timezone', [...(sourceTz ? [sourceTz.expr] : []), targetTz.expr, columnExpr(sourceTs)]));
export const make_timestamp = (
  years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName, mins: ColumnOrName, secs: ColumnOrName, timezone?: ColumnOrName,
): Column => fn('make_timestamp', ...[years, months, days, hours, mins, secs, ...(timezone === undefined ? [] : [timezone])]);
/** make_interval(years?, months?, weeks?, days?, hours?, mins?, secs?), make_dt_interval(days?, hours?, mins?, secs?) and make_ym_interval(years?, months?): fields left out are 0. */
export const make_interval = (...fields: (ColumnOrName | undefined)[]): Column => fn('make_interval', ...given(fields));
export const make_dt_interval = (...fields: (ColumnOrName | undefined)[]): Column => fn('make_dt_interval', ...given(fields));
export const make_ym_interval = (...fields: (ColumnOrName | undefined)[]): Column => fn('make_ym_interval', ...given(fields));
export const try_make_interval = (...fields: (ColumnOrName | undefined)[]): Column => fn('try_make_interval', ...given(fields));

/** The fields up to the last one given (PySpark's None for a field in between is 0). */
function given(fields: (ColumnOrName | undefined)[]): ColumnOrName[] {
  const last = fields.findLastIndex((f) => f !== undefined);
  return fields.slice(0, last + 1).map((f) => f ?? lit(0));
}
