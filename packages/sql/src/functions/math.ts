/** Math functions (pyspark.sql.functions' math family). */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, fnWithValues, numberOrColumn, type ColumnOrName } from './call.js';

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
export const round = (c: ColumnOrName, scale: number | Column = 0): Column => fnWithValues('round', c, scale);
export const bround = (c: ColumnOrName, scale: number | Column = 0): Column => fnWithValues('bround', c, scale);
/**
 * Without a seed, Spark's functions.rand()/randn() pick one when called (Utils.random.nextLong), so
 * the column is named after it (`rand(-3128546784287489)`); here any safe integer, as literals hold
 * JS numbers. SQL's rand() keeps the name `rand()` (its seed is picked while planning).
 */
const randomLongSeed = (): number => Math.floor(Math.random() * 2 ** 53) * (Math.random() < 0.5 ? -1 : 1);
/** Uniform doubles in [0, 1) from Spark's generator: the same seed and partitioning give Spark's values. */
export const rand = (seed: number = randomLongSeed()): Column => new Column(callOf('rand', [literalExpr(seed)]));
/** Standard normal doubles from Spark's generator (java.util.Random's nextGaussian over XORShiftRandom). */
export const randn = (seed: number = randomLongSeed()): Column => new Column(callOf('randn', [literalExpr(seed)]));
export const bitwise_not = (c: ColumnOrName): Column => fn('bitwise_not', c);
export const bitwiseNOT = bitwise_not;
export const sign = (c: ColumnOrName): Column => fn('sign', c);
export const acos = (c: ColumnOrName): Column => fn('acos', c);
export const asin = (c: ColumnOrName): Column => fn('asin', c);
export const atan = (c: ColumnOrName): Column => fn('atan', c);
export const acosh = (c: ColumnOrName): Column => fn('acosh', c);
export const asinh = (c: ColumnOrName): Column => fn('asinh', c);
export const atanh = (c: ColumnOrName): Column => fn('atanh', c);
export const cosh = (c: ColumnOrName): Column => fn('cosh', c);
export const sinh = (c: ColumnOrName): Column => fn('sinh', c);
export const tanh = (c: ColumnOrName): Column => fn('tanh', c);
export const cot = (c: ColumnOrName): Column => fn('cot', c);
export const csc = (c: ColumnOrName): Column => fn('csc', c);
export const sec = (c: ColumnOrName): Column => fn('sec', c);
export const expm1 = (c: ColumnOrName): Column => fn('expm1', c);
export const log1p = (c: ColumnOrName): Column => fn('log1p', c);
export const degrees = (c: ColumnOrName): Column => fn('degrees', c);
export const radians = (c: ColumnOrName): Column => fn('radians', c);
export const rint = (c: ColumnOrName): Column => fn('rint', c);
export const pi = (): Column => fn('pi');
export const e = (): Column => fn('e');
export const negative = (c: ColumnOrName): Column => fn('negative', c);
export const atan2 = (y: ColumnOrName | number, x: ColumnOrName | number): Column => new Column(callOf('atan2', [numberOrColumn(y), numberOrColumn(x)]));
export const hypot = (a: ColumnOrName | number, b: ColumnOrName | number): Column => new Column(callOf('hypot', [numberOrColumn(a), numberOrColumn(b)]));
export const power = pow;
export const ln = (c: ColumnOrName): Column => fn('ln', c);
export const pmod = (a: ColumnOrName | number, b: ColumnOrName | number): Column => new Column(callOf('pmod', [numberOrColumn(a), numberOrColumn(b)]));
export const shiftleft = (c: ColumnOrName, numBits: number): Column => fnWithValues('shiftleft', c, numBits);
export const shiftright = (c: ColumnOrName, numBits: number): Column => fnWithValues('shiftright', c, numBits);
export const shiftrightunsigned = (c: ColumnOrName, numBits: number): Column => fnWithValues('shiftrightunsigned', c, numBits);
export const factorial = (c: ColumnOrName): Column => fn('factorial', c);
/** The operators with null instead of an overflow (try_add/subtract/multiply) or a zero divisor (try_divide/mod). */
export const try_add = (left: ColumnOrName, right: ColumnOrName): Column => fn('try_add', left, right);
export const try_subtract = (left: ColumnOrName, right: ColumnOrName): Column => fn('try_subtract', left, right);
export const try_multiply = (left: ColumnOrName, right: ColumnOrName): Column => fn('try_multiply', left, right);
export const try_divide = (left: ColumnOrName, right: ColumnOrName): Column => fn('try_divide', left, right);
export const try_mod = (left: ColumnOrName, right: ColumnOrName): Column => fn('try_mod', left, right);
export const positive = (c: ColumnOrName): Column => fn('positive', c);
export const ceiling = ceil;
