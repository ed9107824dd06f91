/**
 * `describe(cols)` and `summary(stats)`: per-column statistics as a DataFrame of strings, one
 * row per statistic with a `summary` column first, as Spark computes them (count, mean, stddev,
 * min, max, and approximate percentiles like `25%`).
 */
import { Column } from '../column.js';
import { aliasOf, callOf, type Attr, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import { isNumeric, isString } from '../expr/type-rules.js';
import { resolveColumn } from '../analyzer/resolve-expression.js';
import { Types } from '../expr/types-used.js';
import type { DataFrame } from './dataframe.js';

const DEFAULT_SUMMARY = ['count', 'mean', 'stddev', 'min', '25%', '50%', '75%', 'max'];

export function describeColumns(df: DataFrame, names: string[]): DataFrame {
  return statistics(df, names, ['count', 'mean', 'stddev', 'min', 'max']);
}

export function summaryStats(df: DataFrame, stats: string[]): DataFrame {
  return statistics(df, [], stats.length === 0 ? DEFAULT_SUMMARY : stats);
}

function statistics(df: DataFrame, names: string[], stats: string[]): DataFrame {
  const output = df.output;
  const columns: Attr[] =
    names.length === 0
      ? output.filter((a) => isNumeric(a.dataType) || isString(a.dataType))
      : names.map((n) => resolveColumn(n, undefined, output) as Attr);
  const rows = stats.map((stat) => {
    const exprs: Expr[] = [aliasOf(literalExpr(stat), 'summary')];
    for (const c of columns) exprs.push(aliasOf({ kind: 'cast', child: statistic(stat, c), to: Types.string }, c.name));
    return df.agg(...exprs.map((e) => new Column(e)));
  });
  return rows.reduce((a, b) => a.union(b));
}

function statistic(stat: string, c: Attr): Expr {
  const numeric = isNumeric(c.dataType);
  const percentile = /^(\d+(?:\.\d+)?)%$/.exec(stat);
  if (percentile) return numeric ? callOf('percentile_approx', [c, literalExpr(Number(percentile[1]) / 100)]) : literalExpr(null);
  switch (stat) {
    case 'count':
      return callOf('count', [c]);
    case 'mean':
      return numeric ? callOf('avg', [c]) : literalExpr(null);
    case 'stddev':
      return numeric ? callOf('stddev', [c]) : literalExpr(null);
    case 'min':
      return callOf('min', [c]);
    case 'max':
      return callOf('max', [c]);
    case 'count_distinct':
      return callOf('count_distinct', [c]);
    default:
      throw new Error(`[SUMMARY_STATISTIC] ${stat} is not a recognised statistic`);
  }
}
