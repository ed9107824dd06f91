/**
 * Spark's EliminateSubqueryAliases: a view's or subquery's alias only scopes column names for the
 * analyzer; the optimized plan goes without it (the attributes keep their ids).
 */
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';

export function eliminateSubqueryAliases(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => (p.kind === 'subqueryAlias' ? p.child : p));
}
