/** Building `call` expressions for the F.* functions: a string argument names a column. */
import { Column, columnExpr, operand, type ColumnOrValue } from '../column.js';
import { callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';

export type ColumnOrName = Column | string;

/** A function over columns (strings are column names). */
export function fn(name: string, ...cols: ColumnOrName[]): Column {
  return new Column(callOf(name, cols.map(columnExpr)));
}

/** A function whose first argument is a column and the rest plain values (literals). */
export function fnWithValues(name: string, col: ColumnOrName, ...values: (ColumnOrValue | undefined)[]): Column {
  const given = values.filter((v): v is ColumnOrValue => v !== undefined);
  return new Column(callOf(name, [columnExpr(col), ...given.map(operand)]));
}

/** Variadic columns also come as one array, as PySpark accepts a list. */
export function flat<T>(args: (T | T[])[]): T[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as T[]) : (args as T[]);
}

/** A number is a literal, a string names a column (PySpark's `Union[ColumnOrName, int]` parameters). */
export function numberOrColumn(a: ColumnOrName | number): Expr {
  return typeof a === 'number' ? literalExpr(a) : columnExpr(a);
}
