/**
 * Higher-order functions (pyspark.sql.functions' transform, filter, ...): the JavaScript function
 * given is called once, here, with Columns standing for its parameters, and the Column it returns
 * becomes the lambda's body (PySpark builds its lambdas the same way).
 */
import { Column, columnExpr } from '../column.js';
import { callOf, type Expr } from '../expr/expression.js';
import type { ColumnOrName } from './call.js';

/** A lambda's parameter, as the function given to transform & co. sees it. */
export type LambdaColumn = Column;
type Lambda = (...params: LambdaColumn[]) => Column;

let lambdaCounter = 0;

/** `lambdafunction(body, params...)` from a JS function of `arity` (its declared parameter count, at least `min`). */
function lambda(f: Lambda, min: number, max: number): Expr {
  const arity = Math.min(Math.max(f.length, min), max);
  const names = ['x', 'y', 'z'].slice(0, arity).map((n) => `${n}_${lambdaCounter++}`);
  const body = f(...names.map((name) => new Column({ kind: 'column', name })));
  if (!(body instanceof Column)) throw new TypeError(`[HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN] Function \`${f.name || 'lambda'}\` should return Column, got ${typeof body}.`);
  return callOf('lambdafunction', [body.expr, ...names.map((name): Expr => ({ kind: 'column', name }))]);
}

const higherOrder = (name: string, args: ColumnOrName[], ...lambdas: Expr[]): Column => new Column(callOf(name, [...args.map(columnExpr), ...lambdas]));

export const transform = (col: ColumnOrName, f: Lambda): Column => higherOrder('transform', [col], lambda(f, 1, 2));
export const filter = (col: ColumnOrName, f: Lambda): Column => higherOrder('filter', [col], lambda(f, 1, 2));
export const exists = (col: ColumnOrName, f: Lambda): Column => higherOrder('exists', [col], lambda(f, 1, 1));
export const forall = (col: ColumnOrName, f: Lambda): Column => higherOrder('forall', [col], lambda(f, 1, 1));
export function aggregate(col: ColumnOrName, initialValue: ColumnOrName, merge: Lambda, finish?: Lambda): Column {
  const lambdas = [lambda(merge, 2, 2), ...(finish ? [lambda(finish, 1, 1)] : [])];
  return higherOrder('aggregate', [col, initialValue], ...lambdas);
}
export function reduce(col: ColumnOrName, initialValue: ColumnOrName, merge: Lambda, finish?: Lambda): Column {
  const lambdas = [lambda(merge, 2, 2), ...(finish ? [lambda(finish, 1, 1)] : [])];
  return higherOrder('reduce', [col, initialValue], ...lambdas);
}
export const zip_with = (left: ColumnOrName, right: ColumnOrName, f: Lambda): Column => higherOrder('zip_with', [left, right], lambda(f, 2, 2));
export const map_filter = (col: ColumnOrName, f: Lambda): Column => higherOrder('map_filter', [col], lambda(f, 2, 2));
export const transform_keys = (col: ColumnOrName, f: Lambda): Column => higherOrder('transform_keys', [col], lambda(f, 2, 2));
export const transform_values = (col: ColumnOrName, f: Lambda): Column => higherOrder('transform_values', [col], lambda(f, 2, 2));
/** array_sort(col, comparator?): the comparator returns a negative, 0 or positive integer column. */
export const array_sort = (col: ColumnOrName, comparator?: Lambda): Column =>
  comparator === undefined ? higherOrder('array_sort', [col]) : higherOrder('array_sort', [col], lambda(comparator, 2, 2));
export const map_zip_with = (col1: ColumnOrName, col2: ColumnOrName, f: Lambda): Column => higherOrder('map_zip_with', [col1, col2], lambda(f, 3, 3));
