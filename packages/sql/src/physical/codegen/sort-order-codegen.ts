/**
 * A comparator generated for a query's sort order: one function over sort-key values with each
 * column's direction, null placement and type fixed in the code, so V8 compares numbers and
 * strings directly instead of walking a generic order of tagged values (Spark generates its
 * orderings the same way: GenerateOrdering). A key is the column's value itself when the order
 * has one column, else an array of the columns' values.
 */
import type { SortOrderExpr } from '../../expr/expression.js';
import { dataTypeOf } from '../../analyzer/type-of.js';
import type { CodegenContext } from './codegen-context.js';
import { genExpr, type Bindings } from './expr-codegen.js';
import { SQL_COMPARE } from './complex-equality.js';

/** Types whose values (numbers, strings, booleans) JavaScript's `<` orders as Spark does. */
const DIRECTLY_ORDERED = new Set(['boolean', 'byte', 'short', 'integer', 'long', 'decimal', 'string', 'date', 'timestamp', 'timestamp_ntz']);
const FLOATING = new Set(['float', 'double']);

/** Spark orders NaN above every other value, and NaN equal to NaN. */
const COMPARE_FLOATING = `function compareFloating(x, y) {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  return x !== x ? (y !== y ? 0 : 1) : -1;
}`;

/** The code of the sort key of the current row (see the file comment). */
export function genSortValues(orders: readonly SortOrderExpr[], vars: Bindings, ctx: CodegenContext): string {
  const values = orders.map((o) => genExpr(o.child, vars, ctx));
  return values.length === 1 ? values[0] : `[${values.join(', ')}]`;
}

/** Where the two compared values of sort column `column` are, as JavaScript. */
export type SortOperands = (column: number) => readonly [string, string];

/** Operands of two sort keys `a` and `b` as genSortValues makes them. */
export const keyOperands = (orders: readonly SortOrderExpr[]): SortOperands => (column) =>
  orders.length === 1 ? ['a', 'b'] : [`a[${column}]`, `b[${column}]`];

/**
 * Statements comparing two sort keys of `orders` whose column values `operands` gives: they
 * return negative when the first sorts first, positive when it sorts after, and fall through
 * when the keys are equal. Helpers they call are added to `ctx`.
 */
export function genSortComparison(orders: readonly SortOrderExpr[], operands: SortOperands, ctx: CodegenContext): string {
  const columns = orders.map((o, i) => {
    const nullFirst = o.nullsFirst ? -1 : 1;
    const direction = o.ascending ? 1 : -1;
    const [first, second] = operands(i);
    const typeName = dataTypeOf(o.child).typeName();
    let compare: string;
    if (DIRECTLY_ORDERED.has(typeName)) {
      compare = `if (x < y) return ${-direction};\n    if (x > y) return ${direction};`;
    } else {
      // Arrays, structs and binary: Spark's interpreted ordering, as `<` on them (complex-equality.ts).
      const helper = FLOATING.has(typeName) ? 'compareFloating' : 'sqlCompare';
      ctx.addHelper(helper, helper === 'compareFloating' ? COMPARE_FLOATING : SQL_COMPARE);
      compare = `c = ${helper}(x, y);\n    if (c !== 0) return ${direction} * c;`;
    }
    return `x = ${first}; y = ${second};
  if (x !== y) {
    if (x === null) return ${nullFirst};
    if (y === null) return ${-nullFirst};
    ${compare}
  }`;
  });
  return `let x, y, c;\n  ${columns.join('\n  ')}`;
}
