/**
 * Spark's RemoveRedundantAliases: `b#6 AS b#2`, an alias that only renumbers a column under its own
 * name (each reference to a view re-aliases all of its columns), becomes `b#6`, and the operators
 * above read b#6 for b#2. Unlike Spark the plan's own output is not kept: Flint's rows are
 * positional and their names come from the analyzed plan, so its output ids are free to change.
 * The two sides of a join must not share ids (a self-join reads one relation twice), so an alias
 * goes only when its column is not on the other side; a union keeps its first child's output.
 * A plan holding subquery expressions is left alone: their plans may read outer columns by id.
 */
import { transformUp, type Attr, type Expr } from '../expr/expression.js';
import { planChildren, withChildren, type LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';
import { holdsSubqueries } from '../plan/references.js';
import { mapEveryPlanExpression } from './plan-expressions.js';

export function removeRedundantAliases(plan: LogicalPlan): LogicalPlan {
  return holdsSubqueries(plan) ? plan : withoutRedundantAliases(plan, new Set());
}

const idsOf = (p: LogicalPlan): Set<number> => new Set(outputOf(p).map((a) => a.id));

/** `excluded`: ids an alias must not be replaced by, nor an alias producing them removed. */
function withoutRedundantAliases(p: LogicalPlan, excluded: ReadonlySet<number>): LogicalPlan {
  switch (p.kind) {
    case 'relation':
    case 'unresolvedRelation':
    case 'cached':
      return p;
    case 'join': {
      const left = withoutRedundantAliases(p.left, new Set([...excluded, ...idsOf(p.right)]));
      const right = withoutRedundantAliases(p.right, new Set([...excluded, ...idsOf(left)]));
      return renamed(p, [left, right], (e) => e);
    }
    case 'setOp': {
      const left = withoutRedundantAliases(p.left, new Set([...excluded, ...idsOf(p.left)]));
      const right = withoutRedundantAliases(p.right, excluded);
      return renamed(p, [left, right], (e) => e);
    }
    default: {
      const children = planChildren(p).map((c) => withoutRedundantAliases(c, excluded));
      const clean = p.kind === 'project' || (p.kind === 'aggregate' && !p.groupingSets) ? (e: Expr) => withoutAlias(e, excluded) : (e: Expr) => e;
      return renamed(p, children, clean);
    }
  }
}

/** The node over its new children, reading the attributes they renamed, each top-level expression then cleaned. */
function renamed(p: LogicalPlan, children: LogicalPlan[], clean: (e: Expr) => Expr): LogicalPlan {
  const before = planChildren(p);
  const renames = new Map<number, Attr>();
  children.forEach((child, i) => {
    if (child === before[i]) return;
    const old = outputOf(before[i]);
    outputOf(child).forEach((a, j) => {
      if (old[j].id !== a.id && !renames.has(old[j].id)) renames.set(old[j].id, a);
    });
  });
  const node = withChildren(p, children);
  const rename = (e: Expr): Expr => transformUp(e, (x) => (x.kind === 'attr' && renames.has(x.id) ? { ...renames.get(x.id)!, name: x.name } : x));
  return mapEveryPlanExpression(node, (e) => clean(renames.size === 0 ? e : rename(e)));
}

function withoutAlias(e: Expr, excluded: ReadonlySet<number>): Expr {
  if (e.kind !== 'alias' || e.child.kind !== 'attr' || e.names !== undefined) return e;
  const attr = e.child;
  return attr.name === e.name && !excluded.has(attr.id) && !excluded.has(e.id) ? attr : e;
}
