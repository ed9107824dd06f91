/**
 * Constant folding: an expression that reads no column and is deterministic (`1 + 2`,
 * `upper('a')`, `CAST('1' AS INT)`) is evaluated once, here, by the same generated code a task
 * would run, and replaced by its literal.
 */
import { children, transformUp, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { CodegenContext, functionSource } from '../physical/codegen/codegen-context.js';
import { genExpr } from '../physical/codegen/expr-codegen.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';

const NON_DETERMINISTIC = new Set(['current_date', 'current_timestamp', 'now']);

export function foldConstants(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => mapPlanExpressions(p, foldExpression));
}

export function foldExpression(e: Expr): Expr {
  return transformUp(e, (x) => (isFoldable(x) ? evaluate(x) : x));
}

function isFoldable(e: Expr): boolean {
  switch (e.kind) {
    case 'unary':
    case 'binary':
    case 'cast':
    case 'caseWhen':
    case 'in':
      return children(e).every((c) => c.kind === 'literal');
    case 'call': {
      const def = lookupFunction(e.name);
      return def?.type === 'scalar' && !def.nondeterministic && !NON_DETERMINISTIC.has(e.name) && e.args.every((c) => c.kind === 'literal');
    }
    default:
      return false;
  }
}

function evaluate(e: Expr): Expr {
  const ctx = new CodegenContext();
  const body = `return ${genExpr(e, new Map(), ctx)};`;
  try {
    const value = new Function(`return ${functionSource(ctx, ['env'], body)}`)()(ctx.env) as unknown;
    return { kind: 'literal', value: value === undefined ? null : value, dataType: dataTypeOf(e) };
  } catch {
    // Leave expressions that fail (e.g. a bad regex) to fail in the task, with its error report.
    return e;
  }
}
