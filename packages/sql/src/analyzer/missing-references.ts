/**
 * SQL lets ORDER BY and HAVING read what the SELECT list does not show (Spark's
 * ResolveMissingReferences and ResolveAggregateFunctions):
 *
 *   SELECT name FROM t ORDER BY age          -> the projection keeps `age` for the sort, then drops it
 *   SELECT k, sum(v) FROM t GROUP BY k
 *     HAVING count(*) > 1                    -> the aggregate computes `count(1)` too, the filter reads it
 *   ... GROUP BY k ORDER BY sum(v)           -> likewise for the sort
 *   df.select('name').filter('age > 21')     -> as for ORDER BY: the projection keeps `age` for the filter
 */
import { aliasOf, collect, referencedIds, transformDown, type Attr, type Expr, type NamedExpr, type SortOrderExpr } from '../expr/expression.js';
import { prettyName } from '../expr/names.js';
import { isAggregateCall } from '../expr/registry.js';
import { namedToAttr, outputOf } from '../plan/output.js';
import { planChildren, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { exprKey } from '../physical/expr-key.js';
import { resolveExpression, type OuterScope } from './resolve-expression.js';
import { unresolvedColumn } from './analysis-error.js';

/**
 * Resolves expressions of a filter or sort over an aggregate (possibly under a projection) that
 * read its input columns or aggregate functions: they become extra aggregate outputs.
 * Returns the rewritten child and expressions, or undefined when nothing is missing.
 */
export function resolveAgainstAggregate(
  child: LogicalPlan,
  exprs: readonly Expr[],
  scope: OuterScope | undefined,
): { child: LogicalPlan; exprs: Expr[] } | undefined {
  const agg = child.kind === 'aggregate' ? child : undefined;
  if (!agg) return undefined;
  const input = outputOf(agg.child);
  const extra: NamedExpr[] = [];
  const existing = new Map(agg.aggregates.map((a) => [exprKey(a.kind === 'alias' ? a.child : a), a]));
  const rewritten = exprs.map((e) => {
    const resolved = resolveExpression(e, [...outputOf(agg), ...input], scope);
    return transformDown(resolved, (x) => {
      const isGroupingColumn = x.kind === 'attr' && agg.groupBy.some((g) => g.kind === 'attr' && g.id === x.id);
      if (!isAggregateCall(x) && !isGroupingColumn) return undefined;
      const found = existing.get(exprKey(x));
      if (found) return namedToAttr(found);
      const alias = aliasOf(x, prettyName(x));
      extra.push(alias);
      existing.set(exprKey(x), alias);
      return namedToAttr(alias);
    });
  });
  const widened: LogicalPlan = extra.length === 0 ? agg : { ...agg, aggregates: [...agg.aggregates, ...extra] };
  const available = outputOf(widened);
  const availableIds = new Set(available.map((a) => a.id));
  for (const e of rewritten) {
    const stray = collect(e, (x): x is Attr => x.kind === 'attr' && !availableIds.has(x.id) && input.some((a) => a.id === x.id));
    if (stray.length > 0) throw unresolvedColumn(stray[0].name, available.map((a) => a.name));
  }
  return { child: widened, exprs: rewritten };
}

/**
 * A DataFrame Column (an attribute, already resolved) that `child` does not output but a plan
 * below it does: `df.select('name').orderBy(df.col('age'))`. Thrown as the unresolved column it
 * is there, so that the sort or filter takes the missing-columns path, as it does for a name.
 */
export function checkNoDroppedColumn(exprs: readonly Expr[], child: LogicalPlan): void {
  const visible = new Set(outputOf(child).map((a) => a.id));
  const unseen = exprs.flatMap((e) => collect(e, (x): x is Attr => x.kind === 'attr' && !visible.has(x.id)));
  if (unseen.length === 0) return;
  const below = idsProducedIn([child]);
  const dropped = unseen.find((a) => below.has(a.id));
  if (dropped) throw unresolvedColumn(dropped.name, outputOf(child).map((a) => a.name));
}

/** The ids of every column the plans or any plan below them output. */
export function idsProducedIn(plans: readonly LogicalPlan[]): Set<number> {
  const ids = new Set<number>();
  const visit = (p: LogicalPlan): void => {
    for (const a of outputOf(p)) ids.add(a.id);
    planChildren(p).forEach(visit);
  };
  plans.forEach(visit);
  return ids;
}

/** A sort reading columns its projection dropped: the projection keeps them, a projection above drops them. */
export function sortWithMissingColumns(p: PlanOf<'sort'>, scope: OuterScope | undefined): LogicalPlan | undefined {
  const widened = projectWithMissingColumns(p.child, p.orders, scope);
  if (!widened) return undefined;
  const sort: LogicalPlan = { ...p, child: widened.child, orders: widened.exprs as SortOrderExpr[] };
  return widened.child === p.child ? sort : { kind: 'project', child: sort, exprs: outputOf(p.child) };
}

/** A filter reading columns its projection dropped (`select('name').filter('age > 21')`), as Spark's ResolveMissingReferences lets it. */
export function filterWithMissingColumns(p: PlanOf<'filter'>, scope: OuterScope | undefined): { child: LogicalPlan; condition: Expr } | undefined {
  const widened = projectWithMissingColumns(p.child, [p.condition], scope);
  return widened && { child: widened.child, condition: widened.exprs[0]! };
}

/** Expressions over a projection, resolved against what it shows and what it reads; the projection widened by the columns they read that it dropped. */
function projectWithMissingColumns(child: LogicalPlan, exprs: readonly Expr[], scope: OuterScope | undefined): { child: LogicalPlan; exprs: Expr[] } | undefined {
  const project = child.kind === 'project' ? child : undefined;
  if (!project) return undefined;
  const visible = outputOf(project);
  const below = outputOf(project.child);
  const resolved = exprs.map((e) => resolveExpression(e, [...visible, ...below], scope));
  const visibleIds = new Set(visible.map((a) => a.id));
  const used = new Set(resolved.flatMap((e) => [...referencedIds(e)]));
  const missing = below.filter((a) => used.has(a.id) && !visibleIds.has(a.id));
  if (missing.length === 0) return { child, exprs: resolved };
  return { child: { ...project, exprs: [...project.exprs, ...missing] }, exprs: resolved };
}
