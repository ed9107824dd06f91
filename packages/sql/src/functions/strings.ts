/** String functions (pyspark.sql.functions' string family). */
import { Column, columnExpr, operand } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, fnWithValues, flat, numberOrColumn, type ColumnOrName } from './call.js';

export const lower = (c: ColumnOrName): Column => fn('lower', c);
export const upper = (c: ColumnOrName): Column => fn('upper', c);
export const length = (c: ColumnOrName): Column => fn('length', c);
/** trim / ltrim / rtrim(col, trim?): `trim` names a column of the characters to remove (PySpark 4's). */
export const trim = (c: ColumnOrName, trim?: ColumnOrName): Column => (trim === undefined ? fn('trim', c) : fn('trim', c, trim));
export const ltrim = (c: ColumnOrName, trim?: ColumnOrName): Column => (trim === undefined ? fn('ltrim', c) : fn('ltrim', c, trim));
export const rtrim = (c: ColumnOrName, trim?: ColumnOrName): Column => (trim === undefined ? fn('rtrim', c) : fn('rtrim', c, trim));
export const reverse = (c: ColumnOrName): Column => fn('reverse', c);
export const initcap = (c: ColumnOrName): Column => fn('initcap', c);
export const repeat = (c: ColumnOrName, n: ColumnOrName | number): Column => new Column(callOf('repeat', [columnExpr(c), numberOrColumn(n)]));
export const substring = (c: ColumnOrName, pos: ColumnOrName | number, len: ColumnOrName | number): Column =>
  new Column(callOf('substring', [columnExpr(c), numberOrColumn(pos), numberOrColumn(len)]));
export const concat = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('concat', ...flat(cols));
export function concat_ws(sep: string, ...cols: (ColumnOrName | ColumnOrName[])[]): Column {
  return new Column(callOf('concat_ws', [literalExpr(sep), ...flat(cols).map(columnExpr)]));
}
export function locate(substr: string, str: ColumnOrName, pos = 1): Column {
  return new Column(callOf('locate', [literalExpr(substr), columnExpr(str), literalExpr(pos)]));
}
/** instr(str, substr), lpad/rpad(col, len, pad): a plain value is a literal, a Column is read per row (PySpark 4). */
export const instr = (c: ColumnOrName, substr: Column | string): Column => fnWithValues('instr', c, substr);
export const lpad = (c: ColumnOrName, len: Column | number, pad: Column | string | Uint8Array): Column => fnWithValues('lpad', c, len, pad);
export const rpad = (c: ColumnOrName, len: Column | number, pad: Column | string | Uint8Array): Column => fnWithValues('rpad', c, len, pad);
/** split(str, pattern, limit?): a string pattern is a regex literal; limit a number or a column. */
export const split = (c: ColumnOrName, pattern: string | Column, limit?: ColumnOrName | number): Column =>
  new Column(callOf('split', [columnExpr(c), operand(pattern), ...(limit === undefined ? [] : [numberOrColumn(limit)])]));
export const regexp_extract = (c: ColumnOrName, pattern: string, idx: number): Column => fnWithValues('regexp_extract', c, pattern, idx);
/** PySpark's regexp_extract_all(str, regexp, idx=1): `regexp` is a Column (use F.lit for a pattern) or a column name. */
export const regexp_extract_all = (c: ColumnOrName, regexp: ColumnOrName, idx?: number): Column =>
  idx === undefined ? fn('regexp_extract_all', c, regexp) : new Column(callOf('regexp_extract_all', [columnExpr(c), columnExpr(regexp), literalExpr(idx)]));
export const regexp_replace = (c: ColumnOrName, pattern: string | Column, replacement: string | Column): Column =>
  fnWithValues('regexp_replace', c, pattern, replacement);
export const ascii = (c: ColumnOrName): Column => fn('ascii', c);
export const base64 = (c: ColumnOrName): Column => fn('base64', c);
export const octet_length = (c: ColumnOrName): Column => fn('octet_length', c);
export const bit_length = (c: ColumnOrName): Column => fn('bit_length', c);
export const substring_index = (c: ColumnOrName, delim: string, count: number): Column => fnWithValues('substring_index', c, delim, count);
export const levenshtein = (left: ColumnOrName, right: ColumnOrName, threshold?: number): Column =>
  threshold === undefined ? fn('levenshtein', left, right) : new Column(callOf('levenshtein', [columnExpr(left), columnExpr(right), literalExpr(threshold)]));
