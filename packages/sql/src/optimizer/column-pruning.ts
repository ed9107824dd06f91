/**
 * Spark's ColumnPruning: each operator gets only the columns something above it reads. A projection
 * over an aggregate, a window or another projection drops the expressions nobody reads; below a
 * projection (through its filters), an operator's children, and an aggregate's child, and the right
 * side of a semi, anti or existence join, get a projection of the columns still read. A union
 * takes the projection into each of its children; distinct, intersect, except and cached plans
 * read whole rows, so nothing under them is pruned. Spark leaves a projection right under a filter
 * out (removeProjectBeforeFilter); here a filter simply passes the read columns down. The physical
 * scan then reads only what the operators over it read (physical/scan-columns.ts). A plan holding
 * subquery expressions is left alone: their plans may read outer columns by id.
 */
import { planChildren, transformPlanUp, withChildren, type LogicalPlan, type PlanOf } from '../plan/logical-plan.js';
import { namedToAttr, outputOf } from '../plan/output.js';
import { holdsSubqueries, referencesOf } from '../plan/references.js';

export function pruneColumns(plan: LogicalPlan): LogicalPlan {
  if (holdsSubqueries(plan)) return plan;
  return transformPlanUp(plan, (p) => {
    if (p.kind === 'project') return withChild(p, readFrom(p.child, referencesOf(p)));
    if (p.kind === 'aggregate') return withChild(p, prunedChild(p.child, referencesOf(p)));
    if (p.kind === 'join' && (p.joinType === 'left_semi' || p.joinType === 'left_anti' || p.joinType === 'existence')) {
      const right = prunedChild(p.right, referencesOf(p));
      return right === p.right ? p : { ...p, right };
    }
    return p;
  });
}

const withChild = (p: LogicalPlan, child: LogicalPlan): LogicalPlan => withChildren(p, [child]);

const union = (a: ReadonlySet<number>, b: Iterable<number>): Set<number> => new Set([...a, ...b]);

/** `c` outputting only the columns in `read` (a projection of them over it when it outputs more). */
function prunedChild(c: LogicalPlan, read: ReadonlySet<number>): LogicalPlan {
  const output = outputOf(c);
  if (output.every((a) => read.has(a.id))) return c;
  if (c.kind === 'project') return { ...c, exprs: c.exprs.filter((e) => read.has(namedToAttr(e).id)) };
  return { kind: 'project', child: c, exprs: output.filter((a) => read.has(a.id)) };
}

/** `p` rewritten so that it computes no more than the columns `read` of its output (its output may keep others). */
function readFrom(p: LogicalPlan, read: ReadonlySet<number>): LogicalPlan {
  switch (p.kind) {
    case 'relation':
    case 'unresolvedRelation':
    case 'cached':
    case 'distinct':
      return p;
    case 'project': {
      const exprs = p.exprs.filter((e) => read.has(namedToAttr(e).id));
      return exprs.length === p.exprs.length ? p : { ...p, exprs };
    }
    case 'aggregate': {
      if (p.groupingSets) return p;
      const aggregates = p.aggregates.filter((e) => read.has(namedToAttr(e).id));
      return aggregates.length === p.aggregates.length || aggregates.length === 0 ? p : { ...p, aggregates };
    }
    case 'window': {
      const windowExprs = p.windowExprs.filter((e) => read.has(namedToAttr(e).id));
      const kept = windowExprs.length === p.windowExprs.length ? p : { ...p, windowExprs };
      return withChild(kept, prunedChild(p.child, union(read, referencesOf(kept))));
    }
    case 'filter':
      return withChild(p, readFrom(p.child, union(read, referencesOf(p))));
    case 'setOp':
      return p.op === 'union' && p.all && p.byName === undefined ? unionReading(p, read) : p;
    case 'join': {
      const needed = union(read, referencesOf(p));
      const semi = p.joinType === 'left_semi' || p.joinType === 'left_anti' || p.joinType === 'existence';
      const left = prunedChild(p.left, needed);
      const right = prunedChild(p.right, semi ? referencesOf(p) : needed);
      return left === p.left && right === p.right ? p : { ...p, left, right };
    }
    case 'limit':
      // Below a top-n's sort, so that the limit stays right over it (the planner's top-n, physical/sort.ts's takeOrdered).
      return p.child.kind === 'sort' ? withChild(p, readFrom(p.child, read)) : withChild(p, prunedChild(p.child, read));
    default: {
      const needed = union(read, referencesOf(p));
      const children = planChildren(p);
      const pruned = children.map((c) => prunedChild(c, needed));
      return pruned.every((c, i) => c === children[i]) ? p : withChildren(p, pruned);
    }
  }
}

/** A union's children keep the positions of the union's output that are read (by position: a child may repeat an id). */
function unionReading(p: PlanOf<'setOp'>, read: ReadonlySet<number>): LogicalPlan {
  const output = outputOf(p);
  const kept = output.map((a) => read.has(a.id));
  if (kept.every(Boolean) || !kept.some(Boolean)) return p;
  const narrowed = (c: LogicalPlan): LogicalPlan =>
    c.kind === 'project' ? { ...c, exprs: c.exprs.filter((_, i) => kept[i]) } : { kind: 'project', child: c, exprs: outputOf(c).filter((_, i) => kept[i]) };
  return { ...p, left: narrowed(p.left), right: narrowed(p.right) };
}
