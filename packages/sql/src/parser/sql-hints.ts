/**
 * The hints of `SELECT /*+ ... *\/` (Spark's ResolveHints): a join strategy hint marks the tables
 * it names in the FROM clause (all of it when it names none); REPARTITION(n, cols), REBALANCE and
 * COALESCE(n) repartition the SELECT's result. Other hints are ignored, as Spark does.
 */
import type { Expr } from '../expr/expression.js';
import type { LogicalPlan } from '../plan/logical-plan.js';
import { JOIN_HINTS, withJoinHint } from '../plan/hints.js';
import type { SqlHint } from './ast.js';

export function withSqlJoinHints(from: LogicalPlan, hints: readonly SqlHint[]): LogicalPlan {
  return hints.reduce((plan, h) => {
    const strategy = JOIN_HINTS[h.name.toUpperCase()];
    return strategy === undefined ? plan : withJoinHint(plan, strategy, h.parameters.map(String));
  }, from);
}

export function withSqlPartitioningHints(plan: LogicalPlan, hints: readonly SqlHint[]): LogicalPlan {
  return hints.reduce((child, h) => {
    const name = h.name.toUpperCase();
    if (name !== 'REPARTITION' && name !== 'REBALANCE' && name !== 'COALESCE') return child;
    const [first] = h.parameters;
    const numPartitions = typeof first === 'number' ? first : undefined;
    const partitionExprs: Expr[] = h.parameters.filter((p) => typeof p === 'string').map((p) => ({ kind: 'column', name: p as string }));
    return { kind: 'repartition', child, numPartitions, shuffle: name !== 'COALESCE', partitionExprs };
  }, plan);
}
