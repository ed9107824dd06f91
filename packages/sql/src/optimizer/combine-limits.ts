/**
 * Spark's EliminateLimits / EliminateOffsets / LimitPushDown for limits and offsets: a limit (with
 * or without an offset) directly over another becomes one, so that `orderBy(..).offset(m).limit(n)`
 * reaches the planner as LIMIT n OFFSET m over the sort, which it plans as a top-n
 * (TakeOrderedAndProject); an offset over a limit of no more rows is an empty relation. The
 * merged node records the operators Spark's optimizer leaves, for explain() (its `form`).
 */
import { outputOf } from '../plan/output.js';
import { transformPlanUp, type LogicalPlan, type PlanOf, type RowSource } from '../plan/logical-plan.js';
import type { SqlHost } from '../session-host.js';

export function combineLimits(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => {
    if (p.kind !== 'limit') return p;
    if (p.child.kind !== 'limit') return p.form === undefined && Number.isFinite(p.n) && p.offset > 0 ? { ...p, form: 'pushed' } : p;
    const inner = p.child;
    const offsetOverLimit = !Number.isFinite(p.n) && inner.offset === 0 && Number.isFinite(inner.n);
    // EliminateOffsets: skipping at least as many rows as the limit below keeps none.
    if (offsetOverLimit && inner.n <= p.offset) return emptyRelation(p);
    // The inner limit yields its child's rows inner.offset .. inner.offset + inner.n; the outer then
    // skips p.offset of them and keeps p.n (an unlimited n is Infinity, which this arithmetic keeps).
    const n = Math.min(p.n, Math.max(0, inner.n - p.offset));
    const offset = inner.offset + p.offset;
    const form = offsetOverLimit ? 'offsetOverLimit' : Number.isFinite(n) && offset > 0 ? 'pushed' : undefined;
    return { kind: 'limit', child: inner.child, n, offset, ...(form ? { form } : {}) };
  });
}

/** Spark's empty LocalRelation with the columns of `p`. */
function emptyRelation(p: PlanOf<'limit'>): LogicalPlan {
  return { kind: 'relation', output: outputOf(p), source: NO_ROWS };
}

const NO_ROWS: RowSource = {
  description: 'LocalRelation <empty>,',
  physicalName: 'LocalTableScan <empty>,',
  sizeInBytes: 0,
  toRdd: (host: SqlHost) => host.parallelize([], 1),
};
