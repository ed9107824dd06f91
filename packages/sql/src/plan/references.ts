/** What a resolved plan node reads: the expressions it holds and the attribute ids they reference. */
import { exists, referencedIds, type Expr } from '../expr/expression.js';
import { planChildren, type LogicalPlan } from './logical-plan.js';
import { outputOf } from './output.js';

/** Every expression a node holds (a generator, metrics and partitioning expressions included). */
export function expressionsOf(p: LogicalPlan): readonly Expr[] {
  switch (p.kind) {
    case 'project': return p.exprs;
    case 'filter': return [p.condition];
    case 'aggregate': return [...p.groupBy, ...p.aggregates];
    case 'join': return p.condition ? [p.condition] : [];
    case 'sort': return p.orders;
    case 'window': return p.windowExprs;
    case 'repartition': return p.partitionExprs;
    case 'generate': return [p.generator];
    case 'collectMetrics': return p.metrics;
    default: return [];
  }
}

/** Operators whose result depends on every column of their input rows. */
export function consumesWholeRows(p: LogicalPlan): boolean {
  return p.kind === 'setOp' || p.kind === 'distinct' || p.kind === 'cached' || (p.kind === 'join' && p.using !== undefined);
}

/** The ids a node reads from its children: its expressions' references, or all of its input when it consumes whole rows. */
export function referencesOf(p: LogicalPlan): Set<number> {
  const ids = new Set<number>();
  for (const e of expressionsOf(p)) for (const id of referencedIds(e)) ids.add(id);
  if (consumesWholeRows(p)) for (const child of planChildren(p)) for (const a of outputOf(child)) ids.add(a.id);
  return ids;
}

/** Whether some node of the plan holds a subquery expression (whose plan may read outer columns by id). */
export function holdsSubqueries(plan: LogicalPlan): boolean {
  return expressionsOf(plan).some((e) => exists(e, (x) => x.kind === 'subquery')) || planChildren(plan).some(holdsSubqueries);
}
