/**
 * Boolean simplification: `x AND true` is x, `x OR true` is true, `NOT NOT x` is x, filters that are
 * always true vanish, and conjuncts common to both sides of an OR come out of it, as Spark's
 * BooleanSimplification does: `(a AND b) OR (a AND c)` is `a AND (b OR c)`. TPC-H q19's three OR
 * branches each say `p_partkey = l_partkey`; pulled out, it becomes the join's key.
 */
import { binaryOf, transformUp, type Expr } from '../expr/expression.js';
import { conjunction, splitConjuncts } from '../expr/predicates.js';
import { Types } from '../expr/types-used.js';
import { exprKey } from '../physical/expr-key.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';
import { isDeterministic } from './push-filters.js';

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
    return factorOutCommonConjuncts(e.left, e.right) ?? e;
  }
  if (e.kind === 'unary' && e.op === 'NOT' && e.child.kind === 'unary' && e.child.op === 'NOT') return e.child.child;
  return e;
}

/** `(a AND b) OR (a AND c)` as `a AND (b OR c)`; `(a AND b) OR a` as `a`. Undefined when nothing is common. */
function factorOutCommonConjuncts(left: Expr, right: Expr): Expr | undefined {
  if (!isDeterministic(left) || !isDeterministic(right)) return undefined;
  const leftParts = splitConjuncts(left);
  const rightParts = splitConjuncts(right);
  const rightKeys = new Set(rightParts.map(semanticKey));
  const common = leftParts.filter((part) => rightKeys.has(semanticKey(part)));
  if (common.length === 0) return undefined;
  const commonKeys = new Set(common.map(semanticKey));
  const leftRest = leftParts.filter((part) => !commonKeys.has(semanticKey(part)));
  const rightRest = rightParts.filter((part) => !commonKeys.has(semanticKey(part)));
  if (leftRest.length === 0 || rightRest.length === 0) return conjunction(common);
  return conjunction([...common, binaryOf('OR', conjunction(leftRest)!, conjunction(rightRest)!)]);
}

const SYMMETRIC = new Set(['=', '<=>']);

/** The same key for `a = b` and `b = a` (Spark compares conjuncts by their canonical form). */
function semanticKey(e: Expr): string {
  if (e.kind === 'binary' && SYMMETRIC.has(e.op)) return `${e.op}(${[exprKey(e.left), exprKey(e.right)].sort().join(',')})`;
  return exprKey(e);
}
