/** Column constructors and conditionals: col, lit, expr, when, coalesce, sort helpers. */
import { Column, columnExpr, operand, nameToExpr, type ColumnOrValue } from '../column.js';
import { literalExpr } from '../expr/literal.js';
import { sqlFrontEnd } from '../sql-front-end.js';
import { fn, flat, type ColumnOrName } from './call.js';

export function col(name: string): Column {
  return new Column(nameToExpr(name));
}
export const column = col;

/** A literal: an integer in int range is `int`, a larger one `bigint`, other numbers `double`; a list is an array. */
export function lit(value: ColumnOrValue | readonly unknown[]): Column {
  return value instanceof Column ? value : new Column(literalExpr(value));
}

/** An expression in SQL text: `F.expr('age + 1')`. */
export function expr(text: string): Column {
  return new Column(sqlFrontEnd('F.expr()').parseExpression(text));
}

export function when(condition: Column, value: ColumnOrValue): Column {
  return new Column({ kind: 'caseWhen', branches: [[condition.expr, operand(value)]], otherwise: undefined });
}

export function coalesce(...cols: (ColumnOrName | ColumnOrName[])[]): Column {
  return fn('coalesce', ...flat(cols));
}
export const greatest = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('greatest', ...flat(cols));
export const least = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('least', ...flat(cols));
export const isnull = (c: ColumnOrName): Column => fn('isnull', c);
export const isnan = (c: ColumnOrName): Column => fn('isnan', c);
export const nvl = (a: ColumnOrName, b: ColumnOrName): Column => fn('nvl', a, b);
export const nullif = (a: ColumnOrName, b: ColumnOrName): Column => fn('nullif', a, b);
export const nanvl = (a: ColumnOrName, b: ColumnOrName): Column => fn('nanvl', a, b);

/** Calls a function by its SQL name: `F.call_function('upper', 'name')`. */
export const call_function = (name: string, ...cols: ColumnOrName[]): Column => fn(name, ...cols);

/** `F.not(c)`: PySpark's `~c`. */
export function not(c: ColumnOrName): Column {
  return new Column({ kind: 'unary', op: 'NOT', child: columnExpr(c) });
}
export const negate = (c: ColumnOrName): Column => new Column({ kind: 'unary', op: '-', child: columnExpr(c) });

const asColumn = (c: ColumnOrName) => (c instanceof Column ? c : col(c));
export const asc = (c: ColumnOrName): Column => asColumn(c).asc();
export const desc = (c: ColumnOrName): Column => asColumn(c).desc();
export const asc_nulls_first = (c: ColumnOrName): Column => asColumn(c).asc_nulls_first();
export const asc_nulls_last = (c: ColumnOrName): Column => asColumn(c).asc_nulls_last();
export const desc_nulls_first = (c: ColumnOrName): Column => asColumn(c).desc_nulls_first();
export const desc_nulls_last = (c: ColumnOrName): Column => asColumn(c).desc_nulls_last();

/** Marks a DataFrame to be broadcast in the joins it is part of: `df.hint('broadcast')`. */
export const broadcast = <T extends { hint(name: string): T }>(df: T): T => df.hint('broadcast');
export const ifnull = (a: ColumnOrName, b: ColumnOrName): Column => fn('ifnull', a, b);
export const nvl2 = (a: ColumnOrName, b: ColumnOrName, c: ColumnOrName): Column => fn('nvl2', a, b, c);
export const equal_null = (a: ColumnOrName, b: ColumnOrName): Column => fn('equal_null', a, b);
export const isnotnull = (c: ColumnOrName): Column => fn('isnotnull', c);
