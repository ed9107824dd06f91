/**
 * Spark 4's seeded random functions: random (rand's other name), uniform, randstr and shuffle. A
 * number is a literal (PySpark passes lit(n)); a seed left out is picked while planning.
 */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { numberOrColumn, type ColumnOrName } from './call.js';

type NumberOrColumn = Column | number;
const given = (...args: (NumberOrColumn | undefined)[]) => args.filter((a): a is NumberOrColumn => a !== undefined).map(numberOrColumn);

export const random = (seed?: NumberOrColumn): Column => new Column(callOf('random', given(seed)));
export const uniform = (min: NumberOrColumn, max: NumberOrColumn, seed?: NumberOrColumn): Column => new Column(callOf('uniform', given(min, max, seed)));
export const randstr = (length: NumberOrColumn, seed?: NumberOrColumn): Column => new Column(callOf('randstr', given(length, seed)));
export const shuffle = (col: ColumnOrName, seed?: NumberOrColumn): Column => new Column(callOf('shuffle', [columnExpr(col), ...given(seed)]));
