/**
 * Spark's ResolveTimeZone: before planning, every expression that reads the session time zone
 * (casts between strings, dates and timestamps; hour(), date_format(), date_trunc(), ...) is given
 * it, so the generated code of a task computes in the zone the query was planned in. The zone is
 * asked for only when the plan has such an expression: the process's default costs Intl's first
 * use (~12 ms), which a query over numbers and strings need not pay.
 */
import { transformUp, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { dataTypeOf } from '../analyzer/type-of.js';
import { castUsesTimeZone } from '../physical/codegen/cast-codegen.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';

export function withSessionTimeZone(plan: LogicalPlan, sessionTimeZone: () => string): LogicalPlan {
  let known: string | undefined;
  const timeZone = () => (known ??= sessionTimeZone());
  const zoned = (e: Expr): Expr =>
    transformUp(e, (x) => {
      if (x.kind === 'cast' && x.timeZone === undefined && castUsesTimeZone(dataTypeOf(x.child), x.to)) return { ...x, timeZone: timeZone() };
      if (x.kind === 'call' && x.timeZone === undefined && isTimeZoneAware(x.name)) return { ...x, timeZone: timeZone() };
      return x;
    });
  return transformPlanUp(plan, (p) => mapPlanExpressions(p, zoned));
}

function isTimeZoneAware(name: string): boolean {
  const def = lookupFunction(name);
  return def?.type === 'scalar' && def.timeZoneAware === true;
}
