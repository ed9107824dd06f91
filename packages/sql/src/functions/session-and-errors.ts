/**
 * Session facts (current_catalog, current_database, current_user, version, ...), the functions
 * that fail on purpose (raise_error, assert_true: a string message is a literal, as in PySpark),
 * bit_count / bit_get / getbit, the bitmap functions, and nullifzero / zeroifnull.
 */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, type ColumnOrName } from './call.js';

const message = (m: Column | string) => (m instanceof Column ? m.expr : literalExpr(m));

export const current_catalog = (): Column => fn('current_catalog');
export const current_database = (): Column => fn('current_database');
export const current_schema = (): Column => fn('current_schema');
export const current_user = (): Column => fn('current_user');
export const user = (): Column => fn('user');
export const session_user = (): Column => fn('session_user');
export const version = (): Column => fn('version');

export const raise_error = (errMsg: Column | string): Column => new Column(callOf('raise_error', [message(errMsg)]));
export const assert_true = (col: ColumnOrName, errMsg?: Column | string): Column =>
  new Column(callOf('assert_true', [columnExpr(col), ...(errMsg === undefined ? [] : [message(errMsg)])]));

export const bit_count = (col: ColumnOrName): Column => fn('bit_count', col);
export const bit_get = (col: ColumnOrName, pos: ColumnOrName): Column => fn('bit_get', col, pos);
export const getbit = (col: ColumnOrName, pos: ColumnOrName): Column => fn('getbit', col, pos);
export const bitmap_bucket_number = (col: ColumnOrName): Column => fn('bitmap_bucket_number', col);
export const bitmap_bit_position = (col: ColumnOrName): Column => fn('bitmap_bit_position', col);
export const bitmap_count = (col: ColumnOrName): Column => fn('bitmap_count', col);
export const bitmap_construct_agg = (col: ColumnOrName): Column => fn('bitmap_construct_agg', col);
export const bitmap_or_agg = (col: ColumnOrName): Column => fn('bitmap_or_agg', col);

export const nullifzero = (col: ColumnOrName): Column => fn('nullifzero', col);
export const zeroifnull = (col: ColumnOrName): Column => fn('zeroifnull', col);
