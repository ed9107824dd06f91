/** Spark's Sample as generated code: the filter condition of its BernoulliCellSampler, or the copies its PoissonSampler keeps (expr/builtins/random-numbers.ts). */
import { callOf, type Expr } from '../expr/expression.js';
import { literalExpr } from '../expr/literal.js';
import type { PlanOf } from '../plan/logical-plan.js';

export function bernoulliCellCondition(plan: PlanOf<'sample'>): Expr {
  return callOf('bernoulli_cell_sample', [literalExpr(plan.seed), literalExpr(plan.lowerBound), literalExpr(plan.upperBound)]);
}

/** How many times a sample with replacement keeps the row. */
export function poissonCopies(plan: PlanOf<'sample'>): Expr {
  return callOf('poisson_sample', [literalExpr(plan.seed), literalExpr(plan.upperBound - plan.lowerBound)]);
}
