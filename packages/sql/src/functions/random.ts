/**
 * Spark 4's seeded random functions: random (rand's other name), uniform, randstr and shuffle. A
 * number is a literal (PySpark passes lit(n)). Without a seed, uniform and randstr get one here, as
 * PySpark's pick lit(random.randint(0, sys.maxsize)), so the column is named after it
 * (`uniform(1, 2, 8312...)`, `randstr(3, 8312...)`); for random and shuffle it is picked while planning.
 */
import { Column, columnExpr } from '../column.js';
import { callOf } from '../expr/expression.js';
import { numberOrColumn, type ColumnOrName } from './call.js';

type NumberOrColumn = Column | number;
const given = (...args: (NumberOrColumn | undefined)[]) => args.filter((a): a is NumberOrColumn => a !== undefined).map(numberOrColumn);

export const random = (seed?: NumberOrColumn): Column => new Column(callOf('random', given(seed)));
/** A non-negative seed (sys.maxsize's range cut to the safe integers, as literals hold JS numbers). */
const pickedSeed = (): number => Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);

export const uniform = (min: NumberOrColumn, max: NumberOrColumn, seed: NumberOrColumn = pickedSeed()): Column => new Column(callOf('uniform', given(min, max, seed)));
export const randstr = (length: NumberOrColumn, seed: NumberOrColumn = pickedSeed()): Column => new Column(callOf('randstr', given(length, seed)));
export const shuffle = (col: ColumnOrName, seed?: NumberOrColumn): Column => new Column(callOf('shuffle', [columnExpr(col), ...given(seed)]));
