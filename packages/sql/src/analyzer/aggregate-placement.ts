/**
 * Where aggregate and window functions may not stand (Spark's CheckAnalysis): not in a WHERE
 * condition (INVALID_WHERE_CONDITION; HAVING, a filter over an aggregate, reads them as the
 * aggregate's outputs), not inside another aggregate's arguments (NESTED_AGGREGATE_FUNCTION; a
 * window over a grouped query's aggregate, `sum(sum(x)) OVER ()`, is not nested), not in GROUP BY
 * (GROUP_BY_AGGREGATE). Without these checks the query failed when it ran, with an internal error.
 */
import { children, type Expr } from '../expr/expression.js';
import { prettyName } from '../expr/names.js';
import { isAggregateCall } from '../expr/registry.js';
import { AnalysisException } from './analysis-error.js';

/** The aggregate calls and window expressions of `e`, outermost first, not looking inside them. */
function aggregatesAndWindows(e: Expr): Expr[] {
  if (isAggregateCall(e) || e.kind === 'window') return [e];
  return children(e).flatMap(aggregatesAndWindows);
}

export function checkWhereCondition(condition: Expr): void {
  const invalid = aggregatesAndWindows(condition);
  if (invalid.length === 0) return;
  throw new AnalysisException(
    'INVALID_WHERE_CONDITION',
    `The WHERE condition "${prettyName(condition)}" contains invalid expressions: ${invalid.map(prettyName).join(', ')}. ` +
      'Rewrite the query to avoid window functions, aggregate functions, and generator functions in the WHERE clause. SQLSTATE: 42903',
  );
}

export function checkAggregatePlacement(groupBy: readonly Expr[], aggregates: readonly Expr[]): void {
  for (const g of groupBy) {
    const found = aggregatesAndWindows(g).find(isAggregateCall);
    if (found) throw new AnalysisException('GROUP_BY_AGGREGATE', `Aggregate functions are not allowed in GROUP BY, but found ${prettyName(found)}. SQLSTATE: 42903`);
  }
  for (const outer of aggregates.flatMap(aggregatesAndWindows)) {
    if (isAggregateCall(outer) && children(outer).flatMap(aggregatesAndWindows).some(isAggregateCall)) {
      throw new AnalysisException(
        'NESTED_AGGREGATE_FUNCTION',
        'It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query. SQLSTATE: 42607',
      );
    }
  }
}
