/** A sample without replacement as the filter condition Spark's BernoulliCellSampler applies (expr/builtins/random-numbers.ts). */
import { callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import type { PlanOf } from '../plan/logical-plan.js';

export function bernoulliCellCondition(plan: PlanOf<'sample'>): Expr {
  return callOf('bernoulli_cell_sample', [literalExpr(plan.seed), literalExpr(plan.lowerBound), literalExpr(plan.upperBound)]);
}
