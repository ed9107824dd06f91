/** Arrays, structs and window functions (pyspark.sql.functions' collection and window families). */
import { Column, columnExpr } from '../column.js';
import { callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { prettyName } from '../expr/names.js';
import { fn, fnWithValues, flat, numberOrColumn, type ColumnOrName } from './call.js';

export const array = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('array', ...flat(cols));
export const size = (c: ColumnOrName): Column => fn('size', c);
export const array_contains = (c: ColumnOrName, value: unknown): Column => new Column(callOf('array_contains', [columnExpr(c), valueOrColumn(value)]));
export const sort_array = (c: ColumnOrName, asc = true): Column => fnWithValues('sort_array', c, asc);
export const array_distinct = (c: ColumnOrName): Column => fn('array_distinct', c);
export const element_at = (c: ColumnOrName, key: unknown): Column => new Column(callOf('element_at', [columnExpr(c), valueOrColumn(key)]));

/** `struct(a, b)`: a struct whose fields are named after the columns. */
export function struct(...cols: (ColumnOrName | ColumnOrName[])[]): Column {
  const args: Expr[] = [];
  for (const c of flat(cols)) {
    const e = columnExpr(c);
    args.push(literalExpr(e.kind === 'alias' ? e.name : prettyName(e)), e.kind === 'alias' ? e.child : e);
  }
  return new Column({ kind: 'call', name: 'named_struct', args });
}

export const explode = (c: ColumnOrName): Column => fn('explode', c);
export const explode_outer = (c: ColumnOrName): Column => fn('explode_outer', c);
export const posexplode = (c: ColumnOrName): Column => fn('posexplode', c);
export const posexplode_outer = (c: ColumnOrName): Column => fn('posexplode_outer', c);

export const row_number = (): Column => fn('row_number');
export const rank = (): Column => fn('rank');
export const dense_rank = (): Column => fn('dense_rank');
export const percent_rank = (): Column => fn('percent_rank');
export const cume_dist = (): Column => fn('cume_dist');
export const ntile = (n: number): Column => new Column(callOf('ntile', [literalExpr(n)]));
export const lag = (c: ColumnOrName, offset = 1, defaultValue: unknown = null): Column =>
  new Column(callOf('lag', [columnExpr(c), literalExpr(offset), literalExpr(defaultValue)]));
export const lead = (c: ColumnOrName, offset = 1, defaultValue: unknown = null): Column =>
  new Column(callOf('lead', [columnExpr(c), literalExpr(offset), literalExpr(defaultValue)]));
export const named_struct = (...cols: ColumnOrName[]): Column => fn('named_struct', ...cols);
export function create_map(...cols: (ColumnOrName | ColumnOrName[])[]): Column {
  return fn('map', ...flat(cols));
}
export const map_from_arrays = (keys: ColumnOrName, values: ColumnOrName): Column => fn('map_from_arrays', keys, values);
export const arrays_overlap = (a1: ColumnOrName, a2: ColumnOrName): Column => fn('arrays_overlap', a1, a2);
export const slice = (x: ColumnOrName, start: ColumnOrName | number, length: ColumnOrName | number): Column =>
  new Column(callOf('slice', [columnExpr(x), numberOrColumn(start), numberOrColumn(length)]));
export function array_join(c: ColumnOrName, delimiter: string, nullReplacement?: string): Column {
  return fnWithValues('array_join', c, delimiter, nullReplacement);
}
export const array_position = (c: ColumnOrName, value: unknown): Column => new Column(callOf('array_position', [columnExpr(c), valueOrColumn(value)]));
export const get = (c: ColumnOrName, index: ColumnOrName | number): Column => new Column(callOf('get', [columnExpr(c), numberOrColumn(index)]));
export const array_prepend = (c: ColumnOrName, value: unknown): Column => new Column(callOf('array_prepend', [columnExpr(c), valueOrColumn(value)]));
export const array_append = (c: ColumnOrName, value: unknown): Column => new Column(callOf('array_append', [columnExpr(c), valueOrColumn(value)]));
export const array_remove = (c: ColumnOrName, element: unknown): Column => new Column(callOf('array_remove', [columnExpr(c), valueOrColumn(element)]));
export const array_compact = (c: ColumnOrName): Column => fn('array_compact', c);

/** A Column as it is, any other value a literal (PySpark's `lit(value)` parameters). */
function valueOrColumn(v: unknown): Expr {
  return v instanceof Column ? v.expr : literalExpr(v);
}
export const array_min = (c: ColumnOrName): Column => fn('array_min', c);
export const array_max = (c: ColumnOrName): Column => fn('array_max', c);
export const array_size = (c: ColumnOrName): Column => fn('array_size', c);
export const cardinality = (c: ColumnOrName): Column => fn('cardinality', c);
export const flatten = (c: ColumnOrName): Column => fn('flatten', c);
/** element_at with null for an index past either end. */
export const try_element_at = (c: ColumnOrName, key: unknown): Column => new Column(callOf('try_element_at', [columnExpr(c), valueOrColumn(key)]));
export const array_union = (a: ColumnOrName, b: ColumnOrName): Column => fn('array_union', a, b);
export const array_intersect = (a: ColumnOrName, b: ColumnOrName): Column => fn('array_intersect', a, b);
export const array_except = (a: ColumnOrName, b: ColumnOrName): Column => fn('array_except', a, b);
export const array_repeat = (c: ColumnOrName, count: ColumnOrName | number): Column => new Column(callOf('array_repeat', [columnExpr(c), numberOrColumn(count)]));
export const sequence = (start: ColumnOrName, stop: ColumnOrName, step?: ColumnOrName): Column => (step === undefined ? fn('sequence', start, stop) : fn('sequence', start, stop, step));
export const map_keys = (c: ColumnOrName): Column => fn('map_keys', c);
export const map_values = (c: ColumnOrName): Column => fn('map_values', c);
export const map_entries = (c: ColumnOrName): Column => fn('map_entries', c);
export const map_contains_key = (c: ColumnOrName, value: unknown): Column => new Column(callOf('map_contains_key', [columnExpr(c), valueOrColumn(value)]));
export const map_from_entries = (c: ColumnOrName): Column => fn('map_from_entries', c);
export const map_concat = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('map_concat', ...flat(cols));
/** str_to_map(text, pairDelim = ',', keyValueDelim = ':'): PySpark passes the defaults, so the name shows them. */
export const str_to_map = (text: ColumnOrName, pairDelim?: ColumnOrName, keyValueDelim?: ColumnOrName): Column =>
  fn('str_to_map', text, pairDelim ?? new Column(literalExpr(',')), keyValueDelim ?? new Column(literalExpr(':')));
