/**
 * Subqueries in a join's ON condition, in any join type, as Spark's RewritePredicateSubquery
 * rewrites them (spark.sql.optimizer.decorrelatePredicateSubqueriesInJoinPredicate and
 * optimizeUncorrelatedInSubqueriesInJoinCondition, both on by default): an IN or EXISTS subquery
 * reads the columns of one side (its IN values and its correlation), so an existence join on that
 * side adds its flag, which the condition then reads; one that reads neither side (its value is
 * the same for every row) goes to the left side, as does an uncorrelated scalar subquery. As in
 * Spark's CheckAnalysis, a subquery that reads both sides and a correlated scalar subquery are
 * analysis errors.
 */
import { referencedIds, transformDown, type Expr } from '../expr/expression.js';
import { prettyName } from '../expr/names.js';
import { outputOf } from '../plan/output.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { planTreeString } from '../plan/tree-string.js';
import { AnalysisException } from './analysis-error.js';
import { subqueryAsValue } from './subqueries.js';
import { attrsReadBy } from './plan-reads.js';

type Subquery = Extract<Expr, { kind: 'subquery' }>;

export function rewriteJoinConditionSubqueries(p: PlanOf<'join'>): LogicalPlan {
  const leftIds = new Set(outputOf(p.left).map((a) => a.id));
  const rightIds = new Set(outputOf(p.right).map((a) => a.id));
  let { left, right } = p;
  const condition = transformDown(p.condition!, (x) => {
    const sub = x.kind === 'unary' && x.op === 'NOT' && x.child.kind === 'subquery' && x.child.mode === 'in' ? x.child : x.kind === 'subquery' ? x : undefined;
    if (sub === undefined) return undefined;
    const reads = idsReadBy(sub);
    const readsLeft = [...reads].some((id) => leftIds.has(id));
    const readsRight = [...reads].some((id) => rightIds.has(id));
    if (sub.mode === 'scalar' && (readsLeft || readsRight)) {
      throw new AnalysisException(
        'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY',
        `Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commands:\n${planTreeString(p)} SQLSTATE: 0A000`,
      );
    }
    if (readsLeft && readsRight) {
      throw new AnalysisException(
        'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_EXPRESSION_IN_JOIN_CONDITION',
        `Unsupported subquery expression: Correlated subqueries in the join predicate cannot reference both join inputs:\n${prettyName(sub)} SQLSTATE: 0A000`,
      );
    }
    const joined = subqueryAsValue(readsRight ? right : left, x);
    if (readsRight) right = joined.plan;
    else left = joined.plan;
    return joined.value;
  });
  const join: LogicalPlan = { ...p, left, right, condition };
  // The existence joins' flags are not columns of the join.
  return { kind: 'project', child: join, exprs: outputOf(p) };
}

/** The column ids a subquery reads: its IN values and every column its plan mentions. */
function idsReadBy(sub: Subquery): Set<number> {
  return new Set([...(sub.child ? referencedIds(sub.child) : []), ...attrsReadBy(sub.plan).map((a) => a.id)]);
}
