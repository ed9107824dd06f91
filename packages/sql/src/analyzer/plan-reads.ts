/** The columns a resolved plan's expressions read, its subqueries' plans included. */
import { collect, type Attr, type Expr } from '../expr/expression.js';
import { mapPlanExpressions } from '../optimizer/plan-expressions.js';
import { planChildren, type LogicalPlan } from '../plan/logical-plan.js';

/** Every attribute the plan's expressions mention, once each, in order of first appearance. */
export function attrsReadBy(plan: LogicalPlan): Attr[] {
  const seen = new Map<number, Attr>();
  const visit = (p: LogicalPlan): void => {
    mapPlanExpressions(p, (e) => {
      for (const x of collect(e, (n): n is Expr => n.kind === 'attr' || n.kind === 'subquery')) {
        if (x.kind === 'attr' && !seen.has(x.id)) seen.set(x.id, x);
        else if (x.kind === 'subquery') visit(x.plan);
      }
      return e;
    });
    planChildren(p).forEach(visit);
  };
  visit(plan);
  return [...seen.values()];
}
