/** Rewriting every expression held by a plan node (for expression-level optimizer rules). */
import type { Expr, NamedExpr, SortOrderExpr } from '../expr/expression.js';
import type { LogicalPlan } from '../plan/logical-plan.js';

export function mapPlanExpressions(p: LogicalPlan, f: (e: Expr) => Expr): LogicalPlan {
  const changed = <T extends Expr>(list: readonly T[]): readonly T[] => {
    const out = list.map((e) => f(e) as T);
    return out.every((e, i) => e === list[i]) ? list : out;
  };
  switch (p.kind) {
    case 'project': {
      const exprs = changed(p.exprs);
      return exprs === p.exprs ? p : { ...p, exprs };
    }
    case 'filter': {
      const condition = f(p.condition);
      return condition === p.condition ? p : { ...p, condition };
    }
    case 'aggregate': {
      const groupBy = changed(p.groupBy);
      const aggregates = changed(p.aggregates);
      return groupBy === p.groupBy && aggregates === p.aggregates ? p : { ...p, groupBy, aggregates };
    }
    case 'join': {
      const condition = p.condition && f(p.condition);
      return condition === p.condition ? p : { ...p, condition };
    }
    case 'sort': {
      const orders = changed(p.orders) as readonly SortOrderExpr[];
      return orders === p.orders ? p : { ...p, orders };
    }
    case 'window': {
      const windowExprs = changed(p.windowExprs) as readonly NamedExpr[];
      return windowExprs === p.windowExprs ? p : { ...p, windowExprs };
    }
    default:
      return p;
  }
}

/** As mapPlanExpressions, also through generators, metrics and partitioning expressions (for rules that rename attributes). */
export function mapEveryPlanExpression(p: LogicalPlan, f: (e: Expr) => Expr): LogicalPlan {
  switch (p.kind) {
    case 'generate': {
      const generator = f(p.generator);
      return generator === p.generator ? p : { ...p, generator };
    }
    case 'collectMetrics': {
      const metrics = p.metrics.map(f);
      return metrics.every((e, i) => e === p.metrics[i]) ? p : { ...p, metrics };
    }
    case 'repartition': {
      const partitionExprs = p.partitionExprs.map(f);
      return partitionExprs.every((e, i) => e === p.partitionExprs[i]) ? p : { ...p, partitionExprs };
    }
    default:
      return mapPlanExpressions(p, f);
  }
}
