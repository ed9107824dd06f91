/**
 * Column pruning at the scans. The optimizer's ColumnPruning has put a projection over every
 * relation whose columns are not all read (optimizer/column-pruning.ts), so a scan reads what the
 * projection over it (and the filters between them) reads, as Spark's FileSourceStrategy does; a
 * relation with no projection above it reads every column. The same walk tells which columns
 * any operator reads at all, so a sort's shuffle or a join's broadcast can leave the others out.
 */
import { planChildren, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { namedToAttr, outputOf } from '../plan/output.js';
import type { Attr } from '../expr/expression.js';
import { consumesWholeRows, expressionsOf, holdsSubqueries, referencesOf } from '../plan/references.js';
import { referencedIds } from '../expr/expression.js';

/**
 * The ids some operator of the plan reads: the plan's output, the references of every expression
 * (a projection's only when something reads its output) and whole rows where an operator consumes
 * them; undefined when the plan holds subquery expressions, whose plans are not walked. The
 * expressions of `besides` do not count: what a sort reads only as its key need not come out of it.
 */
export function readIds(root: LogicalPlan, besides?: LogicalPlan): ReadonlySet<number> | undefined {
  if (holdsSubqueries(root)) return undefined;
  const read = new Set(outputOf(root).map((a) => a.id));
  const visit = (p: LogicalPlan): void => {
    for (const e of p === besides ? [] : expressionsOf(p)) {
      if (p.kind === 'project' && !read.has(namedToAttr(e).id)) continue;
      for (const id of referencedIds(e)) read.add(id);
    }
    if (consumesWholeRows(p)) for (const child of planChildren(p)) for (const a of outputOf(child)) read.add(a.id);
    planChildren(p).forEach(visit);
  };
  visit(root);
  return read;
}

/** The positions of each relation's columns that its scan reads (a relation met twice reads what either place needs). */
export function scanColumns(root: LogicalPlan): Map<PlanOf<'relation'>, number[]> {
  const columns = new Map<PlanOf<'relation'>, number[]>();
  if (holdsSubqueries(root)) return columns;
  const visit = (p: LogicalPlan, read: ReadonlySet<number> | undefined): void => {
    if (p.kind === 'relation') {
      const positions = p.output.flatMap((a, i) => (read === undefined || read.has(a.id) ? [i] : []));
      const before = columns.get(p);
      columns.set(p, before === undefined ? positions : [...new Set([...before, ...positions])].sort((a, b) => a - b));
    } else if (p.kind === 'project') {
      visit(p.child, referencesOf(p));
    } else if (p.kind === 'filter') {
      visit(p.child, read && new Set([...read, ...referencesOf(p)]));
    } else {
      for (const child of planChildren(p)) visit(child, undefined);
    }
  };
  visit(root, undefined);
  return columns;
}

/** The columns a relation's scan outputs (all of them when `columns` has no entry for it). */
export function scanOutput(relation: PlanOf<'relation'>, columns: ReadonlyMap<LogicalPlan, readonly number[]>): readonly Attr[] {
  const positions = columns.get(relation);
  return positions === undefined ? relation.output : positions.map((i) => relation.output[i]);
}
