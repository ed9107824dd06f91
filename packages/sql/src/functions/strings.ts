/** String functions (pyspark.sql.functions' string family). */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, fnWithValues, flat, type ColumnOrName } from './call.js';

export const lower = (c: ColumnOrName): Column => fn('lower', c);
export const upper = (c: ColumnOrName): Column => fn('upper', c);
export const length = (c: ColumnOrName): Column => fn('length', c);
export const trim = (c: ColumnOrName): Column => fn('trim', c);
export const ltrim = (c: ColumnOrName): Column => fn('ltrim', c);
export const rtrim = (c: ColumnOrName): Column => fn('rtrim', c);
export const reverse = (c: ColumnOrName): Column => fn('reverse', c);
export const initcap = (c: ColumnOrName): Column => fn('initcap', c);
export const repeat = (c: ColumnOrName, n: number): Column => fnWithValues('repeat', c, n);
export const substring = (c: ColumnOrName, pos: number, len: number): Column => fnWithValues('substring', c, pos, len);
export const concat = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('concat', ...flat(cols));
export function concat_ws(sep: string, ...cols: (ColumnOrName | ColumnOrName[])[]): Column {
  return new Column(callOf('concat_ws', [literalExpr(sep), ...flat(cols).map(columnExpr)]));
}
export function locate(substr: string, str: ColumnOrName, pos = 1): Column {
  return new Column(callOf('locate', [literalExpr(substr), columnExpr(str), literalExpr(pos)]));
}
export const instr = (c: ColumnOrName, substr: string): Column => fnWithValues('instr', c, substr);
export const lpad = (c: ColumnOrName, len: number, pad: string): Column => fnWithValues('lpad', c, len, pad);
export const rpad = (c: ColumnOrName, len: number, pad: string): Column => fnWithValues('rpad', c, len, pad);
export const split = (c: ColumnOrName, pattern: string, limit?: number): Column => fnWithValues('split', c, pattern, limit);
export const regexp_extract = (c: ColumnOrName, pattern: string, idx: number): Column => fnWithValues('regexp_extract', c, pattern, idx);
/** PySpark's regexp_extract_all(str, regexp, idx=1): `regexp` is a Column (use F.lit for a pattern) or a column name. */
export const regexp_extract_all = (c: ColumnOrName, regexp: ColumnOrName, idx?: number): Column =>
  idx === undefined ? fn('regexp_extract_all', c, regexp) : new Column(callOf('regexp_extract_all', [columnExpr(c), columnExpr(regexp), literalExpr(idx)]));
export const regexp_replace = (c: ColumnOrName, pattern: string, replacement: string): Column =>
  fnWithValues('regexp_replace', c, pattern, replacement);
