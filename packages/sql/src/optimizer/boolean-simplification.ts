/** Boolean simplification: `x AND true` is x, `x OR true` is true, `NOT NOT x` is x, and filters that are always true vanish. */
import { transformUp, type Expr } from '../expr/expression.js';
import { Types } from '../expr/types-used.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';

const isTrue = (e: Expr) => e.kind === 'literal' && e.value === true;
const isFalse = (e: Expr) => e.kind === 'literal' && e.value === false;

export function simplifyBooleans(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => {
    const simplified = mapPlanExpressions(p, (e) => transformUp(e, simplify));
    if (simplified.kind === 'filter' && isTrue(simplified.condition)) return simplified.child;
    return simplified;
  });
}

function simplify(e: Expr): Expr {
  if (e.kind === 'binary' && e.op === 'AND') {
    if (isTrue(e.left)) return e.right;
    if (isTrue(e.right)) return e.left;
    if (isFalse(e.left) || isFalse(e.right)) return { kind: 'literal', value: false, dataType: Types.boolean };
  }
  if (e.kind === 'binary' && e.op === 'OR') {
    if (isFalse(e.left)) return e.right;
    if (isFalse(e.right)) return e.left;
    if (isTrue(e.left)) return e.left;
    if (isTrue(e.right)) return e.right;
  }
  if (e.kind === 'unary' && e.op === 'NOT' && e.child.kind === 'unary' && e.child.op === 'NOT') return e.child.child;
  return e;
}