export const translate = (c: ColumnOrName, matching: string, replace: string): Column => fnWithValues('translate', c, matching, replace);
export const format_number = (c: ColumnOrName, d: number): Column => fnWithValues('format_number', c, d);
export function format_string(format: string, ...cols: (ColumnOrName | ColumnOrName[])[]): Column {
  return new Column(callOf('format_string', [literalExpr(format), ...flat(cols).map(columnExpr)]));
}
/** overlay(src, replace, pos, len = -1): pos and len are numbers (literals) or columns / names. */
export function overlay(src: ColumnOrName, replace: ColumnOrName, pos: ColumnOrName | number, len: ColumnOrName | number = -1): Column {
  return new Column(callOf('overlay', [columnExpr(src), columnExpr(replace), numberOrColumn(pos), numberOrColumn(len)]));
}
export const regexp_count = (c: ColumnOrName, regexp: ColumnOrName): Column => fn('regexp_count', c, regexp);
export const regexp_substr = (c: ColumnOrName, regexp: ColumnOrName): Column => fn('regexp_substr', c, regexp);
export const regexp = (c: ColumnOrName, pattern: ColumnOrName): Column => fn('regexp', c, pattern);
export const regexp_like = (c: ColumnOrName, pattern: ColumnOrName): Column => fn('regexp_like', c, pattern);
export const rlike = (c: ColumnOrName, pattern: ColumnOrName): Column => fn('rlike', c, pattern);
export const bin = (c: ColumnOrName): Column => fn('bin', c);
export const hex = (c: ColumnOrName): Column => fn('hex', c);
export const char_length = (c: ColumnOrName): Column => fn('char_length', c);
export const character_length = (c: ColumnOrName): Column => fn('character_length', c);
export const lcase = (c: ColumnOrName): Column => fn('lcase', c);
export const ucase = (c: ColumnOrName): Column => fn('ucase', c);
export const left = (c: ColumnOrName, len: ColumnOrName): Column => fn('left', c, len);
export const right = (c: ColumnOrName, len: ColumnOrName): Column => fn('right', c, len);
export const btrim = (c: ColumnOrName, trim?: ColumnOrName): Column => (trim === undefined ? fn('btrim', c) : fn('btrim', c, trim));
export const char = (c: ColumnOrName): Column => fn('char', c);
export const find_in_set = (c: ColumnOrName, strArray: ColumnOrName): Column => fn('find_in_set', c, strArray);
export const split_part = (src: ColumnOrName, delimiter: ColumnOrName, partNum: ColumnOrName): Column => fn('split_part', src, delimiter, partNum);
export const elt = (...inputs: (ColumnOrName | ColumnOrName[])[]): Column => fn('elt', ...flat(inputs));
export const unhex = (c: ColumnOrName): Column => fn('unhex', c);
export const unbase64 = (c: ColumnOrName): Column => fn('unbase64', c);
/** PySpark 3.5's string predicates as functions: both arguments are columns (F.lit for a value). */
export const contains = (left: ColumnOrName, right: ColumnOrName): Column => fn('contains', left, right);
export const startswith = (str: ColumnOrName, prefix: ColumnOrName): Column => fn('startswith', str, prefix);
export const endswith = (str: ColumnOrName, suffix: ColumnOrName): Column => fn('endswith', str, suffix);
export const substr = (str: ColumnOrName, pos: ColumnOrName, len?: ColumnOrName): Column => (len === undefined ? fn('substr', str, pos) : fn('substr', str, pos, len));
/** like / ilike(str, pattern, escapeChar?): PySpark 3.5's; the escape is a column of a one-character string literal (F.lit('!')). */
export const like = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column =>
  escapeChar === undefined ? fn('like', str, pattern) : fn('like', str, pattern, escapeChar);
export const ilike = (str: ColumnOrName, pattern: ColumnOrName, escapeChar?: Column): Column =>
  escapeChar === undefined ? fn('ilike', str, pattern) : fn('ilike', str, pattern, escapeChar);
