/** Math functions (pyspark.sql.functions' math family). */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, fnWithValues, type ColumnOrName } from './call.js';

export const abs = (c: ColumnOrName): Column => fn('abs', c);
export const sqrt = (c: ColumnOrName): Column => fn('sqrt', c);
export const exp = (c: ColumnOrName): Column => fn('exp', c);
export const log10 = (c: ColumnOrName): Column => fn('log10', c);
export const log2 = (c: ColumnOrName): Column => fn('log2', c);
export const cbrt = (c: ColumnOrName): Column => fn('cbrt', c);
export const signum = (c: ColumnOrName): Column => fn('signum', c);
export const floor = (c: ColumnOrName): Column => fn('floor', c);
export const ceil = (c: ColumnOrName): Column => fn('ceil', c);
export const sin = (c: ColumnOrName): Column => fn('sin', c);
export const cos = (c: ColumnOrName): Column => fn('cos', c);
export const tan = (c: ColumnOrName): Column => fn('tan', c);
export const pow = (a: ColumnOrName, b: ColumnOrName | number): Column =>
  typeof b === 'number' ? fnWithValues('pow', a, b) : fn('pow', a, b);
/** `log(c)` is the natural log; `log(base, c)` takes the base first, as PySpark. */
export function log(a: ColumnOrName | number, b?: ColumnOrName): Column {
  if (b === undefined) return fn('ln', a as ColumnOrName);
  return new Column(callOf('log', [typeof a === 'number' ? literalExpr(a) : columnExpr(a), columnExpr(b)]));
}
export const round = (c: ColumnOrName, scale = 0): Column => fnWithValues('round', c, scale);
export const bround = (c: ColumnOrName, scale = 0): Column => fnWithValues('bround', c, scale);
export const rand = (): Column => fn('rand');
