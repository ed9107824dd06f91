/**
 * Constant folding: an expression that reads no column and is deterministic (`1 + 2`,
 * `upper('a')`, `CAST('1' AS INT)`) is evaluated once, here, by the same generated code a task
 * would run, and replaced by its literal. One that fails with a Spark error (`2147483647 + 1`)
 * fails the query here, on the driver, as Spark's ConstantFolding does, unless it is a branch of
 * a conditional (CASE, IF, COALESCE, ...) that may never run: that is left to the task.
 */
import { isUserFacingError } from '@flint/rdd';
import { children, literalOf, mapChildren, type Expr, type ExprOf } from '../expr/expression.js';
import { lookupFunction, type AggregateFunction } from '../expr/registry.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { CodegenContext, functionSource } from '../physical/codegen/codegen-context.js';
import { genExpr } from '../physical/codegen/expr-codegen.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';

const NON_DETERMINISTIC = new Set(['current_date', 'current_timestamp', 'now']);

export function foldConstants(plan: LogicalPlan): LogicalPlan {
  return transformPlanUp(plan, (p) => mapPlanExpressions(p, (e) => foldExpression(e)));
}

export function foldExpression(e: Expr, inBranch = false): Expr {
  const folded = mapChildren(e, (c) => foldExpression(c, inBranch || isConditional(e)));
  return isFoldable(folded) ? evaluate(folded, inBranch) : folded;
}

/** CASE and the functions that evaluate an argument only when its branch is taken (lazyArgs: if, coalesce, nvl, nvl2 and their aliases). */
function isConditional(e: Expr): boolean {
  if (e.kind === 'caseWhen') return true;
  if (e.kind !== 'call') return false;
  const def = lookupFunction(e.name);
  return def?.type === 'scalar' && def.lazyArgs === true;
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

function evaluate(e: Expr, inBranch: boolean): Expr {
  const ctx = new CodegenContext();
  try {
    return literalOf(run(ctx, `return ${genExpr(e, new Map(), ctx)};`), dataTypeOf(e));
  } catch (error) {
    if (!inBranch && error instanceof Error && isUserFacingError(error.message)) throw error;
    // Anything else (a function that cannot run here) is left to the task, as is a branch that may not run.
    return e;
  }
}

/**
 * An aggregate call's value over no rows (Spark's AggregateFunction.defaultResult, as a global
 * aggregate of an empty input gives it): its buffer's initial slots, finished. 0 for count,
 * an empty array for collect_list, null for sum.
 */
export function aggregateOnNoRows(call: ExprOf<'call'>, def: AggregateFunction): Expr {
  const ctx = new CodegenContext();
  ctx.addHelpers(def.helpers);
  const slots = Array.from({ length: def.slots }, (_, i) => `b[${i}]`);
  const body = `const b = [${def.init().join(', ')}]; return ${def.finish(slots, call.args.map(dataTypeOf), call.evalMode)};`;
  return literalOf(run(ctx, body), dataTypeOf(call));
}

/** Runs generated statements once, outside any task; undefined is SQL's null. */
function run(ctx: CodegenContext, body: string): unknown {
  const value = new Function(`return ${functionSource(ctx, ['env'], body)}`)()(ctx.env) as unknown;
  return value === undefined ? null : value;
}
