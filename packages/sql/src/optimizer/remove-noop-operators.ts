/**
 * Spark's RemoveNoopOperators: a projection that lists exactly its input's columns, in order, and a
 * window operator left without window expressions pass their input through unchanged, so they go.
 */
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';

export function removeNoopOperators(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => {
    if (p.kind === 'window' && p.windowExprs.length === 0) return p.child;
    if (p.kind !== 'project') return p;
    const input = outputOf(p.child);
    const same = p.exprs.length === input.length && p.exprs.every((e, i) => e.kind === 'attr' && e.id === input[i].id && e.name === input[i].name);
    return same ? p.child : p;
  });
}
