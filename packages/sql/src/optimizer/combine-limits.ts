/**
 * Spark's EliminateLimits / LimitPushDown merging of adjacent limits: a limit (with or without an
 * offset) directly over another becomes one, so that `orderBy(..).offset(m).limit(n)` reaches the
 * planner as LIMIT n OFFSET m over the sort, which it plans as a top-n (TakeOrderedAndProject).
 */
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';

export function combineLimits(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => {
    if (p.kind !== 'limit' || p.child.kind !== 'limit') return p;
    const inner = p.child;
    // The inner limit yields its child's rows inner.offset .. inner.offset + inner.n; the outer then
    // skips p.offset of them and keeps p.n (an unlimited n is Infinity, which this arithmetic keeps).
    const n = Math.min(p.n, Math.max(0, inner.n - p.offset));
    return { kind: 'limit', child: inner.child, n, offset: inner.offset + p.offset };
  });
}
