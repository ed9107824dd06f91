/**
 * Column pruning at the scans: for each relation in a plan, the positions of the columns some
 * operator above it reads, so a file reader converts only those (the others stay null); and,
 * from the same walk, which columns a sort's shuffle must carry.
 * An id counts as read when an expression references it, when it is in the plan's output, or
 * when an operator consumes its child's rows whole (set operations, distinct, cached plans,
 * USING joins). A projection's expression counts only when something above reads its output
 * (a view's re-aliasing projection lists every column, and most are never read); the plan is
 * walked from the root down, so every reader of an id is seen before the projection that makes
 * it. Operators such as filter, sort and limit pass rows through with their ids, so
 * reads above them reach the relation. A plan that still holds subquery expressions is not
 * pruned at all (their plans are not walked here).
 */
import { exists, referencedIds, type Expr } from '../expr/expression.js';
import { planChildren, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { namedToAttr, outputOf } from '../plan/output.js';

function expressionsOf(p: LogicalPlan): readonly Expr[] {
  switch (p.kind) {
    case 'project': return p.exprs;
    case 'filter': return [p.condition];
    case 'aggregate': return [...p.groupBy, ...p.aggregates];
    case 'join': return p.condition ? [p.condition] : [];
    case 'sort': return p.orders;
    case 'window': return p.windowExprs;
    case 'repartition': return p.partitionExprs;
    case 'generate': return [p.generator];
    default: return [];
  }
}

function consumesWholeRows(p: LogicalPlan): boolean {
  return p.kind === 'setOp' || p.kind === 'distinct' || p.kind === 'cached' || (p.kind === 'join' && p.using !== undefined);
}

/**
 * The ids some operator of the plan reads (see the file comment); undefined when the plan holds
 * subquery expressions, whose plans are not walked: then every column counts as read.
 */
export function readIds(root: LogicalPlan): ReadonlySet<number> | undefined {
  const read = new Set(outputOf(root).map((a) => a.id));
  let hasSubquery = false;
  const visit = (p: LogicalPlan): void => {
    for (const e of expressionsOf(p)) {
      if (exists(e, (x) => x.kind === 'subquery')) hasSubquery = true;
      if (p.kind === 'project' && !read.has(namedToAttr(e).id)) continue;
      for (const id of referencedIds(e)) read.add(id);
    }
    if (consumesWholeRows(p)) for (const child of planChildren(p)) for (const a of outputOf(child)) read.add(a.id);
    planChildren(p).forEach(visit);
  };
  visit(root);
  return hasSubquery ? undefined : read;
}

export function scanColumns(root: LogicalPlan): Map<PlanOf<'relation'>, number[]> {
  const read = readIds(root);
  if (read === undefined) return new Map();
  const relations: PlanOf<'relation'>[] = [];
  const collect = (p: LogicalPlan): void => {
    if (p.kind === 'relation') relations.push(p);
    planChildren(p).forEach(collect);
  };
  collect(root);
  return new Map(relations.map((r) => [r, r.output.flatMap((a, i) => (read.has(a.id) ? [i] : []))]));
}
