/**
 * Window functions over an aggregate's results (`rank() OVER (PARTITION BY a ORDER BY sum(x))`
 * in a grouped SELECT, as TPC-DS's q36, q47, q70 ... use them), as Spark's
 * ExtractWindowExpressions does: the aggregate computes the grouping columns, aggregates and
 * grouping() calls the select list reads (outside windows, and inside them as arguments and
 * partition and order keys), a Window operator over it computes the windows, and a projection
 * puts each select item together again under its own name and id.
 */
import { collect, exprJson, mapChildren, newExprId, transformDown, type Alias, type Attr, type Expr, type NamedExpr, type SortOrderExpr } from '../expr/expression.js';
import type { LogicalPlan, PlanOf } from '../plan/logical-plan.js';
import { prettyName } from '../expr/names.js';
import { dataTypeOf } from './type-of.js';
import { namedToAttr } from '../plan/output.js';

const hasWindow = (e: Expr) => collect(e, (x): x is Extract<Expr, { kind: 'window' }> => x.kind === 'window').length > 0;

/** An aggregate whose select list holds windows, split: the aggregate, and the window and projection to put over it. */
export interface WindowedAggregate {
  readonly aggregate: PlanOf<'aggregate'>;
  readonly over: (aggregate: LogicalPlan) => LogicalPlan;
}

/**
 * The plans extractAggregateWindows made, with their parts: a HAVING above one filters the
 * aggregate's rows before the windows see them (resolveFilter puts it between them).
 */
export const windowedAggregates = new WeakMap<LogicalPlan, WindowedAggregate>();

export function extractAggregateWindows(p: PlanOf<'aggregate'>, isAggregateCall: (e: Expr) => boolean): LogicalPlan {
  if (!p.aggregates.some(hasWindow)) return p;
  const key = (e: Expr) => exprJson(e);
  const groupKeys = new Set(p.groupBy.map(key));
  // What the aggregate outputs: the select items without a window as they are, and one column
  // per other value read (named _w0, _w1, ... as Spark's ExtractWindowExpressions names them).
  const computed = p.aggregates.filter((item) => !hasWindow(item)) as NamedExpr[];
  const known = new Map<string, Attr>();
  const viaAggregate = (x: Expr): Attr => {
    const k = key(x);
    const found = known.get(k);
    if (found) return found;
    const named: NamedExpr = x.kind === 'attr' ? x : ({ kind: 'alias', child: x, name: `_w${known.size}`, id: newExprId() } as Alias);
    if (x.kind !== 'attr' || !computed.includes(x)) computed.push(named);
    const attr: Attr = x.kind === 'attr' ? x : { kind: 'attr', id: named.id as number, name: named.name as string, dataType: dataTypeOf(x), nullable: true };
    known.set(k, attr);
    return attr;
  };
  const isGroupingCall = (x: Expr) => x.kind === 'call' && (x.name === 'grouping' || x.name === 'grouping_id');
  const lift = (e: Expr): Expr =>
    transformDown(e, (x) => (isAggregateCall(x) || isGroupingCall(x) || groupKeys.has(key(x)) || x.kind === 'attr' ? viaAggregate(x) : undefined));
  const windows: Alias[] = [];
  const rewrite = (e: Expr): Expr =>
    transformDown(e, (x) => {
      if (x.kind !== 'window') return isAggregateCall(x) || isGroupingCall(x) || groupKeys.has(key(x)) || x.kind === 'attr' ? viaAggregate(x) : undefined;
      const spec = { ...x.spec, partitionBy: x.spec.partitionBy.map(lift), orderBy: x.spec.orderBy.map((o) => lift(o) as SortOrderExpr) };
      const alias: Alias = { kind: 'alias', child: { ...x, fn: mapChildren(x.fn, lift), spec }, name: prettyName(x), id: newExprId() } as Alias;
      windows.push(alias);
      return { kind: 'attr', id: alias.id, name: alias.name, dataType: dataTypeOf(x), nullable: true } as Attr;
    });
  const items = p.aggregates.map((item): NamedExpr => {
    if (!hasWindow(item)) return namedToAttr(item as NamedExpr);
    return item.kind === 'alias' ? { ...item, child: rewrite(item.child) } : (rewrite(item) as NamedExpr);
  });
  const aggregate: PlanOf<'aggregate'> = { ...p, aggregates: computed };
  const over = (below: LogicalPlan): LogicalPlan => ({ kind: 'project', child: { kind: 'window', child: below, windowExprs: windows }, exprs: items });
  const plan = over(aggregate);
  windowedAggregates.set(plan, { aggregate, over });
  return plan;
}
