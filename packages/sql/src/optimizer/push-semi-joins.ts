/**
 * Spark's PushLeftSemiLeftAntiThroughJoin: a left semi or anti join over a join moves into the
 * side of that join whose columns its condition reads, so it filters that side before the join
 * instead of the join's output after it. TPC-H q18's `o_orderkey IN (SELECT l_orderkey ... HAVING
 * sum(l_quantity) > 300)` then keeps 57 orders in the orders scan at SF 1, where it filtered the 6M
 * rows of orders joined with lineitem. As in Spark: into the left side of an inner or left outer
 * join, into the right side of an inner or right outer join; with no condition, into the left side
 * of an inner or left outer join and the right side of a right outer join.
 */
import { referencedIds, type Expr } from '../expr/expression.js';
import { splitConjuncts } from '../expr/predicates.js';
import { transformPlanUp, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';
import { isDeterministic } from './push-filters.js';

export function pushSemiJoins(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => (p.kind === 'join' ? pushSemiJoin(p) : p));
}

function pushSemiJoin(semi: PlanOf<'join'>): LogicalPlan {
  const child = semi.left;
  if ((semi.joinType !== 'left_semi' && semi.joinType !== 'left_anti') || child.kind !== 'join' || semi.using !== undefined || child.using !== undefined) return semi;
  const direction = pushTo(child, semi.right, semi.condition);
  const innerLike = child.joinType === 'inner' || child.joinType === 'cross';
  if (direction === 'left' && (innerLike || child.joinType === 'left')) {
    return { ...child, left: pushSemiJoin({ ...semi, left: child.left }) };
  }
  if (direction === 'right' && (innerLike || child.joinType === 'right')) {
    return { ...child, right: pushSemiJoin({ ...semi, left: child.right }) };
  }
  return semi;
}

/** The side of `child` that a semi or anti join over it with `condition` (and right side `right`) can move into. */
function pushTo(child: PlanOf<'join'>, right: LogicalPlan, condition: Expr | undefined): 'left' | 'right' | undefined {
  if (condition === undefined) {
    if (child.joinType === 'inner' || child.joinType === 'cross' || child.joinType === 'left') return 'left';
    return child.joinType === 'right' ? 'right' : undefined;
  }
  if (!isDeterministic(condition)) return undefined;
  const ids = (p: LogicalPlan) => outputOf(p).map((a) => a.id);
  const rightIds = ids(right);
  const leftSide = new Set([...ids(child.left), ...rightIds]);
  const rightSide = new Set([...ids(child.right), ...rightIds]);
  const within = (c: Expr, side: Set<number>) => [...referencedIds(c)].every((id) => side.has(id));
  const conjuncts = splitConjuncts(condition);
  const leftConditions = conjuncts.filter((c) => within(c, leftSide));
  const rest = conjuncts.filter((c) => !within(c, leftSide));
  const rightConditions = rest.filter((c) => within(c, rightSide));
  if (rest.length === 0 && leftConditions.length > 0) return 'left';
  if (leftConditions.length === 0 && rightConditions.length > 0 && rightConditions.length === rest.length) return 'right';
  return undefined;
}
