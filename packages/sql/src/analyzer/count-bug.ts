/**
 * The COUNT bug of correlated scalar subqueries (Spark's RewriteCorrelatedScalarSubquery): a
 * subquery such as `(SELECT count(*) FROM t WHERE t.k = outer.k)` has a value, 0, for an outer row
 * no inner row matches, but the left join it becomes gives null there. Spark evaluates the
 * subquery's aggregate on no rows and joins a column that is always true, so a null in it means
 * "no inner row": the value is then the no-rows value.
 */
import { literalOf, transformDown, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { Types } from '../expr/types-used.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { dataTypeOf } from './type-of.js';

/** The aggregates whose value on no rows is 0 rather than null. */
const COUNTS = new Set(['count', 'count_distinct', 'count_if', 'approx_count_distinct']);

/**
 * The subquery's value on no rows when it is an aggregate without grouping that counts (undefined
 * otherwise: its value on no rows is null, which the left join gives already).
 */
export function valueOnNoRows(subquery: LogicalPlan): Expr | undefined {
  let p = subquery;
  while (p.kind === 'subqueryAlias') p = p.child;
  if (p.kind !== 'aggregate' || p.groupBy.length > 0 || p.groupingSets !== undefined) return undefined;
  const first = p.aggregates[0];
  const value = first.kind === 'alias' ? first.child : first;
  let counts = false;
  let readsColumn = false;
  const onNoRows = transformDown(value, (x) => {
    if (x.kind === 'call' && lookupFunction(x.name)?.type === 'aggregate') {
      if (!COUNTS.has(x.name)) return literalOf(null, dataTypeOf(x));
      counts = true;
      return literalOf(0, Types.long);
    }
    if (x.kind === 'attr') readsColumn = true;
    return undefined;
  });
  return counts && !readsColumn ? onNoRows : undefined;
}
