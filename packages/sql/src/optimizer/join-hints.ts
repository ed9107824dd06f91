/**
 * Spark's EliminateResolvedHint: a `hint` node under a join (directly, or through operators
 * that keep rows one for one: projections, filters, aliases, sorts, limits) becomes the join's
 * strategy hint for that side; every hint node is then dropped, so the rules and the planner
 * never see one. A hint with no join above it has no effect, as in Spark.
 */
import { transformPlanUp, withChildren, type JoinStrategyHint, type LogicalPlan } from '../plan/logical-plan.js';

export function moveHintsToJoins(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => {
    if (p.kind !== 'join') return p;
    const left = extractHint(p.left);
    const right = extractHint(p.right);
    if (left.hint === undefined && right.hint === undefined) return p;
    const hints = { ...p.hints, ...(left.hint && { left: left.hint }), ...(right.hint && { right: right.hint }) };
    return { ...p, left: left.plan, right: right.plan, hints };
  });
}

/** Drops the hint nodes no join took. */
export function dropHints(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => (p.kind === 'hint' ? p.child : p));
}

const PASS_THROUGH = new Set<LogicalPlan['kind']>(['project', 'filter', 'subqueryAlias', 'sort', 'limit']);

/** The plan without its top hints (the outermost wins, as Spark's), and that hint. */
function extractHint(p: LogicalPlan): { plan: LogicalPlan; hint: JoinStrategyHint | undefined } {
  if (p.kind === 'hint') return { plan: extractHint(p.child).plan, hint: p.strategy };
  if (!PASS_THROUGH.has(p.kind) || !('child' in p)) return { plan: p, hint: undefined };
  const inner = extractHint(p.child);
  return inner.hint === undefined ? { plan: p, hint: undefined } : { plan: withChildren(p, [inner.plan]), hint: inner.hint };
}
