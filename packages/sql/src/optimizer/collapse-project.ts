/**
 * Spark's CollapseProject: a projection over a projection becomes one, the upper one's references
 * to the lower one's aliases replaced by their definitions. It does not collapse when that would
 * evaluate a non-deterministic definition (rand(), a UDF) anew, or repeat an expensive one: a
 * definition read more than once must be cheap (a column, a literal).
 */
import { collect, transformUp, type Alias, type Attr, type Expr } from '../expr/expression.js';
import { transformPlanUp, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { isDeterministic } from './push-filters.js';

export function collapseProjects(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => (p.kind === 'project' && p.child.kind === 'project' ? collapsed(p, p.child) : p));
}

const isCheap = (e: Expr): boolean => e.kind === 'attr' || e.kind === 'literal' || (e.kind === 'alias' && isCheap(e.child));

function collapsed(upper: PlanOf<'project'>, lower: PlanOf<'project'>): LogicalPlan {
  const definitions = new Map<number, Alias>();
  for (const e of lower.exprs) if (e.kind === 'alias') definitions.set(e.id, e);
  const uses = new Map<number, number>();
  for (const e of upper.exprs) for (const a of collect(e, (x): x is Attr => x.kind === 'attr')) uses.set(a.id, (uses.get(a.id) ?? 0) + 1);
  for (const [id, count] of uses) {
    const definition = definitions.get(id);
    if (definition === undefined) continue;
    if (!isDeterministic(definition.child) || (count > 1 && !isCheap(definition.child))) return upper;
  }
  const inline = (e: Expr): Expr => transformUp(e, (x) => (x.kind === 'attr' && definitions.has(x.id) ? definitions.get(x.id)!.child : x));
  const exprs = upper.exprs.map((e): Expr => {
    if (e.kind === 'attr' && definitions.has(e.id)) return { ...definitions.get(e.id)!, name: e.name };
    return inline(e);
  });
  return { kind: 'project', child: lower.child, exprs };
}
