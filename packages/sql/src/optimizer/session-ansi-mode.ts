/**
 * spark.sql.ansi.enabled=false: before planning, arithmetic, unary minus, casts and the math
 * functions that can overflow (abs, pmod, ...) are put in Spark's legacy EvalMode, so a zero
 * divisor gives null, integers wrap and a bad cast gives null. ANSI, Spark 4's default, needs no
 * rewrite (an expression without an EvalMode is ANSI); try_ operators keep their TRY mode. sum and
 * avg are ANSI-aware too: a decimal one past its precision is null under legacy.
 */
import { transformUp, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';

const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);

export function withLegacyArithmetic(plan: LogicalPlan): LogicalPlan {
  const legacy = (e: Expr): Expr =>
    transformUp(e, (x) => {
      if (x.kind === 'binary' && ARITHMETIC.has(x.op) && x.evalMode === undefined) return { ...x, evalMode: 'legacy' };
      if (x.kind === 'unary' && x.op === '-' && x.evalMode === undefined) return { ...x, evalMode: 'legacy' };
      if (x.kind === 'cast' && !x.try && x.evalMode === undefined) return { ...x, evalMode: 'legacy' };
      if (x.kind === 'call' && x.evalMode === undefined && isAnsiAware(x.name)) return { ...x, evalMode: 'legacy' };
      return x;
    });
  return transformPlanUp(plan, (p) => mapPlanExpressions(p, legacy));
}

function isAnsiAware(name: string): boolean {
  const def = lookupFunction(name);
  return (def?.type === 'scalar' || def?.type === 'aggregate') && def.ansiAware === true;
}
