/** Aggregate functions (pyspark.sql.functions' aggregate family). */
import { Column, columnExpr, operand } from '../column.js';
import { callOf } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { fn, fnWithValues, flat, type ColumnOrName } from './call.js';

/** `count('*')` (or `count(expr('*'))`) counts rows and is named `count(1)`, as in Spark. */
export function count(c: ColumnOrName): Column {
  if (c === '*' || (c instanceof Column && c.expr.kind === 'star' && c.expr.qualifier === undefined)) return new Column(callOf('count', [literalExpr(1)]));
  return fn('count', c);
}
export function count_distinct(first: ColumnOrName | ColumnOrName[], ...rest: ColumnOrName[]): Column {
  return new Column(callOf('count_distinct', flat([first, ...rest] as (ColumnOrName | ColumnOrName[])[]).map(columnExpr)));
}
export const countDistinct = count_distinct;
export const sum = (c: ColumnOrName): Column => fn('sum', c);
export const avg = (c: ColumnOrName): Column => fn('avg', c);
/** Scala's functions.mean is avg, so the column is named `avg(x)` (SQL's mean(x) keeps its name). */
export const mean = (c: ColumnOrName): Column => fn('avg', c);
export const min = (c: ColumnOrName): Column => fn('min', c);
export const max = (c: ColumnOrName): Column => fn('max', c);
export const first = (c: ColumnOrName, ignorenulls = false): Column => (ignorenulls ? fnWithValues('first', c, true) : fn('first', c));
export const last = (c: ColumnOrName, ignorenulls = false): Column => (ignorenulls ? fnWithValues('last', c, true) : fn('last', c));
export const collect_list = (c: ColumnOrName): Column => fn('collect_list', c);
export const collect_set = (c: ColumnOrName): Column => fn('collect_set', c);
export const stddev = (c: ColumnOrName): Column => fn('stddev', c);
export const stddev_samp = (c: ColumnOrName): Column => fn('stddev_samp', c);
export const stddev_pop = (c: ColumnOrName): Column => fn('stddev_pop', c);
export const variance = (c: ColumnOrName): Column => fn('variance', c);
export const var_samp = (c: ColumnOrName): Column => fn('var_samp', c);
export const var_pop = (c: ColumnOrName): Column => fn('var_pop', c);
export const max_by = (c: ColumnOrName, ord: ColumnOrName): Column => fn('max_by', c, ord);
export const min_by = (c: ColumnOrName, ord: ColumnOrName): Column => fn('min_by', c, ord);
export const product = (c: ColumnOrName): Column => fn('product', c);
export const sum_distinct = (c: ColumnOrName): Column => fn('sum_distinct', c);
export const sumDistinct = sum_distinct;
export const median = (c: ColumnOrName): Column => fn('median', c);
export const every = (c: ColumnOrName): Column => fn('every', c);
export const bool_and = (c: ColumnOrName): Column => fn('bool_and', c);
export const some = (c: ColumnOrName): Column => fn('some', c);
export const bool_or = (c: ColumnOrName): Column => fn('bool_or', c);
export const bit_and = (c: ColumnOrName): Column => fn('bit_and', c);
export const bit_or = (c: ColumnOrName): Column => fn('bit_or', c);
export const bit_xor = (c: ColumnOrName): Column => fn('bit_xor', c);
export const std = (c: ColumnOrName): Column => fn('std', c);
/** array_agg is collect_list (Spark names its column collect_list(x)). */
export const array_agg = (c: ColumnOrName): Column => fn('collect_list', c);
export const corr = (c1: ColumnOrName, c2: ColumnOrName): Column => fn('corr', c1, c2);
export const covar_samp = (c1: ColumnOrName, c2: ColumnOrName): Column => fn('covar_samp', c1, c2);
export const covar_pop = (c1: ColumnOrName, c2: ColumnOrName): Column => fn('covar_pop', c1, c2);
/** Whether a row of rollup / cube / groupingSets aggregates over `c` (1) or groups by it (0). */
export const grouping = (c: ColumnOrName): Column => fn('grouping', c);
/** The bits of grouping() over `cols` (all grouping columns when none are given), first column highest. */
export const grouping_id = (...cols: (ColumnOrName | ColumnOrName[])[]): Column => fn('grouping_id', ...flat(cols));
/** sum and avg with null on overflow. */
export const try_sum = (c: ColumnOrName): Column => fn('try_sum', c);
export const try_avg = (c: ColumnOrName): Column => fn('try_avg', c);
export const any_value = (c: ColumnOrName): Column => fn('any_value', c);
export const count_if = (c: ColumnOrName): Column => fn('count_if', c);
/** The distinct count (exact here: within any `rsd`). */
export const approx_count_distinct = (c: ColumnOrName): Column => fn('approx_count_distinct', c);
export const skewness = (c: ColumnOrName): Column => fn('skewness', c);
export const kurtosis = (c: ColumnOrName): Column => fn('kurtosis', c);
export const first_value = (c: ColumnOrName): Column => fn('first_value', c);
export const last_value = (c: ColumnOrName): Column => fn('last_value', c);
/** percentile_approx(col, percentage): the value of rank ceil(percentage * n) (a single percentage). */
export const percentile_approx = (c: ColumnOrName, percentage: number): Column => fnWithValues('percentile_approx', c, percentage);
/** listagg / string_agg(col, delimiter?): the non-null values joined; a plain delimiter is a literal (PySpark's lit(delimiter)). */
const joined = (name: string, distinct: boolean) => (col: ColumnOrName, delimiter?: Column | string | Uint8Array): Column =>
  new Column(callOf(name, [columnExpr(col), ...(delimiter === undefined ? [] : [operand(delimiter)])], distinct));
export const listagg = joined('listagg', false);
export const listagg_distinct = joined('listagg', true);
export const string_agg = joined('string_agg', false);
export const string_agg_distinct = joined('string_agg', true);
