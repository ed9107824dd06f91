/**
 * Spark's ResolveTimeZone: before planning, every expression that reads the session time zone
 * (casts between strings, dates and timestamps; hour(), date_format(), date_trunc(), ...) is given
 * it, so the generated code of a task computes in the zone the query was planned in.
 */
import { transformUp, type Expr } from '../expr/expression.js';
import { lookupFunction } from '../expr/registry.js';
import { transformPlanUp, type LogicalPlan } from '../plan/logical-plan.js';
import { mapPlanExpressions } from './plan-expressions.js';

export function withSessionTimeZone(plan: LogicalPlan, timeZone: string): LogicalPlan {
  const zoned = (e: Expr): Expr =>
    transformUp(e, (x) => {
      if (x.kind === 'cast' && x.timeZone === undefined) return { ...x, timeZone };
      if (x.kind === 'call' && x.timeZone === undefined && isTimeZoneAware(x.name)) return { ...x, timeZone };
      return x;
    });
  return transformPlanUp(plan, (p) => mapPlanExpressions(p, zoned));
}

function isTimeZoneAware(name: string): boolean {
  const def = lookupFunction(name);
  return def?.type === 'scalar' && def.timeZoneAware === true;
}
