/**
 * Spark's ReorderJoin: a left-deep tree of inner joins (the comma joins of SQL's FROM, with the
 * WHERE predicates pushed into them) is put in an order where each join has a condition when one
 * can have it, instead of the order of the text. `FROM part, supplier, partsupp WHERE p_partkey =
 * ps_partkey AND s_suppkey = ps_suppkey` joined part with supplier first: a cartesian product
 * (TPC-H q02, q08, q09). The first table stays first; then, each time, the first remaining table
 * that a condition connects to the tables joined so far, else the next one (a cartesian product
 * that no order avoids). Conditions sit at the first join that has all their columns; the output
 * keeps its column order through a projection.
 */
import { exists, referencedIds, type Expr } from '../expr/expression.js';
import { conjunction, splitConjuncts } from '../expr/predicates.js';
import { planChildren, withChildren, type LogicalPlan } from '../plan/logical-plan.js';
import { outputOf } from '../plan/output.js';
import { isDeterministic } from './push-filters.js';

export function reorderJoins(plan: LogicalPlan): LogicalPlan {
  const flat = innerJoinTree(plan);
  if (flat !== undefined && flat.leaves.length > 2 && flat.conditions.length > 0) {
    const leaves = flat.leaves.map(reorderJoins);
    const order = joinOrder(leaves, flat.conditions);
    if (order.some((leaf, i) => leaf !== leaves[i]) || leaves.some((leaf, i) => leaf !== flat.leaves[i])) {
      const reordered = orderedJoin(order, flat.conditions, flat.joinType);
      const output = outputOf(plan);
      const same = outputOf(reordered).every((a, i) => a.id === output[i].id);
      return same ? reordered : { kind: 'project', child: reordered, exprs: output };
    }
    return plan;
  }
  const children = planChildren(plan);
  const rewritten = children.map(reorderJoins);
  return rewritten.every((c, i) => c === children[i]) ? plan : withChildren(plan, rewritten);
}

interface InnerJoinTree {
  /** The plans the joins join, left to right (a right side is a leaf even when it is a join itself, as in Spark). */
  leaves: LogicalPlan[];
  conditions: Expr[];
  /** 'cross' when the tree has an explicit CROSS JOIN: a join left without a condition keeps that type. */
  joinType: 'inner' | 'cross';
}

const movable = (e: Expr) => isDeterministic(e) && !exists(e, (x) => x.kind === 'subquery');

/** The leaves and conditions of the inner joins (and filters right on them) at the root; undefined when the root is neither. */
function innerJoinTree(p: LogicalPlan): InnerJoinTree | undefined {
  // A join with a strategy hint keeps its sides, as Spark's ReorderJoin leaves hinted joins alone.
  if (p.kind === 'join' && (p.joinType === 'inner' || p.joinType === 'cross') && p.using === undefined && p.hints === undefined) {
    const conditions = splitConjuncts(p.condition);
    if (!conditions.every(movable)) return undefined;
    const left = innerJoinTree(p.left) ?? { leaves: [p.left], conditions: [], joinType: 'inner' as const };
    const joinType = p.joinType === 'cross' || left.joinType === 'cross' ? 'cross' : 'inner';
    return { leaves: [...left.leaves, p.right], conditions: [...left.conditions, ...conditions], joinType };
  }
  if (p.kind === 'filter' && p.child.kind === 'join') {
    const conditions = splitConjuncts(p.condition);
    const below = innerJoinTree(p.child);
    if (below === undefined || !conditions.every(movable)) return undefined;
    return { ...below, conditions: [...below.conditions, ...conditions] };
  }
  return undefined;
}

const idsOf = (p: LogicalPlan) => new Set(outputOf(p).map((a) => a.id));
const within = (refs: ReadonlySet<number>, ids: ReadonlySet<number>) => [...refs].every((id) => ids.has(id));

/** Spark's createOrderedJoin: the leaves in the order they are joined in. */
function joinOrder(leaves: readonly LogicalPlan[], conditions: readonly Expr[]): LogicalPlan[] {
  const refs = conditions.map((c) => new Set(referencedIds(c)));
  const order = [leaves[0]];
  const joined = idsOf(leaves[0]);
  let rest = leaves.slice(1);
  while (rest.length > 0) {
    const connected = rest.find((leaf) => {
      const ids = idsOf(leaf);
      const both = new Set([...joined, ...ids]);
      return refs.some((r) => r.size > 0 && !within(r, joined) && !within(r, ids) && within(r, both));
    });
    const next = connected ?? rest[0];
    order.push(next);
    for (const id of idsOf(next)) joined.add(id);
    rest = rest.filter((leaf) => leaf !== next);
  }
  return order;
}

/**
 * The left-deep joins of the leaves in order: a condition on one leaf's columns filters that
 * leaf (predicate pushdown takes it further down), any other sits at the lowest join that has
 * its columns, and one with no columns in a filter on top.
 */
function orderedJoin(order: readonly LogicalPlan[], conditions: readonly Expr[], joinType: 'inner' | 'cross'): LogicalPlan {
  let remaining = [...conditions];
  const take = (ids: ReadonlySet<number>, single: boolean) => {
    const here = remaining.filter((c) => {
      const refs = new Set(referencedIds(c));
      return (!single || refs.size > 0) && within(refs, ids);
    });
    remaining = remaining.filter((c) => !here.includes(c));
    return conjunction(here);
  };
  const filtered = (leaf: LogicalPlan): LogicalPlan => {
    const condition = take(idsOf(leaf), true);
    return condition === undefined ? leaf : { kind: 'filter', child: leaf, condition };
  };
  const leaves = order.map(filtered);
  let plan = leaves[0];
  const joined = idsOf(plan);
  for (const leaf of leaves.slice(1)) {
    for (const id of idsOf(leaf)) joined.add(id);
    const condition = take(joined, false);
    plan = { kind: 'join', left: plan, right: leaf, joinType: condition === undefined ? joinType : 'inner', condition };
  }
  const rest = conjunction(remaining);
  return rest === undefined ? plan : { kind: 'filter', child: plan, condition: rest };
}
